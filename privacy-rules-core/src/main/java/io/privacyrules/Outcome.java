package io.privacyrules;

/**
 * The answer to a data-subject request ({@link RightsRequest}).
 *
 * <p>Thread-safe: an enum.
 */
public enum Outcome {
    /** Do what the subject asked, by {@link RightsDecision#respondBy()}, honouring the obligations. */
    FULFIL("fulfil"),
    /** Refuse, telling the subject the reasons, by {@link RightsDecision#respondBy()}. */
    REFUSE("refuse"),
    /** Verify the subject's identity first; then ask again. */
    VERIFY_IDENTITY("verify-identity");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    /** The id used in scenario files and JSON ({@code fulfil}, {@code refuse}, {@code verify-identity}). */
    public String id() {
        return id;
    }
}
