package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The same situations decided under two laws: the seed pack held against the PIPL baseline, and
 * PulseTrack held against the GDPR baseline, each request in its own pack's identifiers. Each line
 * pins both answers (the decision or outcome, and every reason as clause and code), so a change in
 * either law layer, either company pack or either map that moves an answer fails here, and the
 * table in docs/checking-against-the-law.md ("The same requests under two laws") has to be
 * revisited. The line ids are the table's.
 */
class LawsCrossCheckTest {
    static final PolicyEngine PIPL = PolicyEngine.layered("classpath:bmw-connected-drive-cn", "classpath:pipl-baseline");
    static final PolicyEngine GDPR = PolicyEngine.layered("classpath:pulsetrack-eu", "classpath:gdpr-baseline");
    static final LocalDate RECEIVED = LocalDate.of(2026, 7, 1);

    /** What one side must answer: the answer, every reason in order ("clause code"), and obligations it must or must not carry. */
    record Expect(String answer, LocalDate respondBy, List<String> reasons, List<String> with, List<String> without) {
        Expect with(String... obligations) {
            return new Expect(answer, respondBy, reasons, List.of(obligations), without);
        }

        Expect without(String... obligations) {
            return new Expect(answer, respondBy, reasons, with, List.of(obligations));
        }
    }

    static Expect permit(String... reasons) {
        return new Expect("permit", null, List.of(reasons), List.of(), List.of());
    }

    static Expect deny(String... reasons) {
        return new Expect("deny", null, List.of(reasons), List.of(), List.of());
    }

    static Expect fulfil(LocalDate by, String... reasons) {
        return new Expect("fulfil", by, List.of(reasons), List.of(), List.of());
    }

    static Expect refuse(LocalDate by, String... reasons) {
        return new Expect("refuse", by, List.of(reasons), List.of(), List.of());
    }

    /** One line of the table: the seed's request under PIPL, PulseTrack's under the GDPR. */
    record Line(String id, String situation, Object seed, Expect underPipl, Object pulseTrack, Expect underGdpr) {
    }

    static ProcessingRequest.Builder seed(String action, String purpose, String... data) {
        return ProcessingRequest.builder().action(action).purpose(purpose).data(data);
    }

    static ProcessingRequest.Builder pulse(String action, String purpose, String... data) {
        return ProcessingRequest.builder().action(action).purpose(purpose).data(data);
    }

    static RightsRequest right(String right, String... erasureGrounds) {
        return RightsRequest.builder().right(right).receivedOn(RECEIVED).identityVerified(true).erasureGrounds(erasureGrounds).build();
    }

