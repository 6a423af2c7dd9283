package io.privacyrules.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.DecisionLog;
import io.privacyrules.PolicyEngine;
import io.privacyrules.Problem;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.ReloadResult;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Decisions, reloads and decision-log losses become meters with bounded, identifier-only tags. */
class PolicyMetricsTest {
    static final String PACK = "bmw-connected-drive-cn";
    static final ProcessingRequest WITH_CONSENT = ProcessingRequest.builder().action("collect")
            .purpose("service-improvement").data("emergency-contact.secondary")
            .consent(Consent.toPurpose("service-improvement")).build();
    static final ProcessingRequest WITHOUT_CONSENT = ProcessingRequest.builder().action("collect")
            .purpose("service-improvement").data("emergency-contact.secondary").build();
    static final ProcessingRequest UNKNOWN_PURPOSE = ProcessingRequest.builder().action("collect")
            .purpose("no-such-purpose").data("contact.email").build();

    static PolicyEngine engine;

    @BeforeAll
    static void load() {
        engine = PolicyEngine.load("classpath:" + PACK);
    }

    @Test
    void aDecisionIsCountedByKindOutcomePackAndFirstReasonAndTimed() {
        MeterRegistry registry = new SimpleMeterRegistry();
        PolicyMetrics metrics = PolicyMetrics.of(registry);

        Decision permit = metrics.decide(engine, WITH_CONSENT);
        Decision deny = metrics.decide(engine, WITHOUT_CONSENT);
        metrics.decide(engine, WITHOUT_CONSENT);

        assertEquals(engine.decide(WITH_CONSENT), permit, "the decision is the engine's own");
        assertTrue(permit.permitted());
        assertFalse(deny.permitted());
        assertEquals(1.0, decisions(registry, "processing", "permit", permit.reasons().get(0).code()).count());
        assertEquals(2.0, decisions(registry, "processing", "deny", deny.reasons().get(0).code()).count());

        Timer denies = registry.get(PolicyMetrics.DECIDE).tags("kind", "processing", "outcome", "deny", "pack", PACK)
                .timer();
        assertEquals(2, denies.count());
        assertTrue(denies.totalTime(TimeUnit.NANOSECONDS) > 0, "the timer measured the engine's time");
        assertNull(registry.find(PolicyMetrics.DECIDE).tag("reason", "anything").timer(),
                "the timer has no reason tag: fewer series");
    }

    @Test
    void rightsAndRetentionDecisionsHaveTheirOwnKindAndOutcomes() {
        MeterRegistry registry = new SimpleMeterRegistry();
        PolicyMetrics metrics = PolicyMetrics.of(registry);

        RightsDecision r = metrics.decide(engine, RightsRequest.builder().right("access")
                .receivedOn(LocalDate.of(2026, 7, 1)).identityVerified(true).build());
        RetentionDecision k = metrics.decide(engine, RetentionQuery.builder().data("contract.record")
                .purposes("contract-conclusion").purposesFulfilled("contract-conclusion")
                .event("contract-ended", LocalDate.of(2025, 1, 10)).asOf(LocalDate.of(2026, 1, 1)).build());

        assertEquals("fulfil", r.outcome().id());
        assertEquals("retain", k.action().id());
        assertEquals(1.0, decisions(registry, "rights", "fulfil", r.reasons().get(0).code()).count());
        assertEquals(1.0, decisions(registry, "retention", "retain", k.reasons().get(0).code()).count());
        assertEquals(1, registry.get(PolicyMetrics.DECIDE).tag("kind", "rights").timer().count());
        assertEquals(1, registry.get(PolicyMetrics.DECIDE).tag("kind", "retention").timer().count());
    }

    @Test
    void anInvalidRequestIsCountedUnderItsReasonCodeAndTheRequestsValuesAreNeverTags() {
        MeterRegistry registry = new SimpleMeterRegistry();
        PolicyMetrics metrics = PolicyMetrics.of(registry);

        Decision d = metrics.decide(engine, UNKNOWN_PURPOSE);
        metrics.decide(engine, (ProcessingRequest) null);

        assertEquals("invalid-request", d.reasons().get(0).code());
        assertEquals(2.0, decisions(registry, "processing", "deny", "invalid-request").count());
        for (Meter m : registry.getMeters()) {
            m.getId().getTags().forEach(t -> assertFalse(t.getValue().contains("no-such-purpose")
                    || t.getValue().contains("contact.email"), () -> "a request value became a tag: " + m.getId()));
        }
    }

