package io.privacyrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jCasbin gives the engine's effect on every request of the mix (it has no obligations). */
class CasbinAgreementTest {

    @Test
    void agreesWithTheEngineOnTheEffectOfEveryRequestOfTheMix() {
        CasbinDecider casbin = new CasbinDecider();
        assertEquals(35, casbin.policies(), "one policy line per permit or deny rule of the pack");
        List<ProcessingRequest> mix = SeedEngine.mix();
        List<Decision> decisions = SeedEngine.decisions();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < mix.size(); i++) {
            boolean permitted = casbin.permitted(mix.get(i));
            if (permitted != decisions.get(i).permitted()) {
                mismatches.add(mix.get(i) + ": engine " + decisions.get(i).effect() + " " + decisions.get(i).clauses()
                        + ", jCasbin " + (permitted ? "allow" : "deny"));
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                mismatches.size() + " of " + mix.size() + " requests disagree");
    }
}
