package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The PIPL law layer (rules/pipl-baseline) on its own: its scenarios and their coverage. */
class PiplBaselineTest {
    static final String PACK = "../rules/pipl-baseline";
    static final String SCENARIOS = PACK + "/scenarios";

    @TestFactory
    Stream<DynamicNode> baselineScenarios() {
        return PackScenarios.of("classpath:pipl-baseline", SCENARIOS);
    }

    /** The build fails if the baseline's scenarios drop below the minimum the pack sets (95%). */
    @Test
    void theBaselineScenariosMeetTheBaselinesMinimum() {
        PackCoverage.Report r = PackCoverage.assertCovered(PACK, SCENARIOS);
        assertEquals(95, r.minimum());
        assertTrue(r.clausePercent() >= 95 && r.rulePercent() >= 95, r.summary());
    }
}
