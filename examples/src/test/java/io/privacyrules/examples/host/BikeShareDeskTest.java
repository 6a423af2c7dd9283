package io.privacyrules.examples.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import io.privacyrules.junit.PackCoverage;
import io.privacyrules.junit.PackScenarios;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The second pack, of a fictional company: it loads with the same engine and passes its own scenarios. */
class BikeShareDeskTest {
    private static final String FOLDER = "packs/pedalwise-bikes-nl";
    private static final String SCENARIOS = FOLDER + "/scenarios";
    private static final PolicyEngine ENGINE = PolicyEngine.load(FOLDER);   // loading compiles the pack: once

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return PackScenarios.of(ENGINE, SCENARIOS);
    }

    /** An empty or moved scenario folder would make the factory above pass with nothing run. */
    @Test
    void theScenariosAreThereAndPass() {
        List<ScenarioResult> results = Scenarios.run(ENGINE, Path.of(SCENARIOS));
        assertTrue(results.size() >= 30, "expected the pack's 30 scenarios, ran " + results.size());
        assertEquals(List.of(), results.stream().filter(r -> !r.passed()).map(ScenarioResult::toString).toList());
    }

    @Test
    void theScenariosCoverThePack() {
        PackCoverage.assertCovered(FOLDER, SCENARIOS);
    }

    @Test
    void theJarCarriesThePackAsTheFolderHasIt() {
        PolicyEngine fromJar = PolicyEngine.load(BikeShareDesk.PACK);
        assertEquals(ENGINE.policy(), fromJar.policy());
        assertEquals("pedalwise-bikes-nl", fromJar.policy().id());
        assertEquals("NL", fromJar.policy().jurisdiction());
    }

    @Test
    void theDeskDecidesByTheFictionalPack() throws IOException {
        List<String> lines = BikeShareDesk.run(PolicyEngine.load(BikeShareDesk.PACK).withClock(BikeShareDesk.SAMPLE_CLOCK));
        assertEquals(List.of(
                "start a ride, tracking the bike: ALLOWED [Art. 2(2) purpose-permitted]; obligations: only-while-riding",
                "a 15-year-old rents without a parent: REFUSED [Art. 6 guardian-consent-required]",
                "newsletter, no consent: REFUSED [Art. 4 consent-required]",
                "newsletter, rider opted in: ALLOWED [Art. 4 purpose-permitted]; obligations: none",
                "plan the fleet from ride locations: ALLOWED [Art. 3 purpose-permitted]; obligations: anonymize",
                "bill from a server in Germany: REFUSED [Art. 5(3) stays-in-the-netherlands]",
                "erasure request: FULFIL by 2026-12-26 [Art. 7(2) right-exercised]; obligations: notify-processor"), lines);
        List<String> readme = new ArrayList<>(ConnectedDriveServiceTest.readmeBlock("pedalwise-output"));
        assertEquals("Pedalwise rental desk (a fictional company), pack pedalwise-bikes-nl 2026.1", readme.remove(0));
        assertEquals(lines, readme, "examples/README.md shows another output: paste the new one");
    }
}
