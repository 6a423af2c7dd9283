package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations name the rules, the failing tests and the combination, and never a data value. */
class ExplainTest {
    final LoadedPack seed = ToolPacks.seed();

    private static Explain.Line line(List<Explain.Line> lines, String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in " + lines));
    }

    @Test
    void denyOverridesPermitIsSpelledOut() {
        ProcessingRequest r = ProcessingRequest.builder().action("share").purpose("customer-service").data("identity.name")
                .recipient("bmw-ag").consent(Consent.toRecipient("bmw-ag")).build();
        Explain.Explanation e = Explain.of(seed, r);
        assertEquals("deny", e.answer());
        assertEquals(List.of("share-with-bmw-and-affiliates", "share-under-nda", "stays-in-the-prc"),
                e.fired().stream().map(Explain.Line::id).toList());
        assertEquals("deny", line(e.fired(), "stays-in-the-prc").effect());
        assertTrue(e.how().get(1).startsWith("deny overrides permit: the permit of share-with-bmw-and-affiliates (III.2(1)(a)) was overridden"),
                e.how()::toString);
        // a YAML rule names the failing test; an unless that held is named too
        assertEquals("when does not hold: recipient is bmw-ag, needs authorized-dealer", line(e.notMatched(), "share-with-dealers").why());
        assertEquals("unless holds (line " + ToolPacks.lineOf(ToolPacks.SEED, "      - {consent: naming-recipient}") + "): consent: naming-recipient",
                line(e.notMatched(), "share-with-bmw-group-needs-consent").why());
        // a DRL rule only did not match; DRL rules for rights and retention are not considered
        assertEquals("did not match", line(e.notMatched(), "children-collect-needs-guardian-consent").why());
        assertTrue(e.notMatched().stream().noneMatch(l -> l.id().equals("rights-fulfil")));
        assertEquals(ToolPacks.seed().pack().rules().size() + 2, e.fired().size() + e.notMatched().size());
    }

    @Test
    void theDefaultDenyAndAPermitWithObligationsAreExplained() {
        Explain.Explanation none = Explain.of(seed, ProcessingRequest.builder().action("collect").purpose("service-analytics")
                .data("identity.name").build());
        assertEquals("deny", none.answer());
        assertTrue(none.how().get(0).contains("the pack's default applies: deny not-permitted (I)"), none.how()::toString);
        Explain.Explanation yes = Explain.of(seed, ProcessingRequest.builder().action("use").purpose("product-development")
                .data("vehicle.location").build());
        assertEquals("permit", yes.answer());
        assertTrue(yes.how().get(1).contains("anonymize (I.3)"), yes.how()::toString);
        assertEquals("unless holds (line " + ToolPacks.lineOf(ToolPacks.SEED, "      - {consent: naming-purpose}") + "): consent: naming-purpose",
                Explain.whyNot(seed.pack().rules().stream().filter(r -> r.id().equals("product-development-anonymized")).findFirst().orElseThrow(),
                        new io.privacyrules.internal.drl.Request(seed.pack(), ProcessingRequest.builder().action("use")
                                .purpose("product-development").data("vehicle.location").consent(Consent.toPurpose("product-development")).build())));
    }

    @Test
    void anInvalidRequestNamesNoValue() {
        String value = "jane.doe@example.com";
        Explain.Explanation e = Explain.of(seed, ProcessingRequest.builder().action("share").purpose("customer-service")
                .data(value).recipient("bmw").build());
        String all = String.join("\n", e.lines());
        assertFalse(all.contains(value), all);
        assertTrue(e.fired().isEmpty() && e.notMatched().isEmpty());
        assertTrue(e.how().get(0).contains("not valid"), all);
    }

    /** For every seed request, the explanation's verdict on each YAML rule agrees with the engine. */
    @Test
    void theExplanationAgreesWithTheEngineOnEverySeedRequest() {
        int n = 0;
        for (ProcessingRequest r : SeedRequests.all()) {
            Explain.Explanation e = Explain.of(seed, r);
            for (Explain.Line l : e.notMatched()) {
                assertFalse(l.why().startsWith("matches"), () -> l.id() + " on " + r);
                n++;
            }
        }
        assertTrue(n > 1000, "checked " + n);
    }

    @Test
    void rightsAndRetentionAnswersNameTheDecidingRules() {
        LocalDate day = LocalDate.of(2026, 7, 1);
        Explain.Explanation rights = Explain.of(seed, RightsRequest.builder().right("erasure").identityVerified(true)
                .refusalGrounds("national-security").receivedOn(day).build(), day);
        assertEquals("refuse", rights.answer());
        assertTrue(rights.fired().stream().anyMatch(l -> l.id().equals("rights-refuse-on-v8-ground")));
        assertTrue(rights.how().get(1).contains("rights-refuse-on-v8-ground (refusal-ground, V.8(2))"), rights.how()::toString);
        assertTrue(rights.how().get(2).contains("rights-fulfil"), rights.how()::toString);
        Explain.Explanation keep = Explain.of(seed, RetentionQuery.builder().data("contract.record").purposes("contract-conclusion")
                .purposesFulfilled("contract-conclusion").event("contract-ended", LocalDate.of(2025, 1, 10)).asOf(day).build(), day);
        assertEquals("retain", keep.answer());
        assertTrue(keep.how().get(0).startsWith("any retain wins over dispose"), keep.how()::toString);
    }
}
