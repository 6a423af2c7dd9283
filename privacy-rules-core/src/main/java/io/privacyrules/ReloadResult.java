package io.privacyrules;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link LivePolicy} reload did.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ReloadResult {

    /** The pack version serving after the reload. */
    PolicyInfo serving();

    /**
     * The new version was loaded, validated and now serves.
     *
     * @param from the version that served before
     * @param to   the version that serves now
     */
    record Swapped(PolicyInfo from, PolicyInfo to) implements ReloadResult {
        /**
         * @throws NullPointerException if an argument is null
         */
        public Swapped {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public PolicyInfo serving() {
            return to;
        }
    }

    /**
     * The new version did not load; the old one goes on serving.
     *
     * @param serving  the version that still serves
     * @param problems every problem found in the new version, as {@link PolicyLoadException} lists them
     */
    record Rejected(PolicyInfo serving, List<Problem> problems) implements ReloadResult {
        /**
         * @throws NullPointerException if an argument or a problem is null
         */
        public Rejected {
            Objects.requireNonNull(serving, "serving");
            problems = List.copyOf(problems);
        }
    }

    /**
     * The pack's files have not changed since the serving version was loaded.
     *
     * @param serving the version that serves, as before
     */
    record Unchanged(PolicyInfo serving) implements ReloadResult {
        /**
         * @throws NullPointerException if {@code serving} is null
         */
        public Unchanged {
            Objects.requireNonNull(serving, "serving");
        }
    }
}
