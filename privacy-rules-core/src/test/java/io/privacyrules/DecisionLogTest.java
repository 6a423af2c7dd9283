package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.spi.DecisionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision log sees every decision, ids only, and can never hold up or break one. */
class DecisionLogTest {
    private static final ProcessingRequest REQUEST = ProcessingRequest.builder().action("share")
            .purpose("service-analytics").data("identity.gender").recipient("authorized-dealer").age(37)
            .consent(Consent.toRecipient("authorized-dealer")).build();

    private static void await(DecisionLog log, long events) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.delivered() + log.failed() < events && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    @Test
    void everyKindOfDecisionIsLoggedWithIdsOnly() throws Exception {
        List<DecisionEvent> events = new CopyOnWriteArrayList<>();
        try (DecisionLog log = DecisionLog.to(events::add)) {
            PolicyEngine engine = SeedPack.engine().withDecisionLog(log);
            engine.decide(REQUEST);
            engine.decide(REQUEST.toBuilder().purpose("+86 138 0013 8000").build());
            engine.decide(RightsRequest.builder().right("access").receivedOn(LocalDate.of(2026, 7, 1)).identityVerified(true).build());
            engine.decide(RetentionQuery.builder().data("contract.record").purposes("contract-conclusion").build());
            await(log, 4);
        }
        assertEquals(4, events.size());
        DecisionEvent first = events.get(0);
        assertEquals("processing", first.kind());
        assertEquals("permit", first.answer());
        assertEquals(List.of("anonymize", "aggregate", "confidentiality-agreement"), first.obligations());
        assertEquals("bmw-connected-drive-cn", first.policy().id());
        assertFalse(first.request().toString().contains("37"), first.request()::toString);
        assertEquals(DecisionEvents.NOT_AN_ID, events.get(1).request().get("purpose"));
        // the request and the reasons, not the whole event: its timestamp's digits may contain 138
        String logged = events.get(1).request() + " " + events.get(1).reasons();
        assertFalse(logged.contains("138") || logged.contains("8000"), logged);
        assertEquals("fulfil", events.get(2).answer());
        assertEquals(LocalDate.of(2026, 7, 31), events.get(2).day());
        assertEquals("retain", events.get(3).answer());
        assertEquals(4, events.stream().map(DecisionEvent::id).distinct().count());
    }

    @Test
    void theJsonLinesSinkWritesOneObjectPerDecision(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        try (DecisionLog log = DecisionLog.to(DecisionLog.jsonLines(file))) {
            PolicyEngine engine = SeedPack.engine().withDecisionLog(log);
            for (int i = 0; i < 5; i++) {
                engine.decide(REQUEST);
            }
            await(log, 5);
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("{\"id\":") && lines.get(0).contains("\"answer\":\"permit\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"revision\":\"" + SeedPack.engine().policy().revision() + "\""), lines.get(0));
        // regression: the keys of a reason came from Map.of, whose order changes from one JVM run to the next
        assertTrue(lines.get(0).contains("\"reasons\":[{\"code\":\"explicit-consent\",\"clause\":\"III.2(1)(b)\",\"rule\":\"share-with-dealers\"}]"),
                lines.get(0));
    }

    @Test
    void aSinkThatDiesMidRunNeverStopsTheDecisions() throws Exception {
        int[] taken = {0};
        try (DecisionLog log = DecisionLog.to(event -> {
            if (++taken[0] > 10) {
                throw new IllegalStateException("the sink died");
            }
        })) {
            PolicyEngine engine = SeedPack.engine().withDecisionLog(log);
            for (int i = 0; i < 100; i++) {
                assertTrue(engine.decide(REQUEST).permitted());
            }
            await(log, 100);
            assertEquals(10, log.delivered());
            assertEquals(90, log.failed());
        }
    }

    @Test
    void aStuckSinkMakesTheLogDropAndCountNotWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        DecisionLog log = DecisionLog.to(event -> release.await(), 10);
        try {
            PolicyEngine engine = SeedPack.engine().withDecisionLog(log);
            for (int i = 0; i < 200; i++) {
                assertTrue(engine.decide(REQUEST).permitted());
            }
            assertTrue(log.dropped() >= 189, "dropped " + log.dropped());
            assertTrue(log.pending() <= 10);
        } finally {
            release.countDown();
            log.close();
        }
        assertTrue(release.await(0, TimeUnit.SECONDS));
    }
}
