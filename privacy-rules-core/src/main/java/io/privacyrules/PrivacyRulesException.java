package io.privacyrules;

/**
 * The root of this library's exceptions. Thrown only when something could not be loaded; a
 * problem while deciding is never thrown but becomes a deny with a reason.
 */
public abstract sealed class PrivacyRulesException extends RuntimeException permits PolicyLoadException {
    private static final long serialVersionUID = 1L;

    PrivacyRulesException(String message) {
        super(message);
    }
}