    static List<Line> lines() {
        LocalDate thirtyDays = LocalDate.of(2026, 7, 31);
        LocalDate oneMonth = LocalDate.of(2026, 8, 1);
        return List.of(
                // ---- children: PIPL Art. 28(1), 31 (under 14); GDPR Art. 8(1) (13 to 16 by member state)
                new Line("C1", "a 13-year-old opens an account, no parent's consent",
                        seed("collect", "account-registration", "account.credentials").age(13).build(),
                        deny("VI guardian-consent-required"),
                        pulse("collect", "account-and-activity", "account.credentials").age(13).country("DE").build(),
                        permit("I.1 purpose-permitted", "Art. 6(1)(b) purpose-permitted")),
                new Line("C2", "a 14-year-old consents to marketing alone (PulseTrack: in Germany)",
                        seed("use", "marketing", "identity.name").age(14).consent(Consent.toPurpose("marketing")).build(),
                        permit("I.6 purpose-permitted", "Art. 13(1)(i) purpose-permitted"),
                        pulse("use", "marketing", "contact.email").age(14).country("DE").consent(Consent.toPurpose("marketing")).build(),
                        deny("II parental-consent-required", "Art. 8(1) parental-consent-required")),
                new Line("C3", "the same 14-year-old (PulseTrack: in Italy)",
                        seed("use", "marketing", "identity.name").age(14).consent(Consent.toPurpose("marketing")).build(),
                        permit("I.6 purpose-permitted", "Art. 13(1)(i) purpose-permitted"),
                        pulse("use", "marketing", "contact.email").age(14).country("IT").consent(Consent.toPurpose("marketing")).build(),
                        permit("I.5 purpose-permitted", "Art. 6(1)(a) purpose-permitted").without("verify-parental-consent")),
                new Line("C4", "a 13-year-old's marketing on a parent's consent of the pack's default kind (PulseTrack: in Germany)",
                        seed("use", "marketing", "identity.name").age(13).guardianConsent(true).consent(Consent.toPurpose("marketing")).build(),
                        deny("Art. 31 guardian-separate-consent-required"),
                        pulse("use", "marketing", "contact.email").age(13).country("DE").guardianConsent(true)
                                .consent(Consent.toPurpose("marketing")).build(),
                        permit("I.5 purpose-permitted", "Art. 6(1)(a) purpose-permitted").with("verify-parental-consent")),
                new Line("C5", "a 13-year-old's contract data, with a parent's consent",
                        seed("collect", "contract-conclusion", "identity.name").age(13).guardianConsent(true).build(),
                        permit("I.1(1) purpose-permitted", "Art. 13(1)(ii) purpose-permitted")
                                .with("sensitive-necessity-and-protection", "sensitive-notice", "child-processing-rules"),
                        pulse("collect", "account-and-activity", "identity.name").age(13).country("DE").guardianConsent(true).build(),
                        permit("I.1 purpose-permitted", "Art. 6(1)(b) purpose-permitted").without("verify-parental-consent")),
                // ---- consent withdrawal: PIPL Art. 15; GDPR Art. 7(3)
                new Line("W1", "marketing after the consent to it was withdrawn",
                        seed("use", "marketing", "identity.name").consent(Consent.toPurpose("marketing").withdraw()).build(),
                        deny("I.6 consent-required", "Art. 13 no-legal-basis"),
                        pulse("use", "marketing", "contact.email").consent(Consent.toPurpose("marketing").withdraw()).build(),
                        deny("I.5 consent-required", "Art. 6(1)(a) consent-required")),
                new Line("W2", "a request to withdraw consent, received on 1 July",
                        right("consent-withdrawal"),
                        fulfil(thirtyDays, "V.4 right-exercised", "Art. 15 right-exercised"),
                        right("consent-withdrawal"),
                        fulfil(RECEIVED, "V.7 right-exercised", "Art. 7(3) right-exercised").with("stop-processing-on-withdrawal")),
                // ---- processors: PIPL Art. 21 (entrusted party); GDPR Art. 28
                new Line("R1", "a processor at home, for the contract",
                        seed("entrust", "contract-conclusion", "identity.name").recipient("entrusted-processor").build(),
                        permit("III.1 entrusted-processing", "Art. 13(1)(ii) purpose-permitted").with("entrustment-agreement"),
                        pulse("entrust", "account-and-activity", "identity.name").recipient("hosting-provider").build(),
                        permit("III.1 processor", "Art. 6(1)(b) purpose-permitted").with("processor-contract", "processor-guarantees")),
                new Line("R2", "a processor for a consent-based purpose, without the consent",
                        seed("entrust", "marketing", "identity.name").recipient("entrusted-processor").build(),
                        deny("I.6 consent-required", "Art. 13 no-legal-basis"),
                        pulse("entrust", "marketing", "contact.email").recipient("email-delivery").build(),
                        deny("I.5 consent-required", "Art. 6(1)(a) consent-required")),
                new Line("R3", "a processor in the US, for the contract, no consent",
                        seed("entrust", "contract-fulfilment", "vehicle.service-data").recipient("entrusted-processor").destination("US").build(),
                        deny("VII cross-border-transfer-forbidden", "Art. 39 separate-consent-required"),
                        pulse("entrust", "account-and-activity", "contact.email").recipient("email-delivery").build(),
                        permit("III.1 processor", "Art. 6(1)(b) purpose-permitted", "Art. 46(2)(c) appropriate-safeguards")
                                .with("standard-contractual-clauses", "processor-contract", "transfer-impact-assessment")),
                // ---- transfers: PIPL Art. 38-39; GDPR Art. 44-49
                new Line("T1", "abroad to a recipient the subject's consent names (seed: Germany; PulseTrack: Switzerland)",
                        seed("share", "customer-service", "identity.name").recipient("bmw-ag").consent(Consent.toRecipient("bmw-ag")).build(),
                        deny("VII cross-border-transfer-forbidden", "Art. 23 separate-consent-required", "Art. 39 separate-consent-required"),
                        pulse("share", "connected-app-sharing", "activity.gps-track").recipient("connected-app").destination("CH")
                                .consent(new Consent("connected-app-sharing", "connected-app", null, false)).build(),
                        permit("III.2 purpose-permitted", "Art. 6(1)(a) purpose-permitted", "Art. 45(1) adequacy-decision")),
                new Line("T2", "abroad on the strongest consent each pack knows (seed: separate; PulseTrack: explicit, occasional, US)",
                        seed("share", "customer-service", "identity.name").recipient("bmw-ag")
                                .consent(Consent.toRecipient("bmw-ag").ofKind("separate")).build(),
                        deny("VII cross-border-transfer-forbidden"),
                        pulse("share", "connected-app-sharing", "activity.gps-track").recipient("connected-app").destination("US")
                                .transferMechanism("occasional-explicit-consent")
                                .consent(new Consent("connected-app-sharing", "connected-app", null, false, "explicit")).build(),
                        permit("III.2 purpose-permitted", "Art. 6(1)(a) purpose-permitted", "Art. 49(1)(a) derogation")
                                .with("inform-of-transfer-risks", "derogation-strictly-necessary")),
                // ---- objection: PIPL Art. 44 (a request); GDPR Art. 21
                new Line("O1", "marketing on a standing consent after the subject objected to it",
                        seed("use", "marketing", "identity.name").consent(Consent.toPurpose("marketing")).objections("marketing").build(),
                        permit("I.6 purpose-permitted", "Art. 13(1)(i) purpose-permitted"),
                        pulse("use", "marketing", "contact.email").consent(Consent.toPurpose("marketing")).objections("direct-marketing").build(),
                        deny("VII.2 objected-to-direct-marketing", "Art. 21(3) objected-to-direct-marketing")),
                new Line("O2", "a request to stop further processing (seed: cancel the account; PulseTrack: object)",
                        right("account-cancellation"),
                        fulfil(thirtyDays, "V.5 right-exercised", "Art. 44 right-exercised"),
                        right("objection"),
                        fulfil(oneMonth, "V.6 right-exercised", "Art. 21(1) right-exercised").with("stop-processing-on-objection")),
                // ---- erasure: PIPL Art. 47, 50; GDPR Art. 17, 12(4)
                new Line("E1", "erasure without a ground either pack lists",
                        right("erasure"),
                        refuse(thirtyDays, "V.3 no-erasure-ground", "Art. 47 no-deletion-ground", "Art. 50 reasons-for-refusal"),
                        right("erasure"),
                        refuse(oneMonth, "V.3 no-erasure-ground", "Art. 17(1) no-erasure-ground").with("inform-of-complaint-and-remedy")));
    }

