package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A company pack (the seed) layered with a small law pack (test resource mini-law). */
class LayeredEngineTest {
    static final Path LAW = Path.of("src/test/resources/packs/mini-law");
    static final Path MAP = Path.of("src/test/resources/packs/seed-onto-mini-law.yaml");

    @TempDir
    static Path dir;
    static Path company;
    static PolicyEngine layered;
    static PolicyEngine seed;

    @BeforeAll
    static void load() throws IOException {
        company = TestPacks.copySeed(dir.resolve("company"));
        Files.createDirectories(company.resolve("maps"));
        Files.copy(MAP, company.resolve("maps/mini-law.yaml"));
        layered = PolicyEngine.layered(company.toString(), LAW.toString());
        seed = PolicyEngine.load(company);
    }

    static ProcessingRequest.Builder shareMobileWithAffiliate() {
        return ProcessingRequest.builder().action("share").purpose("customer-service").data("contact.mobile")
                .recipient("bmw-affiliate").age(40);
    }

    static Set<String> packs(List<Reason> reasons) {
        return reasons.stream().map(Reason::pack).collect(Collectors.toSet());
    }

    @Test
    void theLawDeniesWhatTheCompanyPermitsOnAnExplicitConsent() {
        ProcessingRequest r = shareMobileWithAffiliate().consent(Consent.toRecipient("bmw-affiliate")).build();
        assertTrue(seed.decide(r).permitted(), "the company pack alone still permits it");
        Decision d = layered.decide(r);
        assertFalse(d.permitted(), d::toString);
        assertEquals(List.of("Art. 23"), d.clauses());
        assertEquals(Set.of("mini-law"), packs(d.reasons()));
        assertEquals("separate-consent-required", d.reasons().get(0).code());
    }

