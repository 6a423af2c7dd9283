package io.privacyrules.junit;

import static io.privacyrules.junit.DecisionAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * The fluent assertions against the seed pack's answers: each passes on the right decision, and
 * each fails on a wrong one with a message that shows the whole decision.
 */
class DecisionAssertionsTest {
    static final PolicyEngine ENGINE = PolicyEngine.load("classpath:bmw-connected-drive-cn");

    /** The README's request: permit citing III.2(1)(b), with anonymize, aggregate and confidentiality-agreement. */
    static final Decision DEALER_REPORT = ENGINE.decide(ProcessingRequest.builder()
            .action("share").purpose("service-analytics").data("identity.gender")
            .recipient("authorized-dealer").consent(Consent.toRecipient("authorized-dealer")).build());

    /** A 12-year-old registering alone: deny citing VI. */
    static final Decision CHILD_REGISTERS = ENGINE.decide(ProcessingRequest.builder()
            .action("collect").purpose("account-registration").data("account.credentials").age(12).build());

    /** BMW AG in Germany, with consent: deny citing VII. */
    static final Decision TO_GERMANY = ENGINE.decide(ProcessingRequest.builder()
            .action("share").purpose("customer-service").data("contact.mobile")
            .recipient("bmw-ag").consent(Consent.toRecipient("bmw-ag")).build());

    static final RightsDecision ERASURE = ENGINE.decide(RightsRequest.builder().right("erasure")
            .receivedOn(LocalDate.of(2026, 7, 1)).identityVerified(true).erasureGrounds("service-no-longer-used").build());

    static final RightsDecision UNVERIFIED = ENGINE.decide(RightsRequest.builder().right("access")
            .receivedOn(LocalDate.of(2026, 7, 1)).build());

    static final RightsDecision NATIONAL_SECURITY = ENGINE.decide(RightsRequest.builder().right("access")
            .receivedOn(LocalDate.of(2026, 7, 1)).identityVerified(true).refusalGrounds("national-security").build());

    static final RetentionDecision CONTRACT_RECORD = ENGINE.decide(RetentionQuery.builder().data("contract.record")
            .purposes("contract-conclusion").purposesFulfilled("contract-conclusion")
            .event("contract-ended", LocalDate.of(2025, 1, 10)).asOf(LocalDate.of(2026, 11, 1)).build());

    static final RetentionDecision FULFILLED = ENGINE.decide(RetentionQuery.builder().data("contact.email")
            .purposes("customer-service").purposesFulfilled("customer-service").asOf(LocalDate.of(2026, 11, 1)).build());

    static AssertionFailedError fails(Executable assertion) {
        return assertThrows(AssertionFailedError.class, assertion);
    }

    /** The message shows every reason as "clause code: message (rule id)", and the pack. */
    static void showsReasons(String message, List<Reason> reasons) {
        for (Reason r : reasons) {
            String line = "\n    " + r.clause() + " " + r.code() + ": " + r.message() + " (rule " + r.rule() + ")";
            assertTrue(message.contains(line), "missing " + line + " in:\n" + message);
        }
        assertTrue(message.contains("\n  policy: bmw-connected-drive-cn "), message);
    }

    // --- processing ---

    @Test
    void processingAssertionsPassOnTheRightDecision() {
        assertThat(DEALER_REPORT).isPermitted()
                .citing("III.2(1)(b)")
                .citing("III.2", "III")
                .withCode("explicit-consent")
                .withObligations("aggregate", "anonymize")
                .withObligations("confidentiality-agreement")
                .withoutObligations("successor-bound-by-policy");
        assertThat(CHILD_REGISTERS).isDenied().citing("VI").withNoObligations()
                .withoutObligations("anonymize");
        assertThat(TO_GERMANY).isDenied().citing("VII").withCode("cross-border-transfer-forbidden");
        assertSame(DEALER_REPORT, assertThat(DEALER_REPORT).decision());
    }

    @Test
    void isPermittedFailsOnADenyShowingTheWholeDecision() {
        AssertionFailedError e = fails(() -> assertThat(TO_GERMANY).isPermitted());
        String m = e.getMessage();
        assertTrue(m.startsWith("expected permit, but the decision is deny\n  decision: deny\n  reasons:\n    VII "
                + "cross-border-transfer-forbidden: "), m);
        showsReasons(m, TO_GERMANY.reasons());
        assertTrue(m.contains("\n  obligations: none"), m);
        assertEquals("permit", e.getExpected().getValue());
        assertEquals("deny", e.getActual().getValue());
    }

