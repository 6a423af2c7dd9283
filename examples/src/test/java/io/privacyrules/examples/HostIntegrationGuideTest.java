package io.privacyrules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.DecisionLog;
import io.privacyrules.LivePolicy;
import io.privacyrules.Obligation;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyLoadException;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.ReloadResult;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.spi.DecisionEvent;
import io.privacyrules.spi.DecisionSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code of {@code docs/host-integration.md}, run by the build so that the guide never drifts.
 * Each test holds the snippets of one section, as the guide prints them.
 */
class HostIntegrationGuideTest {
    static final Path SEED = Path.of("../rules/bmw-connected-drive-cn");

    /** A dealer report as a host would hold it; stands in for the host's own types. */
    record Report(String dealer, boolean anonymized, boolean aggregated) {
        Report anonymize() {
            return new Report(dealer, true, aggregated);
        }

        Report aggregate() {
            return new Report(dealer, anonymized, true);
        }
    }

    /** Thrown by the host when the policy says no; the host's own type. */
    static final class ProcessingDenied extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProcessingDenied(List<Reason> reasons) {
            super(reasons.stream().map(r -> r.clause() + " " + r.code()).toList().toString());
        }
    }

    // ---- Load once, at start-up ----------------------------------------------------------------

    @Test
    void loadOnceAtStartUp() {
        PolicyEngine engine;
        try {
            engine = PolicyEngine.load("classpath:bmw-connected-drive-cn");
        } catch (PolicyLoadException e) {
            e.problems().forEach(p -> System.err.println(p));   // file:line:column: message (hint: ...)
            throw e;                                           // do not start without a policy
        }
        assertEquals("bmw-connected-drive-cn 2019.11", engine.policy().id() + " " + engine.policy().version());
    }

    @Test
    void aBrokenPackDoesNotLoadAndSaysWhereEveryProblemIs(@TempDir Path dir) throws IOException {
        copySeed(dir);
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, Files.readString(policy).replace("jurisdiction: CN", "jurisdiction: China"));
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicyEngine.load(dir));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).toString().matches(".*policy.yaml:11:15: 'China' is not a two-letter ISO 3166 country code.*"),
                e.problems().get(0).toString());
    }

    // ---- Decide before each processing step; act on the obligations ---------------------------

    private static final PolicyEngine ENGINE = PolicyEngine.load("classpath:bmw-connected-drive-cn");

    /** The guide's "share a service report with a dealer" method. */
    static Report shareWithDealer(PolicyEngine engine, Report report, boolean customerConsented) {
        ProcessingRequest.Builder request = ProcessingRequest.builder()
                .action("share").purpose("service-analytics").data("identity.gender")
                .recipient("authorized-dealer");
        if (customerConsented) {
            request.consent(Consent.toRecipient("authorized-dealer"));
        }
        Decision d = engine.decide(request.build());
        if (!d.permitted()) {
            throw new ProcessingDenied(d.reasons());      // nothing leaves the service
        }
        Report out = report;
        for (Obligation o : d.obligations()) {
            switch (o.id()) {
                case "anonymize" -> out = out.anonymize();
                case "aggregate" -> out = out.aggregate();
                case "confidentiality-agreement" -> requireSignedNda(out.dealer());
                default -> throw new IllegalStateException(
                        "obligation " + o.id() + " (" + o.clause() + ") is not implemented here; not sharing");
            }
        }
        return out;
    }

    static void requireSignedNda(String dealer) {
        // the host's contract register; the test's dealers have all signed
    }

    @Test
    void decideBeforeEachStepAndHonourEveryObligation() {
        Report sent = shareWithDealer(ENGINE, new Report("dealer-7", false, false), true);
        assertTrue(sent.anonymized() && sent.aggregated());
        ProcessingDenied denied = assertThrows(ProcessingDenied.class,
                () -> shareWithDealer(ENGINE, new Report("dealer-7", false, false), false));
        assertEquals("[III.2(1) consent-required]", denied.getMessage());
    }

    // ---- Fail closed ---------------------------------------------------------------------------

    /** True when the deny is the host's or the pack's bug rather than the policy's answer. */
    static boolean engineError(List<Reason> reasons) {
        return reasons.stream().map(Reason::code)
                .anyMatch(c -> c.equals("invalid-request") || c.equals("internal-error"));
    }

    @Test
    void anInvalidRequestIsADenyThatTheHostShouldAlertOn() {
        Decision d = ENGINE.decide(ProcessingRequest.builder()
                .action("collect").purpose("Marketing").data("contact.mobile").build());
        assertFalse(d.permitted());
        assertTrue(engineError(d.reasons()));
        assertEquals("The request is not valid for this policy: unknown purpose 'Marketing'.",
                d.reasons().get(0).message());
        Decision ok = ENGINE.decide(ProcessingRequest.builder()
                .action("collect").purpose("marketing").data("contact.mobile").build());
        assertFalse(ok.permitted());
        assertFalse(engineError(ok.reasons()));
    }

    // ---- The clock -----------------------------------------------------------------------------

    @Test
    void todayComesFromTheEnginesClock() {
        assertEquals(ZoneId.of("Asia/Shanghai"), ENGINE.clock().getZone());
        PolicyEngine fixed = ENGINE.withClock(Clock.fixed(Instant.parse("2026-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        RightsDecision r = fixed.decide(RightsRequest.builder().right("access").identityVerified(true).build());
        assertEquals(LocalDate.of(2026, 7, 31), r.respondBy());   // received "today", 1 July 2026 in Shanghai
    }

    // ---- The decision log ----------------------------------------------------------------------

    @Test
    void decisionsGoToAJsonLinesFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("decisions.jsonl");
        DecisionLog log = DecisionLog.to(DecisionLog.jsonLines(file));
        PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn").withDecisionLog(log);
        engine.decide(ProcessingRequest.builder()
                .action("share").purpose("service-analytics").data("identity.gender")
                .recipient("authorized-dealer").age(40)
                .consent(Consent.toRecipient("authorized-dealer"))
                .build());
        log.close();                                                    // at shutdown: flushes the queue
        assertEquals(0, log.dropped() + log.failed());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.contains("\"answer\":\"permit\""), line);
        assertFalse(line.contains("\"age\"") || line.contains(":40"), "the age is never logged: " + line);
    }

    @Test
    void aSinkOfYourOwn() {
        List<String> audit = new CopyOnWriteArrayList<>();
        DecisionSink sink = event -> audit.add(event.time() + " " + event.kind() + " " + event.answer()
                + " " + event.policy().version() + "/" + event.policy().revision());
        try (DecisionLog log = DecisionLog.to(sink)) {
            ENGINE.withDecisionLog(log).decide(RightsRequest.builder().right("erasure")
                    .receivedOn(LocalDate.of(2026, 7, 1)).build());
        }
        assertEquals(1, audit.size());
        assertTrue(audit.get(0).contains(" rights verify-identity 2019.11/"), audit.get(0));
    }

    @Test
    void everyEventCarriesIdentifiersOnly() throws Exception {
        List<DecisionEvent> events = new ArrayList<>();
        try (DecisionLog log = DecisionLog.to(events::add)) {
            ENGINE.withDecisionLog(log).decide(ProcessingRequest.builder()
                    .action("use").purpose("+86 138 0013 8000").data("contact.mobile").build());
        }
        assertEquals("(not an identifier)", events.get(0).request().get("purpose"));
    }

    // ---- Live reload ---------------------------------------------------------------------------

    private static final Logger LOG = LoggerFactory.getLogger("host");

    @Test
    void liveReload(@TempDir Path dir) throws IOException {
        copySeed(dir);
        Path folder = dir;
        LivePolicy policy = LivePolicy.of(PolicyEngine.load(folder));
        Consumer<ReloadResult> onReload = result -> {
            if (result instanceof ReloadResult.Rejected r) {
                r.problems().forEach(p -> LOG.error("policy not reloaded: {}", p));
            } else if (result instanceof ReloadResult.Swapped s) {
                LOG.info("policy {} -> {}", s.from().revision(), s.to().revision());
            }
        };
        policy.watch(folder, Duration.ofSeconds(30), onReload);

        ReloadResult same = policy.reload(folder.toString());
        onReload.accept(same);
        assertInstanceOf(ReloadResult.Unchanged.class, same);

        Path yaml = dir.resolve("policy.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("jurisdiction: CN", "jurisdiction: China"));
        ReloadResult rejected = policy.reload(folder.toString());
        onReload.accept(rejected);
        assertEquals(1, assertInstanceOf(ReloadResult.Rejected.class, rejected).problems().size());
        assertEquals("2019.11", policy.current().policy().version());   // the old version still serves

        Files.writeString(yaml, Files.readString(yaml).replace("jurisdiction: China", "jurisdiction: CN")
                .replace("version: \"2019.11\"", "version: \"2019.12\""));
        ReloadResult swapped = policy.reload(folder.toString());
        onReload.accept(swapped);
        assertInstanceOf(ReloadResult.Swapped.class, swapped);
        Decision d = policy.decide(ProcessingRequest.builder().action("collect").purpose("marketing")
                .data("contact.mobile").build());
        assertEquals("2019.12", d.policy().version());
        policy.close();
    }

    // ---- Data-subject requests and retention ---------------------------------------------------

    @Test
    void aRightsRequestAsksForIdentityFirst() {
        RightsRequest received = RightsRequest.builder().right("erasure")
                .receivedOn(LocalDate.of(2026, 7, 1)).erasureGrounds("service-no-longer-used").build();
        RightsDecision first = ENGINE.decide(received);
        assertEquals(Outcome.VERIFY_IDENTITY, first.outcome());
        assertNull(first.respondBy());
        RightsDecision then = ENGINE.decide(received.toBuilder().identityVerified(true).build());
        assertEquals(Outcome.FULFIL, then.outcome());
        assertEquals(LocalDate.of(2026, 7, 31), then.respondBy());
        assertEquals(List.of("notify-recipients", "purge-backups-on-next-update"), then.obligationIds());
    }

    private static void copySeed(Path to) throws IOException {
        try (Stream<Path> files = Files.walk(SEED)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("scenarios")).toList()) {
                Path target = to.resolve(SEED.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }
}
