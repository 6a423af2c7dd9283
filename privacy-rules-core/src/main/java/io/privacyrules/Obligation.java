package io.privacyrules;

import java.util.Objects;

/**
 * A duty the host takes on with a permit, such as {@code anonymize}, {@code aggregate} or
 * {@code confidentiality-agreement}. The pack declares every obligation with its clause.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id          the obligation's identifier in the pack
 * @param clause      the clause of the rule that imposed it on this decision (the pack declares a
 *                    default clause for each obligation)
 * @param description what the host has to do, in a sentence
 */
public record Obligation(String id, String clause, String description) {
    /**
     * @throws NullPointerException if any argument is null
     */
    public Obligation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(description, "description");
    }
}
