package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The GDPR law layer (rules/gdpr-baseline): its own scenarios, loaded from the bundled packs
 * (classpath:gdpr-baseline), and their coverage. The company packs held against it, and their
 * layered scenarios, come with their maps.
 */
class GdprBaselineTest {
    static final String PACK = "../rules/gdpr-baseline";
    static final String SCENARIOS = PACK + "/scenarios";

    @TestFactory
    Stream<DynamicNode> baselineScenarios() {
        return PackScenarios.of("classpath:gdpr-baseline", SCENARIOS);
    }

    /** The bundled copy is the folder's: the same pack, version and jurisdiction. */
    @Test
    void theBundledPackIsTheFolder() {
        PolicyEngine bundled = PolicyEngine.load("classpath:gdpr-baseline");
        PolicyEngine folder = PolicyEngine.load(java.nio.file.Path.of(PACK));
        assertEquals(folder.policy(), bundled.policy());
        assertEquals("EEA", bundled.policy().jurisdiction());
    }

    /** The build fails if the baseline's scenarios drop below the minimum the pack sets (100%). */
    @Test
    void theBaselineScenariosCoverEveryClauseAndRule() {
        PackCoverage.Report r = PackCoverage.assertCovered(PACK, SCENARIOS);
        assertEquals(100, r.minimum());
        assertTrue(r.clausePercent() >= 100 && r.rulePercent() >= 100, r.summary());
    }
}
