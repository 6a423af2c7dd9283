package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The PIPL law layer (rules/pipl-baseline): its own scenarios and their coverage, and the seed pack
 * held against it (the seed first, the law second, through the seed's maps/pipl-baseline.yaml).
 */
class PiplBaselineTest {
    static final String PACK = "../rules/pipl-baseline";
    static final String SCENARIOS = PACK + "/scenarios";

    @TestFactory
    Stream<DynamicNode> baselineScenarios() {
        return PackScenarios.of("classpath:pipl-baseline", SCENARIOS);
    }

    @TestFactory
    Stream<DynamicNode> seedPackUnderTheBaseline() {
        PolicyEngine layered = PolicyEngine.layered("classpath:bmw-connected-drive-cn", "classpath:pipl-baseline");
        return PackScenarios.of(layered, "../rules/bmw-connected-drive-cn/scenarios-pipl");
    }

    /** The build fails if the baseline's scenarios drop below the minimum the pack sets (95%). */
    @Test
    void theBaselineScenariosMeetTheBaselinesMinimum() {
        PackCoverage.Report r = PackCoverage.assertCovered(PACK, SCENARIOS);
        assertEquals(95, r.minimum());
        assertTrue(r.clausePercent() >= 95 && r.rulePercent() >= 95, r.summary());
    }
}