    @Test
    void reasonCodesPastTheCapAreTaggedOther() {
        MeterRegistry registry = new SimpleMeterRegistry();
        PolicyMetrics metrics = PolicyMetrics.of(registry, 2);
        assertEquals(2, metrics.maxTagValues());

        String first = metrics.decide(engine, WITH_CONSENT).reasons().get(0).code();
        String second = metrics.decide(engine, WITHOUT_CONSENT).reasons().get(0).code();
        assertEquals("invalid-request", metrics.decide(engine, UNKNOWN_PURPOSE).reasons().get(0).code());
        metrics.decide(engine, WITH_CONSENT);

        assertEquals(2.0, decisions(registry, "processing", "permit", first).count(), "a code seen before keeps its tag");
        assertEquals(1.0, decisions(registry, "processing", "deny", second).count());
        assertEquals(1.0, decisions(registry, "processing", "deny", PolicyMetrics.OTHER).count(),
                "the third distinct code is over the cap of two");
        assertNull(registry.find(PolicyMetrics.DECISIONS).tag("reason", "invalid-request").counter());
        assertEquals(PACK, registry.get(PolicyMetrics.DECISIONS).tag("reason", PolicyMetrics.OTHER).counter()
                .getId().getTag("pack"), "the pack tag has a cap of its own, not yet reached");
        assertThrows(IllegalArgumentException.class, () -> PolicyMetrics.of(registry, 0));
    }

    @Test
    void reloadsAreCountedByResultFromZero() {
        MeterRegistry registry = new SimpleMeterRegistry();
        PolicyMetrics metrics = PolicyMetrics.of(registry);
        for (String result : List.of("swapped", "rejected", "unchanged")) {
            assertEquals(0.0, registry.get(PolicyMetrics.RELOADS).tag("result", result).counter().count(),
                    "registered before the first reload, so an alert can compare with zero");
        }

        metrics.recordReload(new ReloadResult.Rejected(engine.policy(),
                List.of(new Problem("policy.yaml", 3, 1, "broken", ""))));
        metrics.recordReload(new ReloadResult.Unchanged(engine.policy()));
        metrics.recordReload(new ReloadResult.Rejected(engine.policy(),
                List.of(new Problem("policy.yaml", 3, 1, "broken", ""))));

        assertEquals(2.0, registry.get(PolicyMetrics.RELOADS).tag("result", "rejected").counter().count());
        assertEquals(1.0, registry.get(PolicyMetrics.RELOADS).tag("result", "unchanged").counter().count());
        assertEquals(0.0, registry.get(PolicyMetrics.RELOADS).tag("result", "swapped").counter().count());
    }

    @Test
    void aMonitoredDecisionLogReportsFailedAndDroppedEvents() throws Exception {
        MeterRegistry registry = new SimpleMeterRegistry();
        PolicyMetrics metrics = PolicyMetrics.of(registry);
        DecisionLog log = DecisionLog.to(event -> {
            throw new IllegalStateException("the store is down");
        });
        metrics.monitor(log);
        PolicyEngine logged = engine.withDecisionLog(log);

        metrics.decide(logged, WITH_CONSENT);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.failed() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        log.close();
        metrics.decide(logged, WITH_CONSENT);  // after close: dropped

        FunctionCounter failed = registry.get(PolicyMetrics.LOG_FAILED).functionCounter();
        FunctionCounter dropped = registry.get(PolicyMetrics.LOG_DROPPED).functionCounter();
        assertEquals(1.0, failed.count());
        assertEquals(1.0, dropped.count());
        assertEquals(0.0, registry.get(PolicyMetrics.LOG_DELIVERED).functionCounter().count());
        assertEquals(0.0, registry.get(PolicyMetrics.LOG_PENDING).gauge().value());
    }

    @Test
    void aRegistryThatFailsNeverFailsTheDecision() {
        MeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().equals(PolicyMetrics.DECIDE)) {
                    throw new IllegalStateException("registry broken");
                }
                return id;
            }
        });
        PolicyMetrics metrics = PolicyMetrics.of(registry);

        Decision d = metrics.decide(engine, WITH_CONSENT);

        assertNotNull(d);
        assertTrue(d.permitted());
    }

    @Test
    void thisModuleNeedsNoSpring() {
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.springframework.context.ApplicationContext"),
                "privacy-rules-micrometer must be usable by a host without Spring");
    }

    private static Counter decisions(MeterRegistry registry, String kind, String outcome, String reason) {
        return registry.get(PolicyMetrics.DECISIONS)
                .tags("kind", kind, "outcome", outcome, "pack", PACK, "reason", reason).counter();
    }
}
