package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class PackCoverageTest {
    static final String PACK = "../rules/bmw-connected-drive-cn";
    static final String SCENARIOS = PACK + "/scenarios";

    /** The build fails if the seed pack's scenarios drop below the minimum the pack sets (95%). */
    @Test
    void theSeedScenariosMeetTheSeedPacksMinimum() {
        PackCoverage.Report r = PackCoverage.assertCovered(PACK, SCENARIOS);
        assertEquals(95, r.minimum());
        assertTrue(r.clausePercent() >= 95 && r.rulePercent() >= 95, r.summary());
    }

    @Test
    void tooFewScenariosFailWithWhatIsUncovered() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> PackCoverage.assertCovered(PACK, SCENARIOS + "/04-cross-border.yaml"));
        assertTrue(e.getMessage().startsWith("coverage clauses "), e.getMessage());
        assertTrue(e.getMessage().contains("is below the pack's coverage.minimum of 95.0%:"), e.getMessage());
        assertTrue(e.getMessage().contains("UNCOVERED rule marketing-needs-consent (I.6) "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PackCoverage.assertCovered(101, PACK, SCENARIOS));
    }
}
