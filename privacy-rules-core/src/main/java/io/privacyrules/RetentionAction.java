package io.privacyrules;

/**
 * The answer to a {@link RetentionQuery}.
 *
 * <p>Thread-safe: an enum.
 */
public enum RetentionAction {
    /** Keep the record, until {@link RetentionDecision#until()} when it is known. */
    RETAIN("retain"),
    /** Delete the record, or anonymize it so that it cannot be traced back to the subject. */
    DISPOSE("dispose");

    private final String id;

    RetentionAction(String id) {
        this.id = id;
    }

    /** The id used in scenario files and JSON ({@code retain}, {@code dispose}). */
    public String id() {
        return id;
    }
}
