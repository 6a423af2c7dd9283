package io.privacyrules.examples.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Consent;
import io.privacyrules.PolicyEngine;
import io.privacyrules.examples.host.ConnectedDriveService.Step;
import io.privacyrules.examples.host.ConnectedDriveService.TelematicsReading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectedDriveServiceTest {
    private static final Pattern STEP = Pattern.compile("^\\s*(\\d+)\\. (.+?): (ALLOWED|REFUSED|FULFIL|REFUSE|VERIFY-IDENTITY|DISPOSED|KEPT)\\b(.*)$");

    private static PolicyEngine engine;

    @BeforeAll
    static void load() {
        engine = PolicyEngine.load(ConnectedDriveService.PACK).withClock(ConnectedDriveService.SAMPLE_CLOCK);
    }

    private static List<String> sampleDay() {
        List<String> lines = new ArrayList<>();
        ConnectedDriveService.runSampleDay(engine, lines::add);
        return lines;
    }

    /** The verdict each step must print, and what else its line must say. */
    @Test
    void eachStepAllowsOrRefusesAsThePolicySays() {
        List<String> lines = sampleDay();
        assertEquals("ConnectedDrive host on 2026-11-26 (Asia/Shanghai), pack bmw-connected-drive-cn 2019.11", lines.get(0));
        List<String> steps = lines.subList(1, lines.size());
        String[][] expected = {
            {"ALLOWED", "for 4 of 4 customers", "[I.1(1) purpose-permitted]", "no obligations", "stored 4 profiles"},
            {"REFUSED", "[VI guardian-consent-required]", "stored nothing"},
            {"ALLOWED", "for 1 of 1 customer", "[I.1(1) purpose-permitted]", "stored 1 profile"},
            {"ALLOWED", "for 5 of 5 customers", "[I.2 purpose-permitted]", "stored 9 readings"},
            {"ALLOWED", "[I.3 purpose-permitted]", "anonymize (9 readings without customer or vehicle ids"},
            {"ALLOWED", "for 3 of 5 customers [III.2(1)(b) explicit-consent]", "refused for 2 [III.2(1) consent-required]",
                "aggregate (1 report", "anonymize (no customer id", "confidentiality-agreement (NDA with authorized-dealer on file)",
                "sent 1 report"},
            {"ALLOWED", "[III.1 entrusted-processing]", "confidentiality-agreement (NDA with entrusted-processor on file)"},
            {"REFUSED", "[I.6 consent-required]", "sent nothing"},
            {"ALLOWED", "[I.6 purpose-permitted]", "sent 1 message"},
            {"REFUSED", "[I.6 consent-required]", "sent nothing"},
            {"VERIFY-IDENTITY", "[V.8 identity-not-verified]"},
            {"FULFIL", "by 2026-12-26", "V.3(4) erasure-ground", "deleted 1 profile and 2 readings",
                "notify-recipients (1 recipient told to delete: entrusted-processor)", "purge-backups-on-next-update (1 purge queued)"},
            {"DISPOSED", "4 of 7", "I.1 statutory-period-ended", "I last-purpose-fulfilled", "kept 3"},
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

    /** The README shows the output of examples/run-host; this keeps it true. */
    @Test
    void mainPrintsWhatTheReadmeShows() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            ConnectedDriveService.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> printed = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(sampleDay(), printed, "main runs the sample day with the sample clock");
        assertEquals(readmeBlock("host-output"), printed, "examples/README.md shows another output: paste the new one");
    }

    @Test
    void noPersonalDataValueIsPrinted() {
        List<String> lines = sampleDay();
        List<String> values = new ArrayList<>();
        Stream.concat(SampleData.ADULTS.stream(), Stream.of(SampleData.CHILD)).forEach(c -> {
            values.addAll(List.of(c.name(), c.mobile(), c.idNumber()));
        });
        for (TelematicsReading r : SampleData.READINGS) {
            values.addAll(List.of(r.vin(), String.valueOf(r.latitude()), String.valueOf(r.longitude())));
        }
        for (String line : lines) {
            assertFalse(Pattern.compile("\\bc-\\d+\\b").matcher(line).find(), () -> "a customer id printed in: " + line);
            for (String value : values) {
                assertFalse(line.contains(value), () -> "personal data '" + value + "' printed in: " + line);
            }
        }
    }

    @Test
    void productDevelopmentSeesOnlyAnonymousReadings() {
        ConnectedDriveService service = ConnectedDriveService.runSampleDay(engine, line -> { });
        List<ConnectedDriveService.AnonymousReading> used = service.lastProductDevelopmentInput();
        assertEquals(9, used.size());
        for (ConnectedDriveService.AnonymousReading r : used) {
            assertTrue(r.cell().matches("-?\\d+N/-?\\d+E"), () -> "not a one-degree cell: " + r.cell());
        }
    }

    @Test
    void theDealerReportShowsNoGroupSmallEnoughToPointAtSomeone() {
        ConnectedDriveService service = ConnectedDriveService.runSampleDay(engine, line -> { });
        ConnectedDriveService.DealerReport report = service.lastDealerReport();
        assertEquals(2, report.customers());
        assertTrue(report.customersPerGroup().values().stream().allMatch(n -> n >= ConnectedDriveService.MIN_GROUP), report::toString);
    }

    @Test
    void erasureRemovesTheCustomerAndTheirReadings() {
        ConnectedDriveService service = ConnectedDriveService.runSampleDay(engine, line -> { });
        assertTrue(service.customers().stream().noneMatch(c -> c.id().equals("c-4")));
        assertTrue(service.readings().stream().noneMatch(r -> r.customerId().equals("c-4")));
        assertEquals(4, service.customers().size());
    }

    @Test
    void withoutAnNdaOnFileTheHostSharesNothingWithTheDealer() {
        List<String> lines = new ArrayList<>();
        ConnectedDriveService service = new ConnectedDriveService(engine, Set.of(), lines::add);
        service.register("register", SampleData.ADULTS);
        service.recordConsent("c-1", Consent.toRecipient("authorized-dealer"));
        Step step = service.reportToDealer();
        assertEquals("REFUSED", step.verdict(), step.line());
        assertTrue(step.line().contains("host cannot honour confidentiality-agreement"), step.line());
        assertTrue(step.line().contains("III.2(1) consent-required"), step.line());
        assertNull(service.lastDealerReport());
    }

    @Test
    void withoutAnNdaTheCallCentreGetsNoCase() {
        ConnectedDriveService service = new ConnectedDriveService(engine, Set.of("authorized-dealer"), line -> { });
        service.register("register", SampleData.ADULTS);
        Step step = service.entrustServiceCase("c-1");
        assertEquals("REFUSED", step.verdict(), step.line());
        assertTrue(step.line().endsWith("handed over nothing"), step.line());
    }

    @Test
    void aWithdrawnConsentStopsMarketingButAnotherCustomersConsentDoesNotStartIt() {
        ConnectedDriveService service = new ConnectedDriveService(engine, Set.of(), line -> { });
        service.register("register", SampleData.ADULTS);
        service.recordConsent("c-1", Consent.toPurpose("marketing"));
        assertEquals("ALLOWED", service.sendMarketing("c-1 opted in", "c-1").verdict());
        assertEquals("REFUSED", service.sendMarketing("c-3 did not", "c-3").verdict());
        service.withdrawConsentTo("c-1", "marketing");
        assertEquals("REFUSED", service.sendMarketing("c-1 withdrew", "c-1").verdict());
    }

    @Test
    void aPermitWithAnObligationTheHostCannotHonourIsNotAPermit() {
        io.privacyrules.Decision d = engine.decide(io.privacyrules.ProcessingRequest.builder()
                .action("use").purpose("product-development").data("vehicle.location").build());
        assertTrue(d.permitted());
        assertEquals(List.of("anonymize"), ConnectedDriveService.unhonourable(d, Set.of()));
        assertEquals(List.of(), ConnectedDriveService.unhonourable(d, Set.of("anonymize")));
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