    @Test
    void isDeniedFailsOnAPermitListingTheObligations() {
        AssertionFailedError e = fails(() -> assertThat(DEALER_REPORT).isDenied());
        String m = e.getMessage();
        assertTrue(m.startsWith("expected deny, but the decision is permit\n  decision: permit\n"), m);
        showsReasons(m, DEALER_REPORT.reasons());
        assertTrue(m.contains("\n    III.2(1)(b) explicit-consent: "), m);
        assertTrue(m.contains("\n  obligations: anonymize (I.4), aggregate (I.4), confidentiality-agreement (III.2)"), m);
    }

    @Test
    void citingFailsWhenNoReasonCitesTheClauseOrOneUnderIt() {
        AssertionFailedError e = fails(() -> assertThat(CHILD_REGISTERS).citing("VI", "IV.2"));
        String m = e.getMessage();
        assertTrue(m.startsWith("expected a reason citing IV.2 (or a clause under it), but the reasons cite "
                + CHILD_REGISTERS.clauses() + "\n  decision: deny"), m);
        showsReasons(m, CHILD_REGISTERS.reasons());
        assertEquals(List.of("VI", "IV.2"), e.getExpected().getEphemeralValue());
        assertEquals(CHILD_REGISTERS.clauses(), e.getActual().getEphemeralValue());
    }

    /** The covers rule of scenario files: I covers I.x and I(x), never IV.2 or a clause above it. */
    @Test
    void citingUsesTheCoversRuleOfScenarioFiles() {
        fails(() -> assertThat(TO_GERMANY).citing("V"));          // VII does not start with "V." or "V("
        fails(() -> assertThat(DEALER_REPORT).citing("III.2(1)(b)(i)")); // a clause under the cited one
        fails(() -> assertThat(DEALER_REPORT).citing("III.2(1)(a)"));
        AssertionFailedError e = fails(() -> assertThat(TO_GERMANY).citing("I", "V"));
        assertTrue(e.getMessage().startsWith("expected a reason citing I and a reason citing V (or a clause under it)"),
                e.getMessage());
    }

    @Test
    void withCodeFailsOnAnotherCode() {
        AssertionFailedError e = fails(() -> assertThat(TO_GERMANY).withCode("consent-required"));
        String m = e.getMessage();
        assertTrue(m.startsWith("expected reason code consent-required, but the reason codes are ["), m);
        assertTrue(m.contains("cross-border-transfer-forbidden]\n  decision: deny"), m);
        assertEquals(List.of("consent-required"), e.getExpected().getEphemeralValue());
    }

    @Test
    void withObligationsFailsOnAMissingObligation() {
        AssertionFailedError e = fails(() -> assertThat(DEALER_REPORT).withObligations("anonymize", "successor-bound-by-policy"));
        String m = e.getMessage();
        assertTrue(m.startsWith("expected obligation successor-bound-by-policy, but the obligations are "
                + "[anonymize, aggregate, confidentiality-agreement]\n  decision: permit"), m);
        assertEquals(List.of("anonymize", "successor-bound-by-policy"), e.getExpected().getEphemeralValue());
        assertEquals(List.of("anonymize", "aggregate", "confidentiality-agreement"), e.getActual().getEphemeralValue());
        fails(() -> assertThat(TO_GERMANY).withObligations("confidentiality-agreement"));
    }

    @Test
    void withoutObligationsFailsOnAPresentObligation() {
        AssertionFailedError e = fails(() -> assertThat(DEALER_REPORT).withoutObligations("successor-bound-by-policy", "aggregate"));
        String m = e.getMessage();
        assertTrue(m.startsWith("expected no obligation aggregate, but the obligations are "
                + "[anonymize, aggregate, confidentiality-agreement]\n  decision: permit"), m);
    }

    @Test
    void withNoObligationsFailsOnAPermitWithObligations() {
        AssertionFailedError e = fails(() -> assertThat(DEALER_REPORT).withNoObligations());
        assertTrue(e.getMessage().startsWith("expected no obligations, but the obligations are "
                + "[anonymize, aggregate, confidentiality-agreement]\n  decision: permit"), e.getMessage());
        assertEquals(List.of(), e.getExpected().getEphemeralValue());
    }

