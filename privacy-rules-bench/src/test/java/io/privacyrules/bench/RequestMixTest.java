package io.privacyrules.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestMixTest {

    @Test
    void isFixedDistinctAndLargeEnough() {
        List<ProcessingRequest> mix = SeedEngine.mix();
        assertEquals(RequestMix.SIZE, mix.size());
        assertTrue(RequestMix.SIZE >= 1000);
        assertEquals(mix.size(), new HashSet<>(mix).size(), "requests are distinct");
        assertEquals(mix, RequestMix.standard(), "the same seed gives the same mix, in the same order");
        assertEquals(Integer.bitCount(RequestMix.SIZE), 1, "the benchmark cursor wraps with a mask");
    }

    /**
     * The requests engineDrl decides are the only ones a rule of children.drl fires on (on almost
     * all of them, one does): outside them, only rules of policy.yaml fire, which the engine
     * evaluates without Drools.
     */
    @Test
    void onlyTheDrlPartOfTheMixFiresADrlRule() {
        List<ProcessingRequest> mix = SeedEngine.mix();
        List<ProcessingRequest> drl = RequestMix.reachingDrl(mix);
        io.privacyrules.internal.engine.Engine engine = io.privacyrules.internal.EngineAccess.single(SeedEngine.engine());
        int firing = 0;
        for (ProcessingRequest r : mix) {
            List<String> fired = new java.util.ArrayList<>();
            engine.decide(r, rule -> fired.add(rule.name()));
            boolean anyDrl = fired.stream().anyMatch(n -> !n.startsWith("policy.yaml#"));
            assertTrue(!anyDrl || drl.contains(r), () -> "a DRL rule fired outside the DRL part: " + r);
            firing += anyDrl ? 1 : 0;
        }
        System.out.printf("request mix: %d requests reach Drools, a DRL rule fires on %d%n", drl.size(), firing);
        assertTrue(drl.size() >= 20 && firing >= drl.size() * 9 / 10, drl.size() + " / " + firing);
    }

    @Test
    void coversEveryActionPurposeAndRecipient() {
        List<ProcessingRequest> mix = SeedEngine.mix();
        assertEquals(Set.copyOf(Seed.ACTIONS), mix.stream().map(ProcessingRequest::action).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.copyOf(Seed.PURPOSE_IDS), mix.stream().map(ProcessingRequest::purpose).collect(java.util.stream.Collectors.toSet()));
        Set<String> recipients = new HashSet<>();
        mix.forEach(r -> recipients.add(r.recipient()));
        assertTrue(recipients.containsAll(Seed.RECIPIENT_IDS), "every recipient: " + recipients);
    }

    @Test
    void everyRequestIsValidAndAboutHalfArePermitted() {
        List<ProcessingRequest> mix = SeedEngine.mix();
        List<Decision> decisions = SeedEngine.decisions();
        int permits = 0;
        TreeMap<String, int[]> byAction = new TreeMap<>();
        TreeMap<String, Integer> denyCodes = new TreeMap<>();
        for (int i = 0; i < mix.size(); i++) {
            Decision d = decisions.get(i);
            assertNotNull(Facts.of(mix.get(i)), "valid: " + mix.get(i));
            assertTrue(d.reasons().stream().noneMatch(r -> r.code().equals("invalid-request") || r.code().equals("internal-error")),
                    () -> "decided, not rejected: " + d.reasons());
            int[] counts = byAction.computeIfAbsent(mix.get(i).action(), a -> new int[2]);
            if (d.permitted()) {
                permits++;
                counts[0]++;
            } else {
                counts[1]++;
                d.reasons().forEach(r -> denyCodes.merge(r.rule(), 1, Integer::sum));
            }
        }
        double ratio = (double) permits / mix.size();
        System.out.printf("request mix: %d requests, %d permits, %d denies (%.1f%% permitted)%n",
                mix.size(), permits, mix.size() - permits, 100 * ratio);
        byAction.forEach((a, c) -> System.out.printf("  %-22s %4d permits %4d denies%n", a, c[0], c[1]));
        System.out.println("  rules behind the denies: " + denyCodes);
        assertTrue(ratio >= 0.45 && ratio <= 0.55, "about half permitted, was " + ratio);
    }
}
