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
    private final java.util.List<Consumer<ReloadResult>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
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
     * Loads the pack at each location (a folder or {@code classpath:NAME}) and, if they load, swaps
     * them in: one location is one pack, several are layers in the order of
     * {@link PolicyEngine#layered(String...)}. The number of locations must be the number of layers
     * serving now, so that a layered policy never silently loses its law layer; otherwise the
     * reload is rejected. Never throws for a bad pack: the result says what happened.
     *
     * @throws NullPointerException     if {@code locations} or one of them is null
     * @throws IllegalArgumentException if no location is given
     */
    public ReloadResult reload(String... locations) {
        Objects.requireNonNull(locations, "locations");
        if (locations.length == 0) {
            throw new IllegalArgumentException("reload needs at least one location");
        }
        for (String l : locations) {
            Objects.requireNonNull(l, "location");
        }
        ReloadResult result;
        synchronized (reloading) {
            PolicyEngine old = current.get();
            int layers = old.layers().size();
            if (locations.length != layers) {
                result = new ReloadResult.Rejected(old.policy(), java.util.List.of(new Problem(String.join(" + ", locations),
                        0, 0, "the policy serving has " + layers + " layer(s) and the reload gives " + locations.length,
                        "give one location per layer, the company's pack first")));
            } else {
                result = load(old, locations);
            }
        }
        tell(result);
        return result;
    }

    private ReloadResult load(PolicyEngine old, String... locations) {
        PolicyEngine next;
        try {
            next = locations.length == 1 ? PolicyEngine.load(locations[0]) : PolicyEngine.layered(locations);
        } catch (PolicyLoadException e) {
            return new ReloadResult.Rejected(old.policy(), e.problems());
        } catch (RuntimeException e) {
            return new ReloadResult.Rejected(old.policy(), java.util.List.of(new Problem(String.join(" + ", locations), 0, 0,
                    "the pack could not be loaded: " + e.getClass().getSimpleName(), "")));
        }
        return swap(old, next);
    }

    /**
     * Swaps in an engine the host loaded itself, keeping the serving engine's clock and decision log.
     *
     * @throws NullPointerException if {@code next} is null
     */
    public ReloadResult replace(PolicyEngine next) {
        Objects.requireNonNull(next, "next");
        ReloadResult result;
        synchronized (reloading) {
            result = swap(current.get(), next);
        }
        tell(result);
        return result;
    }

    /**
     * Tells {@code listener} the result of every reload from now on, whoever asked for it (a
     * {@link #reload}, a {@link #replace} or a {@link #watch}), after the swap. For health checks
     * and metrics. A listener that throws is ignored; it must not block.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public void onReload(Consumer<ReloadResult> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void tell(ReloadResult result) {
        for (Consumer<ReloadResult> l : listeners) {
            try {
                l.accept(result);
            } catch (RuntimeException e) {
                // A failing listener must not fail a reload.
            }
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
        watch(java.util.List.of(Objects.requireNonNull(folder, "folder")), interval, listener);
    }

    /**
     * As {@link #watch(Path, Duration, Consumer)} for a layered policy: checks every folder, one per
     * layer in the order of {@link PolicyEngine#layered(String...)}, and reloads all of them when
     * any file in any of them changed.
     *
     * @throws NullPointerException     if an argument or a folder is null
     * @throws IllegalArgumentException if {@code interval} is not positive or {@code folders} is empty
     */
    public synchronized void watch(java.util.List<Path> folders, Duration interval, Consumer<ReloadResult> listener) {
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(listener, "listener");
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("watch needs at least one folder");
        }
        folders.forEach(f -> Objects.requireNonNull(f, "folder"));
        String[] locations = folders.stream().map(Path::toString).toArray(String[]::new);
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        stopWatching();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "privacy-rules-pack-watch");
            t.setDaemon(true);
            return t;
        });
        String[] seen = {fingerprint(folders)};
        s.scheduleWithFixedDelay(() -> {
            try {
                String now = fingerprint(folders);
                if (!now.equals(seen[0])) {
                    seen[0] = now;
                    listener.accept(reload(locations));
                }
            } catch (RuntimeException e) {
                // A failing listener must not stop the watch.
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        watcher = s;
    }

    private static String fingerprint(java.util.List<Path> folders) {
        StringBuilder sb = new StringBuilder();
        folders.forEach(f -> sb.append(fingerprint(f)).append('\u0000'));
        return sb.toString();
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
