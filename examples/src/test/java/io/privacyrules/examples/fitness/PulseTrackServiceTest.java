package io.privacyrules.examples.fitness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.examples.fitness.PulseTrackService.Activity;
import io.privacyrules.examples.fitness.PulseTrackService.ConnectedApp;
import io.privacyrules.examples.fitness.PulseTrackService.Member;
import io.privacyrules.examples.fitness.PulseTrackService.Point;
import io.privacyrules.examples.fitness.PulseTrackService.Step;
import io.privacyrules.examples.fitness.PulseTrackService.Subscription;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PulseTrackServiceTest {
    private static final Pattern STEP = Pattern.compile("^\\s*(\\d+)\\. (.+?): (ALLOWED|REFUSED|FULFIL|REFUSE|VERIFY-IDENTITY)\\b(.*)$");
    private static final Set<String> ALL_PROCESSORS = Set.of("hosting-provider", "payment-processor", "email-delivery", "support-software");
    private static final Set<String> US_PROCESSORS = Set.of("email-delivery", "support-software");

    private static PolicyEngine engine;

    @BeforeAll
    static void load() {
        engine = PolicyEngine.load(PulseTrackService.PACK).withClock(PulseTrackService.SAMPLE_CLOCK);
    }

    private static List<String> sampleDay() {
        List<String> lines = new ArrayList<>();
        PulseTrackService.runSampleDay(engine, lines::add);
        return lines;
    }

    /** A service with every agreement and clause on file and the members of the sample signed up. */
    private static PulseTrackService signedUp(Set<String> agreements, Set<String> sccs) {
        PulseTrackService s = new PulseTrackService(engine, agreements, sccs, line -> { });
        s.signUp(FitnessSampleData.APPLICANTS);
        return s;
    }

    /** The verdict each step must print, and what else its line must say. */
    @Test
    void eachStepAllowsOrRefusesAsThePolicySays() {
        List<String> lines = sampleDay();
        assertEquals("PulseTrack host on 2026-12-07 (Europe/Berlin), pack pulsetrack-eu 2026.1 (a fictional company)", lines.get(0));
        List<String> steps = lines.subList(1, lines.size());
        String[][] expected = {
            {"ALLOWED", "for 4 of 5 members [I.1 purpose-permitted]", "refused for 1 [II below-minimum-age]", "opened 4 accounts"},
            {"ALLOWED", "for 4 of 4 members [III.1 processor]", "processing-agreement (agreement with hosting-provider on file)"},
            {"ALLOWED", "[I.1 purpose-permitted]", "kept 6 activities, dropped 1 (1 of no member)"},
            {"ALLOWED", "for 2 of 2 members [I.2 purpose-permitted]", "started 2 subscriptions"},
            {"ALLOWED", "[III.1 processor]", "processing-agreement (agreement with payment-processor on file)", "charged 2 subscriptions"},
            {"ALLOWED", "[I.6 purpose-permitted]", "kept 2 billing records"},
            {"ALLOWED", "for 3 of 4 members [I.3 purpose-permitted]", "refused for 1 [I.3 explicit-consent-required]",
                "verify-parental-consent (1 parent's consent verified before)", "kept 3 readings"},
            {"ALLOWED", "for 4 of 4 members [I.4 purpose-permitted]"},
            {"ALLOWED", "for 3 of 4 members [I.5 purpose-permitted]", "refused for 1 [II parental-consent-required]", "queued 3 emails"},
            {"ALLOWED", "for 3 of 3 members [III.1 processor]", "processing-agreement (agreement with email-delivery on file)",
                "standard-contractual-clauses (clauses with email-delivery signed)", "sent 3 emails"},
            {"ALLOWED", "for 1 of 2 members [III.2 purpose-permitted]", "refused for 1 [IV transfer-not-covered]",
                "only-chosen-activities (1 activity chosen, 1 not shared)", "shared 1 activity"},
            {"FULFIL", "by 2027-01-07 [V.6 right-exercised]", "record-objection (objection to analytics-and-security recorded)"},
            {"ALLOWED", "for 3 of 4 members", "refused for 1 [VII.1 objected]"},
            {"FULFIL", "by 2027-01-07 [VII.2 right-exercised]", "stop-direct-marketing (objection to direct-marketing recorded)"},
            {"ALLOWED", "for 2 of 4 members", "VII.2 objected-to-direct-marketing", "II parental-consent-required", "queued 2 emails"},
            {"ALLOWED", "for 2 of 2 members", "sent 2 emails"},
            {"VERIFY-IDENTITY", "[V.10 identity-not-verified]"},
            {"FULFIL", "by 2027-01-07 [V.3(a) erasure-ground]", "deleted 1 profile, 2 activities, 1 subscription [VI nothing-keeps-it]",
                "kept 1 billing record until 2036-12-07 [VI.3 retention-period]",
                "notify-recipients (3 recipients told to erase: hosting-provider, payment-processor, email-delivery)"},
        };
        assertEquals(expected.length, steps.size(), () -> String.join("\n", steps));
        for (int i = 0; i < expected.length; i++) {
            String line = steps.get(i);
            Matcher m = STEP.matcher(line);
            assertTrue(m.matches(), () -> "not a step line: " + line);
            assertEquals(i + 1, Integer.parseInt(m.group(1)), line);
            assertEquals(expected[i][0], m.group(3), line);
            for (int j = 1; j < expected[i].length; j++) {
                String part = expected[i][j];
                assertTrue(line.contains(part), () -> "expected '" + part + "' in: " + line);
            }
        }
    }

    /** examples/README.md shows the output of examples/run-host pulsetrack; this keeps it true. */
    @Test
    void mainPrintsWhatTheReadmeShows() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            PulseTrackService.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> printed = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(sampleDay(), printed, "main runs the sample day with the sample clock");
        assertEquals(readmeBlock("pulsetrack-output"), printed, "examples/README.md shows another output: paste the new one");
    }

    @Test
    void noPersonalDataValueIsPrinted() {
        List<String> lines = sampleDay();
        List<String> values = new ArrayList<>();
        for (Member m : FitnessSampleData.APPLICANTS) {
            values.addAll(List.of(m.name(), m.email()));
        }
        for (Activity a : FitnessSampleData.ACTIVITIES) {
            for (Point p : a.track()) {
                values.addAll(List.of(String.valueOf(p.latitude()), String.valueOf(p.longitude())));
            }
        }
        for (Subscription s : FitnessSampleData.PREMIUM) {
            values.addAll(List.of(s.billingAddress(), s.cardToken()));
        }
        FitnessSampleData.payments(LocalDate.of(2026, 12, 7)).forEach(b -> values.add(b.invoice()));
        for (String line : lines) {
            assertFalse(Pattern.compile("\\bm-\\d+\\b").matcher(line).find(), () -> "a member id printed in: " + line);
            for (PulseTrackService.HeartRate h : FitnessSampleData.HEART_RATES) {
                assertFalse(Pattern.compile("\\b" + h.bpm() + "\\b").matcher(line).find(), () -> "a heart rate printed in: " + line);
            }
            for (String value : values) {
                assertFalse(line.contains(value), () -> "personal data '" + value + "' printed in: " + line);
            }
        }
    }

    @Test
    void theObjectionToAnalyticsIsRecordedAndLaterAnalyticsOfThatMemberIsDenied() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, US_PROCESSORS);
        assertTrue(analytics(s, "m-3").permitted());
        Step objection = s.object("objects", "m-3", "objection", "analytics-and-security");
        assertEquals("FULFIL", objection.verdict(), objection.line());
        assertEquals(Set.of("analytics-and-security"), s.objectionsOf("m-3"));
        Decision after = analytics(s, "m-3");
        assertFalse(after.permitted());
        assertEquals("VII.1", after.reasons().get(0).clause());
        assertTrue(analytics(s, "m-1").permitted(), "another member's objection changes nothing for m-1");
    }

    @Test
    void anObjectionOverriddenByCompellingGroundsIsNotRecorded() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, US_PROCESSORS);
        Step objection = s.object("objects", "m-3", "objection", "analytics-and-security", "compelling-legitimate-grounds");
        assertEquals("REFUSE", objection.verdict(), objection.line());
        assertTrue(objection.line().contains("[VII.1 objection-overridden]"), objection.line());
        assertEquals(Set.of(), s.objectionsOf("m-3"));
        assertTrue(analytics(s, "m-3").permitted());
    }

    @Test
    void theObjectionToDirectMarketingStopsMarketingEvenWithTheOptIn() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, US_PROCESSORS);
        s.recordConsent("m-1", Consent.toPurpose("marketing"));
        assertEquals("ALLOWED", s.composeMarketing("before").verdict());
        Step objection = s.object("objects", "m-1", "objection-to-direct-marketing", "direct-marketing", "compelling-legitimate-grounds");
        assertEquals("FULFIL", objection.verdict(), "VII.2: always, whatever grounds the controller has");
        Step after = s.composeMarketing("after");
        assertEquals("REFUSED", after.verdict(), after.line());
        assertTrue(after.line().contains("VII.2 objected-to-direct-marketing"), after.line());
        assertEquals("REFUSED", s.sendMarketingThroughEmailProcessor().verdict(), "nothing queued, nothing sent");
        assertEquals(0, s.marketingEmailsSent());
    }

    @Test
    void withoutSignedClausesNoEmailGoesToTheUsProcessor() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, Set.of());
        s.recordConsent("m-1", Consent.toPurpose("marketing"));
        s.composeMarketing("compose");
        Step handOver = s.sendMarketingThroughEmailProcessor();
        assertEquals("REFUSED", handOver.verdict(), handOver.line());
        assertTrue(handOver.line().contains("host cannot honour standard-contractual-clauses"), handOver.line());
        assertEquals(0, s.marketingEmailsSent());
    }

    @Test
    void aChildsHealthDataNeedsAParentsExplicitConsentThatTheHostVerified() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, US_PROCESSORS);
        s.recordConsent("m-2", Consent.toPurpose("health-insights").ofKind("explicit"));
        s.recordParentalConsent("m-2", "health-insights", "explicit", false);
        Step unverified = s.healthInsights(List.of(new PulseTrackService.HeartRate("m-2", 60)));
        assertEquals("REFUSED", unverified.verdict(), unverified.line());
        assertTrue(unverified.line().contains("host cannot honour verify-parental-consent"), unverified.line());
        assertEquals(List.of(), s.heartRates());
    }

    @Test
    void aParentsConsentToHealthInsightsIsNoConsentToMarketing() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, US_PROCESSORS);
        s.recordParentalConsent("m-2", "health-insights", "explicit", true);
        s.recordConsent("m-2", Consent.toPurpose("marketing"));
        assertTrue(s.subjectOf("m-2", "health-insights").guardianConsent());
        assertFalse(s.subjectOf("m-2", "marketing").guardianConsent());
        Step marketing = s.composeMarketing("marketing");
        assertEquals("REFUSED", marketing.verdict(), marketing.line());
        assertTrue(marketing.line().contains("II parental-consent-required"), marketing.line());
    }

    @Test
    void anOccasionalExportToAUsAppAfterTheRisksWereExplainedIsAllowed() {
        PulseTrackService s = signedUp(ALL_PROCESSORS, US_PROCESSORS);
        s.recordActivities(FitnessSampleData.ACTIVITIES);
        s.connectApp("m-5", new ConnectedApp("US", true, true));
        Step share = s.shareWithConnectedApps();
        assertEquals("ALLOWED", share.verdict(), share.line());
        assertTrue(share.line().contains("inform-of-transfer-risks"), share.line());
        assertEquals(1, s.activitiesSentToApp().get("m-5"), "only the activity m-5 chose");
    }

    @Test
    void erasureKeepsOnlyTheBillingRecordAndClosesTheAccount() {
        PulseTrackService s = PulseTrackService.runSampleDay(engine, line -> { });
        assertTrue(s.members().stream().noneMatch(m -> m.id().equals("m-5")));
        assertTrue(s.activities().stream().noneMatch(a -> a.memberId().equals("m-5")));
        List<PulseTrackService.BillingRecord> kept = s.billingRecords().stream().filter(b -> b.memberId().equals("m-5")).toList();
        assertEquals(1, kept.size(), "VI.3 keeps the billing record ten years");
        assertEquals(3, s.members().size());
        assertEquals(5, s.marketingEmailsSent());
    }

    @Test
    void aPermitWithAnObligationTheHostCannotHonourIsNotAPermit() {
        Decision d = engine.decide(ProcessingRequest.builder().action("entrust").purpose("account-and-activity")
                .data("contact.email").recipient("email-delivery").build());
        assertTrue(d.permitted());
        assertEquals(List.of("processing-agreement", "standard-contractual-clauses"), d.obligationIds());
        assertEquals(List.of("standard-contractual-clauses"), PulseTrackService.unhonourable(d, Set.of("processing-agreement")));
    }

    private static Decision analytics(PulseTrackService s, String memberId) {
        return engine.decide(ProcessingRequest.builder().action("use").purpose("analytics-and-security").data("usage.events")
                .subject(s.subjectOf(memberId, "analytics-and-security")).build());
    }

    /** The lines of the fenced block between {@code <!-- NAME:start -->} and {@code <!-- NAME:end -->} in README.md. */
    static List<String> readmeBlock(String name) throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("<!-- " + name + ":start -->");
        int end = readme.indexOf("<!-- " + name + ":end -->");
        assertTrue(start >= 0 && end > start, "README.md has no block " + name);
        List<String> block = readme.subList(start + 1, end);
        assertTrue(block.size() >= 2 && block.get(0).startsWith("```") && block.get(block.size() - 1).equals("```"),
                "the block " + name + " is not one fenced code block");
        return block.subList(1, block.size() - 1);
    }
}
