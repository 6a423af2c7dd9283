package io.privacyrules;

/**
 * The outcome of a processing decision.
 *
 * <p>Thread-safe: an enum.
 */
public enum Effect {
    /** The host may go ahead, honouring the decision's obligations. */
    PERMIT,
    /** The host must not go ahead. */
    DENY;

    /** The lower-case name used in scenario files and JSON output ({@code permit}, {@code deny}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
