package io.privacyrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cedar gives the engine's effect on every request of the mix (it has no obligations). Skipped,
 * with the reason, where Cedar's native library cannot load (cedar-java's uber jar carries it for
 * Linux and macOS on x86_64 and aarch64, and Windows on x86_64).
 */
class CedarAgreementTest {

    @Test
    void agreesWithTheEngineOnTheEffectOfEveryRequestOfTheMix() {
        String why = CedarDecider.unavailableBecause();
        assumeTrue(why == null, () -> "Cedar's native library cannot load on this machine ("
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): " + why);
        CedarDecider cedar = new CedarDecider();
        assertEquals(35, cedar.policies(), "one policy per permit or deny rule of the pack");
        List<ProcessingRequest> mix = SeedEngine.mix();
        List<Decision> decisions = SeedEngine.decisions();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            boolean permitted = cedar.permitted(mix.get(i));
            if (permitted != decisions.get(i).permitted()) {
                mismatches.add(mix.get(i) + ": engine " + decisions.get(i).effect() + " " + decisions.get(i).clauses()
                        + ", Cedar " + (permitted ? "allow" : "deny"));
            }
        }
        System.out.println("Cedar agrees with the engine on all " + mix.size() + " requests (policy set cached natively: "
                + cedar.cached() + ")");
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                mismatches.size() + " of " + mix.size() + " requests disagree");
    }
}
