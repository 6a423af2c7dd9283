package io.privacyrules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A policy that can change while the host runs: it decides with the version it holds and swaps
 * in a new one atomically. A new version is loaded and validated completely before it replaces
 * the old; a version that does not load leaves the old one serving and says why. Every decision
 * is made by exactly one version, and names it ({@link PolicyInfo#version()} and
 * {@link PolicyInfo#revision()} of the decision's policy).
 *
 * <pre>{@code
 * LivePolicy policy = LivePolicy.of(PolicyEngine.load(Path.of("/etc/privacy/my-pack")));
 * policy.watch(Path.of("/etc/privacy/my-pack"), Duration.ofSeconds(10), result -> log(result));
 * Decision d = policy.decide(request);
 * }</pre>
 *
 * <p>A new version keeps the clock and decision log of the serving engine. Thread-safe.
 */
public final class LivePolicy implements AutoCloseable {
    private final AtomicReference<PolicyEngine> current;
    private final Object reloading = new Object();
    private volatile ScheduledExecutorService watcher;

    private LivePolicy(PolicyEngine initial) {
        this.current = new AtomicReference<>(initial);
    }

    /**
     * A live policy serving {@code initial}.
     *
     * @throws NullPointerException if {@code initial} is null
     */
    public static LivePolicy of(PolicyEngine initial) {
        return new LivePolicy(Objects.requireNonNull(initial, "initial"));
    }

    /** The engine serving now. Decide with the engine returned, or through this object's decide methods. */
    public PolicyEngine current() {
        return current.get();
    }

    /** Decides with the version serving now. Never throws. */
    public Decision decide(ProcessingRequest request) {
        return current.get().decide(request);
    }

    /** Decides with the version serving now. Never throws. */
    public RightsDecision decide(RightsRequest request) {
        return current.get().decide(request);
    }

    /** Decides with the version serving now. Never throws. */
    public RetentionDecision decide(RetentionQuery query) {
        return current.get().decide(query);
    }

    /**
     * Loads the pack at {@code location} (a folder or {@code classpath:NAME}) and, if it loads,
     * swaps it in. Never throws for a bad pack: the result says what happened.
     *
     * @throws NullPointerException if {@code location} is null
     */
    public ReloadResult reload(String location) {
        Objects.requireNonNull(location, "location");
        synchronized (reloading) {
            PolicyEngine old = current.get();
            PolicyEngine next;
            try {
                next = PolicyEngine.load(location);
            } catch (PolicyLoadException e) {
                return new ReloadResult.Rejected(old.policy(), e.problems());
            } catch (RuntimeException e) {
                return new ReloadResult.Rejected(old.policy(), java.util.List.of(new Problem(location, 0, 0,
                        "the pack could not be loaded: " + e.getClass().getSimpleName(), "")));
            }
            return swap(old, next);
        }
    }

    /**
     * Swaps in an engine the host loaded itself, keeping the serving engine's clock and decision log.
     *
     * @throws NullPointerException if {@code next} is null
     */
    public ReloadResult replace(PolicyEngine next) {
        Objects.requireNonNull(next, "next");
        synchronized (reloading) {
            return swap(current.get(), next);
        }
    }

    private ReloadResult swap(PolicyEngine old, PolicyEngine next) {
        if (old.policy().equals(next.policy())) {
            return new ReloadResult.Unchanged(old.policy());
        }
        current.set(old.sameSettings(next));
        return new ReloadResult.Swapped(old.policy(), next.policy());
    }

    /**
     * Checks {@code folder} every {@code interval} and reloads when any file in it changed (by
     * size and modification time), telling {@code listener} the result of each reload. One watch
     * per live policy; calling again replaces it.
     *
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code interval} is not positive
     */
    public synchronized void watch(Path folder, Duration interval, Consumer<ReloadResult> listener) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(listener, "listener");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        stopWatching();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "privacy-rules-pack-watch");
            t.setDaemon(true);
            return t;
        });
        String[] seen = {fingerprint(folder)};
        s.scheduleWithFixedDelay(() -> {
            try {
                String now = fingerprint(folder);
                if (!now.equals(seen[0])) {
                    seen[0] = now;
                    listener.accept(reload(folder.toString()));
                }
            } catch (RuntimeException e) {
                // A failing listener must not stop the watch.
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        watcher = s;
    }

    /** Sizes and modification times of every file below {@code folder}, as one string. */
    static String fingerprint(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder sb = new StringBuilder();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                sb.append(p).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    private void stopWatching() {
        ScheduledExecutorService s = watcher;
        if (s != null) {
            s.shutdownNow();
            watcher = null;
        }
    }

    /** Stops watching. The policy goes on deciding with the version it holds. */
    @Override
    public synchronized void close() {
        stopWatching();
    }
}