    @Test
    void aChainStopsAtTheFirstFailure() {
        AssertionFailedError e = fails(() -> assertThat(CHILD_REGISTERS).isDenied().citing("VII").withCode("nope"));
        assertTrue(e.getMessage().startsWith("expected a reason citing VII"), e.getMessage());
    }

    // --- rights ---

    @Test
    void rightsAssertionsPassOnTheRightDecision() {
        assertThat(ERASURE).isFulfilled().respondBy(LocalDate.of(2026, 7, 31)).citing("V.3")
                .withObligations("notify-recipients", "purge-backups-on-next-update")
                .withoutObligations("charge-fee");
        assertThat(UNVERIFIED).needsIdentityVerification().citing("V.8").withNoObligations();
        assertThat(NATIONAL_SECURITY).isRefused().citing("V.8(2)").withNoObligations();
        assertSame(ERASURE, assertThat(ERASURE).decision());
    }

    @Test
    void outcomeAssertionsFailOnAnotherOutcomeShowingTheWholeDecision() {
        AssertionFailedError e = fails(() -> assertThat(ERASURE).isRefused());
        String m = e.getMessage();
        assertTrue(m.startsWith("expected refuse, but the decision is fulfil\n  outcome: fulfil\n  respondBy: 2026-07-31\n"
                + "  reasons:\n"), m);
        showsReasons(m, ERASURE.reasons());
        assertTrue(m.contains("\n  obligations: notify-recipients (V.3), purge-backups-on-next-update (V.3)"), m);
        assertEquals("refuse", e.getExpected().getValue());
        assertEquals("fulfil", e.getActual().getValue());

        m = fails(() -> assertThat(UNVERIFIED).isFulfilled()).getMessage();
        assertTrue(m.startsWith("expected fulfil, but the decision is verify-identity\n  outcome: verify-identity\n"
                + "  respondBy: none\n"), m);
        m = fails(() -> assertThat(NATIONAL_SECURITY).needsIdentityVerification()).getMessage();
        assertTrue(m.startsWith("expected verify-identity, but the decision is refuse\n"), m);
    }

    @Test
    void respondByFailsOnAnotherDayOrNone() {
        AssertionFailedError e = fails(() -> assertThat(ERASURE).respondBy(LocalDate.of(2026, 7, 30)));
        assertTrue(e.getMessage().startsWith("expected respondBy 2026-07-30, but it is 2026-07-31\n  outcome: fulfil"),
                e.getMessage());
        assertEquals(LocalDate.of(2026, 7, 30), e.getExpected().getValue());
        assertEquals(LocalDate.of(2026, 7, 31), e.getActual().getValue());
        e = fails(() -> assertThat(UNVERIFIED).respondBy(LocalDate.of(2026, 7, 31)));
        assertTrue(e.getMessage().startsWith("expected respondBy 2026-07-31, but it is none\n"), e.getMessage());
        assertNull(e.getActual().getValue());
    }

    @Test
    void citingCodesAndObligationsFailOnAWrongDecision() {
        String m = fails(() -> assertThat(ERASURE).citing("V.8")).getMessage();
        assertTrue(m.startsWith("expected a reason citing V.8 (or a clause under it), but the reasons cite "
                + ERASURE.clauses() + "\n  outcome: fulfil"), m);
        m = fails(() -> assertThat(NATIONAL_SECURITY).withCode("right-exercised")).getMessage();
        assertTrue(m.startsWith("expected reason code right-exercised, but the reason codes are "), m);
        m = fails(() -> assertThat(ERASURE).withObligations("charge-fee")).getMessage();
        assertTrue(m.startsWith("expected obligation charge-fee, but the obligations are "
                + "[notify-recipients, purge-backups-on-next-update]\n"), m);
        m = fails(() -> assertThat(ERASURE).withoutObligations("notify-recipients")).getMessage();
        assertTrue(m.startsWith("expected no obligation notify-recipients, but the obligations are "), m);
        m = fails(() -> assertThat(ERASURE).withNoObligations()).getMessage();
        assertTrue(m.startsWith("expected no obligations, but the obligations are "), m);
    }

    // --- retention ---

    @Test
    void retentionAssertionsPassOnTheRightDecision() {
        assertThat(CONTRACT_RECORD).isRetained().until(LocalDate.of(2028, 1, 10)).citing("I.1").citing("I")
                .withCode("statutory-retention");
        assertThat(FULFILLED).isDisposed().citing("I");
        assertSame(FULFILLED, assertThat(FULFILLED).decision());
    }

