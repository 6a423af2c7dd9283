package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions from several threads while versions A, B and a broken pack are swapped in: no
 * decision errs, none mixes versions, every one matches its version's expected answer. Runs
 * {@code privacyrules.stress.seconds} seconds (3 by default; the {@code stress} profile runs 30).
 */
class LiveReloadStressTest {
    @Test
    void decisionsStayCorrectWhileVersionsSwap(@TempDir Path dir) throws Exception {
        long seconds = Long.getLong("privacyrules.stress.seconds", 3);
        Path b = LivePolicyTest.versionB(dir.resolve("b"));
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("policy.yaml"), "pack: broken\nversion: 1\n");
        PolicyEngine engineA = SeedPack.engine();
        PolicyEngine engineB = PolicyEngine.load(b);

        List<ProcessingRequest> requests = List.of(LivePolicyTest.MARKETING_WITHOUT_CONSENT,
                ProcessingRequest.builder().action("collect").purpose("contract-conclusion").data("identity.name").build(),
                ProcessingRequest.builder().action("share").purpose("customer-service").data("identity.name")
                        .recipient("bmw-ag").consent(Consent.toRecipient("bmw-ag")).build());
        Map<String, List<Decision>> expected = Map.of(
                engineA.policy().revision(), requests.stream().map(engineA::decide).toList(),
                engineB.policy().revision(), requests.stream().map(engineB::decide).toList());
        assertTrue(!expected.get(engineA.policy().revision()).get(0).permitted()
                && expected.get(engineB.policy().revision()).get(0).permitted(), "A and B must differ");

        LivePolicy live = LivePolicy.of(engineA);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong decided = new AtomicLong();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    int i = offset;
                    while (!stop.get()) {
                        int k = i++ % requests.size();
                        Decision d = live.decide(requests.get(k));
                        List<Decision> forVersion = expected.get(d.policy().revision());
                        if (forVersion == null || !forVersion.get(k).equals(d)) {
                            wrong.add(d.toString());
                        }
                        decided.incrementAndGet();
                    }
                }));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int swaps = 0;
            int rejected = 0;
            while (System.nanoTime() < end) {
                ReloadResult r = switch (swaps % 3) {
                    case 0 -> live.replace(engineB);
                    case 1 -> live.reload(broken.toString());
                    default -> live.replace(engineA);
                };
                if (r instanceof ReloadResult.Rejected) {
                    rejected++;
                }
                swaps++;
                Thread.sleep(5);
            }
            stop.set(true);
            for (Future<?> f : workers) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertTrue(wrong.isEmpty(), () -> wrong.size() + " wrong decisions, e.g. " + wrong.peek());
            assertTrue(decided.get() > 1000, "only " + decided.get() + " decisions");
            assertEquals(swaps / 3 + (swaps % 3 > 1 ? 1 : 0), rejected);
        } finally {
            pool.shutdownNow();
        }
    }
}
