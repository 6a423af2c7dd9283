package io.privacyrules.spark;

import io.privacyrules.PolicyEngine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engines loaded in this JVM, one per pack location and revision, so that an executor loads
 * a pack once however many partitions it decides. Thread-safe: tasks of one executor share it.
 */
final class Engines {
    private static final Map<String, Slot> LOADED = new ConcurrentHashMap<>();

    private Engines() {
    }

    /** An engine, or why there is none. */
    record Loaded(PolicyEngine engine, String failure) {
    }

    /** Loads the pack at most once per key, on the first task that asks; the others wait for it. */
    private static final class Slot {
        private final List<String> locations;
        private Loaded loaded;

        Slot(List<String> locations) {
            this.locations = locations;
        }

        synchronized Loaded get() {
            if (loaded == null) {
                loaded = tryLoad(locations);
            }
            return loaded;
        }
    }

    /**
     * The engine of {@code locations} that the driver knew as {@code revision}, loaded here when
     * no task of this JVM has loaded it yet. A failed load is kept too, so that a pack missing on
     * an executor costs one attempt, not one per partition. Never throws.
     */
    static Loaded get(List<String> locations, String revision) {
        return LOADED.computeIfAbsent(key(locations, revision), k -> new Slot(locations)).get();
    }

    /** Registers an engine loaded on the driver, which in local mode is also the executor's JVM. */
    static void put(List<String> locations, PolicyEngine engine) {
        Slot slot = new Slot(locations);
        slot.loaded = new Loaded(engine, null);
        LOADED.putIfAbsent(key(locations, engine.policy().revision()), slot);
    }

    /** Forgets every engine; for tests that must see an executor load a pack. */
    static void clear() {
        LOADED.clear();
    }

    static PolicyEngine load(List<String> locations) {
        return locations.size() == 1 ? PolicyEngine.load(locations.get(0)) : PolicyEngine.layered(locations);
    }

    private static Loaded tryLoad(List<String> locations) {
        try {
            return new Loaded(load(locations), null);
        } catch (RuntimeException | LinkageError e) {
            // A load problem names files, lines and identifiers, never personal data; the first
            // line is enough to tell a pack missing from the executor's class path.
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new Loaded(null, "The pack " + String.join(" + ", locations) + " did not load on this executor ("
                    + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message) + ").");
        }
    }

    private static String key(List<String> locations, String revision) {
        return String.join("\n", locations) + "\n@" + revision;
    }
}