    @TestFactory
    Stream<DynamicTest> eachLineIsDecidedAsTheTableSays() {
        return lines().stream().map(l -> DynamicTest.dynamicTest(l.id() + " " + l.situation(), () -> assertAll(
                check(l.id() + " under PIPL", PIPL, l.seed(), l.underPipl()),
                check(l.id() + " under the GDPR", GDPR, l.pulseTrack(), l.underGdpr()))));
    }

    /** Every area the issue names has lines, and the laws do not agree everywhere (or the table says nothing). */
    @Test
    void theLinesCoverEachAreaAndShowDifferences() {
        List<String> ids = lines().stream().map(Line::id).toList();
        for (String area : List.of("C", "W", "R", "T", "O", "E")) {
            assertTrue(ids.stream().anyMatch(id -> id.startsWith(area)), area);
        }
        long differ = lines().stream().filter(l -> !l.underPipl().answer().equals(l.underGdpr().answer())).count();
        assertTrue(differ >= 6, "lines where the two laws answer differently: " + differ);
    }

    private static Executable check(String label, PolicyEngine engine, Object request, Expect expect) {
        return () -> {
            String answer;
            LocalDate respondBy = null;
            List<Reason> reasons;
            List<String> obligations;
            if (request instanceof ProcessingRequest r) {
                Decision d = engine.decide(r);
                answer = d.permitted() ? "permit" : "deny";
                reasons = d.reasons();
                obligations = d.obligationIds();
            } else {
                RightsDecision d = engine.decide((RightsRequest) request);
                answer = d.outcome().id();
                respondBy = d.respondBy();
                reasons = d.reasons();
                obligations = d.obligationIds();
            }
            List<String> got = new ArrayList<>();
            reasons.forEach(x -> got.add(x.clause() + " " + x.code()));
            assertEquals(expect.answer(), answer, label + ": " + got);
            assertEquals(expect.reasons(), got, label);
            assertEquals(expect.respondBy(), respondBy, label);
            for (String o : expect.with()) {
                assertTrue(obligations.contains(o), label + ": no " + o + " in " + obligations);
            }
            for (String o : expect.without()) {
                assertTrue(!obligations.contains(o), label + ": " + o + " in " + obligations);
            }
        };
    }
}