    @Test
    void aSeparateConsentSatisfiesBothLayersAndTheObligationsAreTheUnion() {
        Decision d = layered.decide(shareMobileWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("separate")).build());
        assertTrue(d.permitted(), d::toString);
        assertEquals(List.of("confidentiality-agreement", "inform-recipient"), d.obligationIds());
        assertEquals(Set.of("bmw-connected-drive-cn", "mini-law"), packs(d.reasons()));
        assertTrue(d.clauses().contains("III.2(1)(a)") && d.clauses().contains("Art. 13(1)(ii)"), d::toString);
    }

    @Test
    void aSeparateConsentToAnotherRecipientOfTheSameKindDoesNotCount() {
        // bmw and bmw-affiliate are both "another processor" to the law: the consent to bmw must not stand for the affiliate
        Decision d = layered.decide(shareMobileWithAffiliate().consent(Consent.toRecipient("bmw").ofKind("separate"),
                Consent.toRecipient("bmw-affiliate")).build());
        assertFalse(d.permitted(), d::toString);
        assertEquals(List.of("Art. 23"), d.clauses());
    }

    @Test
    void whenBothLayersDenyBothReasonsAreGiven() {
        Decision d = layered.decide(shareMobileWithAffiliate().build());
        assertFalse(d.permitted());
        assertEquals(Set.of("bmw-connected-drive-cn", "mini-law"), packs(d.reasons()), d::toString);
    }

    @Test
    void aRecipientAbroadStaysAbroadInTheLawLayer() {
        Decision d = layered.decide(ProcessingRequest.builder().action("share").purpose("customer-service")
                .data("identity.name").recipient("bmw-ag").consent(Consent.toRecipient("bmw-ag")).build());
        assertFalse(d.permitted());
        assertTrue(d.clauses().contains("VII") && d.clauses().contains("Art. 38"), d::toString);
    }

    @Test
    void theCompanysDenyStandsWhenTheLawPermits() {
        Decision d = layered.decide(ProcessingRequest.builder().action("collect").purpose("marketing")
                .data("identity.name").consent(Consent.toPurpose("service-improvement")).build());
        assertFalse(d.permitted());
        assertTrue(d.clauses().contains("I.6"), d::toString);
    }

    @Test
    void anInvalidRequestIsDeniedOnceInTheFirstPacksTerms() {
        Decision d = layered.decide(shareMobileWithAffiliate().purpose("marketting").build());
        assertFalse(d.permitted());
        assertEquals(1, d.reasons().size(), d::toString);
        assertEquals("invalid-request", d.reasons().get(0).code());
        assertTrue(d.reasons().get(0).message().contains("marketting"));
        assertEquals("bmw-connected-drive-cn+mini-law", d.policy().id());
    }

    @Test
    void decisionsNameTheLayersTogether() {
        assertEquals("bmw-connected-drive-cn+mini-law", layered.policy().id());
        assertEquals("2019.11+1", layered.policy().version());
        assertEquals(List.of("bmw-connected-drive-cn", "mini-law"), layered.layers().stream().map(PolicyInfo::id).toList());
        assertEquals(List.of("bmw-connected-drive-cn"), seed.layers().stream().map(PolicyInfo::id).toList());
    }

    @Test
    void aLayerWithoutRightsOrRetentionRulesLeavesThoseDecisionsToTheOthers() {
        PolicyEngine l = layered.withClock(java.time.Clock.fixed(java.time.Instant.parse("2026-07-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        PolicyEngine s = seed.withClock(l.clock());
        RightsRequest rr = RightsRequest.builder().right("erasure").identityVerified(true)
                .erasureGrounds("service-no-longer-used").build();
        assertEquals(s.decide(rr).outcome(), l.decide(rr).outcome());
        assertEquals(s.decide(rr).respondBy(), l.decide(rr).respondBy());
        RetentionQuery q = RetentionQuery.builder().data("contract.record").purposes("contract-conclusion")
                .purposesFulfilled("contract-conclusion").event("contract-ended", LocalDate.of(2025, 1, 10)).build();
        assertEquals(s.decide(q).action(), l.decide(q).action());
        assertEquals(s.decide(q).until(), l.decide(q).until());
    }

    @Test
    void oneLocationIsOnePack() {
        assertEquals("mini-law", PolicyEngine.layered(LAW.toString()).policy().id());
        assertThrows(IllegalArgumentException.class, PolicyEngine::layered);
    }

    @Test
    void withoutAMapEveryUnmatchedIdIsReportedAtOnce() {
        Path bare = TestPacks.copySeed(dir.resolve("bare"));
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.layered(bare.toString(), LAW.toString()));
        String all = e.problems().toString();
        assertTrue(all.contains("action 'share' has no counterpart in pack mini-law"), all);
        assertTrue(all.contains("purpose 'marketing' has no counterpart"), all);
        assertTrue(all.contains("data category 'contact.mobile' has no counterpart"), all);
        assertTrue(all.contains("recipient 'bmw-affiliate' has no counterpart"), all);
        assertTrue(all.contains("create maps/mini-law.yaml"), all);
        // 2 actions + 11 purposes + 26 categories + 8 recipients; collect, use, entrust, transfer and disclose match
        assertEquals(2 + 11 + 26 + 8, e.problems().size());
    }

    @Test
    void aMistakeInTheMapIsReportedWithItsLineAndAHint() throws IOException {
        Path typo = TestPacks.copySeed(dir.resolve("typo"));
        Files.createDirectories(typo.resolve("maps"));
        Files.writeString(typo.resolve("maps/mini-law.yaml"), Files.readString(MAP)
                .replace("  bmw-affiliate: other-processor", "  bmw-afiliate: other-processor")
                .replace("  bmw: other-processor", "  bmw: other-procesor"));
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.layered(typo.toString(), LAW.toString()));
        List<Problem> ps = e.problems();
        Problem source = ps.stream().filter(p -> p.message().contains("'bmw-afiliate' is not declared")).findFirst().orElseThrow();
        assertTrue(source.file().endsWith("mini-law.yaml") && source.line() > 1 && source.hint().contains("bmw-affiliate"), source::toString);
        Problem target = ps.stream().filter(p -> p.message().contains("maps onto 'other-procesor'")).findFirst().orElseThrow();
        assertTrue(target.hint().contains("other-processor"), target::toString);
        assertTrue(ps.stream().anyMatch(p -> p.message().contains("recipient 'bmw-affiliate' has no counterpart")), ps::toString);
    }

    @Test
    void aMapForAnotherPackIsRejected() throws IOException {
        Path wrong = TestPacks.copySeed(dir.resolve("wrong"));
        Files.createDirectories(wrong.resolve("maps"));
        Files.writeString(wrong.resolve("maps/mini-law.yaml"), Files.readString(MAP).replace("map: mini-law", "map: maxi-law"));
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.layered(wrong.toString(), LAW.toString()));
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("maps onto 'maxi-law'")), e.problems()::toString);
    }

    @Test
    void problemsOfEveryLayerAreReportedTogether() {
        Path broken = TestPacks.copySeed(dir.resolve("broken"));
        TestPacks.edit(broken, "policy.yaml", "clause: III.2(1)(b)\n    effect: permit", "clause: III.9\n    effect: permit");
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.layered(broken.toString(), "does/not/exist"));
        String all = e.problems().toString();
        assertTrue(all.contains("III.9") && all.contains("no policy.yaml"), all);
    }

    @Test
    void aFailingRuleInTheLawLayerFailsClosed() throws IOException {
        Path law = dir.resolve("failing-law");
        Files.createDirectories(law.resolve("rules"));
        Files.writeString(law.resolve("policy.yaml"), Files.readString(LAW.resolve("policy.yaml"))
                + "\ndrl: rules/broken.drl\n");
        // a condition reading a method of a missing value (a use names no recipient) throws
        Files.writeString(law.resolve("rules/broken.drl"), """
                rule "broken"
                    @clause("Art. 13")
                when
                    Request( action == "use", recipient.startsWith("x") )
                then
                    out.deny("broken", "Never reached.");
                end
                """);
        PolicyEngine failing = PolicyEngine.layered(company.toString(), law.toString());
        Decision d = failing.decide(ProcessingRequest.builder().action("use").purpose("customer-service")
                .data("identity.name").build());
        assertFalse(d.permitted(), d::toString);
        assertTrue(d.reasons().stream().anyMatch(r -> r.code().equals("internal-error") && r.pack().equals("mini-law")),
                d::toString);
        // a request the broken rule does not reach is decided as before
        assertTrue(failing.decide(ProcessingRequest.builder().action("collect").purpose("customer-service")
                .data("identity.name").build()).permitted());
    }
}
