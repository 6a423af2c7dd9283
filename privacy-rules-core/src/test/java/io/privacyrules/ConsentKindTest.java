package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate consents: the {@code consentKind} qualifier and {@code guardianConsent: separate}. */
class ConsentKindTest {
    @TempDir
    static Path dir;
    static PolicyEngine engine;

    /** The seed pack, edited so that affiliates need a separate consent and children a guardian's separate consent. */
    @BeforeAll
    static void load() {
        Path pack = TestPacks.copySeed(dir.resolve("separate"));
        TestPacks.edit(pack, "policy.yaml",
                "when: {action: share, recipient: [bmw, bmw-affiliate, bmw-ag], consent: naming-recipient}",
                "when: {action: share, recipient: [bmw, bmw-affiliate, bmw-ag], consent: naming-recipient, consentKind: separate}");
        TestPacks.edit(pack, "policy.yaml",
                "    when: {action: share, recipient: [bmw, bmw-affiliate, bmw-ag, authorized-dealer]}\n"
                        + "    unless:\n      - {consent: naming-recipient}",
                "    when: {action: share, recipient: [bmw, bmw-affiliate, bmw-ag, authorized-dealer]}\n"
                        + "    unless:\n      - {consent: naming-recipient, consentKind: separate, recipient: [bmw, bmw-affiliate, bmw-ag]}\n"
                        + "      - {consent: naming-recipient, recipient: authorized-dealer}");
        TestPacks.edit(pack, "policy.yaml", "\nrules:\n", "\nrules:\n"
                + "  - id: children-need-separate-guardian-consent\n"
                + "    clause: VI\n"
                + "    effect: deny\n"
                + "    code: separate-guardian-consent-required\n"
                + "    message: \"A child's data needs the guardian's separate consent.\"\n"
                + "    when: {child: true, action: collect}\n"
                + "    unless: {guardianConsent: separate}\n\n");
        engine = PolicyEngine.load(pack);
    }

    static ProcessingRequest.Builder shareWithAffiliate() {
        return ProcessingRequest.builder().action("share").purpose("customer-service").data("contact.mobile")
                .recipient("bmw-affiliate");
    }

    @Test
    void anExplicitConsentDoesNotSatisfyASeparateConsentTest() {
        Decision d = engine.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate")).build());
        assertFalse(d.permitted(), d::toString);
        assertEquals(List.of("III.2(1)"), d.clauses());
    }

    @Test
    void aSeparateConsentSatisfiesIt() {
        Decision d = engine.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("separate")).build());
        assertTrue(d.permitted(), d::toString);
    }

    @Test
    void aWithdrawnSeparateConsentCoversNothing() {
        Decision d = engine.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("separate").withdraw()).build());
        assertFalse(d.permitted(), d::toString);
    }

    @Test
    void aSeparateConsentToAnotherRecipientDoesNotCount() {
        Decision d = engine.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw").ofKind("separate"),
                Consent.toRecipient("bmw-affiliate")).build());
        assertFalse(d.permitted(), d::toString);
    }

    @Test
    void aSeparateConsentAlsoSatisfiesAnExplicitConsentTest() {
        Decision d = engine.decide(ProcessingRequest.builder().action("share").purpose("service-analytics")
                .data("identity.gender").recipient("authorized-dealer")
                .consent(Consent.toRecipient("authorized-dealer").ofKind("separate")).build());
        assertTrue(d.permitted(), d::toString);
        PolicyEngine seed = PolicyEngine.load("classpath:bmw-connected-drive-cn");
        assertTrue(seed.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("separate")).build()).permitted());
    }

    @Test
    void guardianConsentSeparateNeedsASeparateGuardianConsent() {
        ProcessingRequest.Builder child = ProcessingRequest.builder().action("collect").purpose("contract-conclusion")
                .data("identity.name").age(12);
        Decision explicit = engine.decide(child.guardianConsent(true).build());
        assertFalse(explicit.permitted(), explicit::toString);
        assertEquals("separate-guardian-consent-required", explicit.reasons().get(0).code());
        Decision separate = engine.decide(child.guardianConsent("separate").build());
        assertTrue(separate.permitted(), separate::toString);
        Decision none = engine.decide(child.guardianConsent(false).build());
        assertFalse(none.permitted(), none::toString);
    }

    @Test
    void consentKindWithoutAConsentTestIsALoadError() {
        Path pack = TestPacks.copySeed(dir.resolve("lonely-kind"));
        TestPacks.edit(pack, "policy.yaml", "when: {purpose: service-improvement}",
                "when: {purpose: service-improvement, consentKind: separate}");
        Problem p = TestPacks.problem(pack);
        assertTrue(p.message().contains("consentKind qualifies a consent test"), p::toString);
        assertTrue(p.line() > 0 && p.column() > 0, p::toString);
    }

    @Test
    void anUnknownConsentKindIsALoadErrorWithAHint() {
        Path pack = TestPacks.copySeed(dir.resolve("bad-kind"));
        TestPacks.edit(pack, "policy.yaml", "unless: {consent: naming-purpose}\n\n  - id: product-development-anonymized",
                "unless: {consent: naming-purpose, consentKind: seperate}\n\n  - id: product-development-anonymized");
        Problem p = TestPacks.problem(pack);
        assertTrue(p.message().contains("undeclared consent kind 'seperate'"), p::toString);
        assertTrue(p.hint().contains("separate"), p::toString);
    }

    @Test
    void subjectKeepsTheGuardianConsentKindOnlyWithAGuardianConsent() {
        assertEquals(null, new Subject(12, false, List.of(), "separate").guardianConsentKind());
        assertEquals(null, new Subject(12, true, List.of()).guardianConsentKind());
        assertEquals("separate", Subject.aged(12).withGuardianConsent("separate").guardianConsentKind());
    }

    @Test
    void aConsentOfAKindThePackDoesNotDeclareIsAnInvalidRequestNamingIt() {
        Decision d = engine.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("seperate")).build());
        assertFalse(d.permitted());
        assertEquals("invalid-request", d.reasons().get(0).code());
        assertTrue(d.reasons().get(0).message().contains("unknown consent kind 'seperate'"), d.reasons().get(0).message());
        Decision g = engine.decide(shareWithAffiliate().age(12).guardianConsent("guardian-only").build());
        assertTrue(g.reasons().get(0).message().contains("unknown consent kind 'guardian-only'"), g.reasons().get(0).message());
    }

    @Test
    void aStrongerKindSatisfiesARuleAskingForAWeakerOne() {
        // The seed asks for an explicit consent naming the recipient; a separate consent is stronger.
        PolicyEngine seed = PolicyEngine.load("classpath:bmw-connected-drive-cn");
        assertTrue(seed.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("explicit")).build()).permitted());
        assertTrue(seed.decide(shareWithAffiliate().consent(Consent.toRecipient("bmw-affiliate").ofKind("separate")).build()).permitted());
    }
}
