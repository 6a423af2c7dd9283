package io.privacyrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The floor is honest: on every request of the mix it gives the engine's effect, obligations and rules. */
class HandWrittenAgreementTest {

    @Test
    void agreesWithTheEngineOnEveryRequestOfTheMix() {
        List<ProcessingRequest> mix = SeedEngine.mix();
        List<Decision> decisions = SeedEngine.decisions();
        List<String> mismatches = new ArrayList<>();
        Set<String> rulesSeen = new TreeSet<>();
        for (int i = 0; i < mix.size(); i++) {
            Decision engine = decisions.get(i);
            HandWritten.Verdict hand = HandWritten.decide(mix.get(i));
            Set<String> engineRules = new TreeSet<>();
            for (Reason r : engine.reasons()) {
                engineRules.add(r.rule());
            }
            Set<String> handRules = rules(engine.permitted() ? hand.permits() : hand.denies());
            if (!hand.permitted() && hand.denies() == 0) {
                handRules.add("engine"); // no rule permitted: the pack's default deny
            }
            rulesSeen.addAll(engineRules);
            if (engine.permitted() != hand.permitted()
                    || !engine.obligationIds().equals(hand.obligationIds())
                    || !engineRules.equals(handRules)) {
                mismatches.add(mix.get(i) + "\n    engine: " + engine.effect() + " " + engine.obligationIds() + " " + engineRules
                        + "\n    hand:   " + (hand.permitted() ? "PERMIT" : "DENY") + " " + hand.obligationIds() + " " + handRules);
            }
        }
        assertEquals(List.of(), mismatches.subList(0, Math.min(5, mismatches.size())),
                mismatches.size() + " of " + mix.size() + " requests disagree");
        System.out.println("hand-written floor agrees with the engine on all " + mix.size() + " requests; "
                + rulesSeen.size() + " rules (or the default deny) give reasons in the mix");
        assertTrue(rulesSeen.size() >= 30, "the mix exercises most rules: " + rulesSeen);
    }

    @Test
    void deniesInvalidRequests() {
        assertTrue(HandWritten.decide((ProcessingRequest) null).invalid());
        assertTrue(HandWritten.decide(ProcessingRequest.builder().action("collect").purpose("marketing").build()).invalid());
        assertTrue(HandWritten.decide(ProcessingRequest.builder().action("share").purpose("marketing").data("contact.email").build())
                .invalid(), "share needs a recipient");
    }

    private static Set<String> rules(long bits) {
        Set<String> out = new TreeSet<>();
        for (int b = 0; b < HandWritten.RULES.size(); b++) {
            if ((bits & (1L << b)) != 0) {
                out.add(HandWritten.RULES.get(b));
            }
        }
        return out;
    }
}
