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

    /** The new version was loaded, validated and now serves. */
    record Swapped(PolicyInfo from, PolicyInfo to) implements ReloadResult {
        public Swapped {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public PolicyInfo serving() {
            return to;
        }
    }

    /** The new version did not load; the old one goes on serving. */
    record Rejected(PolicyInfo serving, List<Problem> problems) implements ReloadResult {
        public Rejected {
            Objects.requireNonNull(serving, "serving");
            problems = List.copyOf(problems);
        }
    }

    /** The pack's files have not changed since the serving version was loaded. */
    record Unchanged(PolicyInfo serving) implements ReloadResult {
        public Unchanged {
            Objects.requireNonNull(serving, "serving");
        }
    }
}