    @Test
    void actionAssertionsFailOnTheOtherActionShowingTheWholeDecision() {
        AssertionFailedError e = fails(() -> assertThat(CONTRACT_RECORD).isDisposed());
        String m = e.getMessage();
        assertTrue(m.startsWith("expected dispose, but the decision is retain\n  action: retain\n  until: 2028-01-10\n"
                + "  reasons:\n    I.1 statutory-retention: "), m);
        showsReasons(m, CONTRACT_RECORD.reasons());
        assertFalse(m.contains("obligations"), m);
        m = fails(() -> assertThat(FULFILLED).isRetained()).getMessage();
        assertTrue(m.startsWith("expected retain, but the decision is dispose\n  action: dispose\n  until: none\n"), m);
    }

    @Test
    void untilCitingAndCodeFailOnAWrongDecision() {
        AssertionFailedError e = fails(() -> assertThat(CONTRACT_RECORD).until(LocalDate.of(2028, 1, 9)));
        assertTrue(e.getMessage().startsWith("expected until 2028-01-09, but it is 2028-01-10\n"), e.getMessage());
        assertEquals(LocalDate.of(2028, 1, 10), e.getActual().getValue());
        assertTrue(fails(() -> assertThat(FULFILLED).until(LocalDate.of(2028, 1, 10))).getMessage()
                .startsWith("expected until 2028-01-10, but it is none\n"));
        String m = fails(() -> assertThat(FULFILLED).citing("I.1")).getMessage();
        assertTrue(m.startsWith("expected a reason citing I.1 (or a clause under it), but the reasons cite "), m);
        m = fails(() -> assertThat(FULFILLED).withCode("statutory-retention")).getMessage();
        assertTrue(m.startsWith("expected reason code statutory-retention, but the reason codes are "), m);
    }

    // --- misuse: throws at once, even when the decision would pass, so a typo never passes silently ---

    @Test
    void nullsThrowNamingTheParameter() {
        assertEquals("decision", assertThrows(NullPointerException.class, () -> assertThat((Decision) null)).getMessage());
        assertEquals("decision", assertThrows(NullPointerException.class, () -> assertThat((RightsDecision) null)).getMessage());
        assertEquals("decision", assertThrows(NullPointerException.class, () -> assertThat((RetentionDecision) null)).getMessage());
        assertEquals("clauses", assertThrows(NullPointerException.class,
                () -> assertThat(CHILD_REGISTERS).citing((String[]) null)).getMessage());
        assertEquals("clauses[1]", assertThrows(NullPointerException.class,
                () -> assertThat(CHILD_REGISTERS).citing("VI", null)).getMessage());
        assertEquals("codes[0]", assertThrows(NullPointerException.class,
                () -> assertThat(ERASURE).withCode((String) null)).getMessage());
        assertEquals("obligations", assertThrows(NullPointerException.class,
                () -> assertThat(ERASURE).withObligations((String[]) null)).getMessage());
        assertEquals("day", assertThrows(NullPointerException.class, () -> assertThat(ERASURE).respondBy(null)).getMessage());
        assertEquals("day", assertThrows(NullPointerException.class, () -> assertThat(FULFILLED).until(null)).getMessage());
    }

    @Test
    void emptyListsAndMalformedValuesThrowIllegalArgument() {
        assertEquals("clauses must name at least one value",
                assertThrows(IllegalArgumentException.class, () -> assertThat(CHILD_REGISTERS).citing()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> assertThat(DEALER_REPORT).withoutObligations());
        assertThrows(IllegalArgumentException.class, () -> assertThat(CONTRACT_RECORD).withCode());
        assertEquals("'vi' is not a clause reference (for example III.2(1)(a) or VI)",
                assertThrows(IllegalArgumentException.class, () -> assertThat(CHILD_REGISTERS).citing("vi")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> assertThat(DEALER_REPORT).citing("III.2(1"));
        // a typo in a negative assertion would otherwise pass on every decision
        assertEquals("'Anonymize' is not an identifier: obligations are lower-case kebab-case, for example "
                        + "confidentiality-agreement",
                assertThrows(IllegalArgumentException.class,
                        () -> assertThat(CHILD_REGISTERS).withoutObligations("Anonymize")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> assertThat(TO_GERMANY).withCode("cross border"));
    }
}
