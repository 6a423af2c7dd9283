package io.privacyrules;

/**
 * An explicit consent the subject gave, scoped by any of purpose, recipient and action.
 *
 * <p>A consent <em>covers</em> a request when every field it names matches the request; a field
 * left {@code null} matches anything. A withdrawn consent covers nothing. A consent that names no
 * field at all is not accepted by the engine: the request is denied as {@code invalid-request}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purpose   the purpose consented to, or {@code null}
 * @param recipient the recipient consented to, or {@code null}
 * @param action    the action consented to, or {@code null}
 * @param withdrawn true once the subject has withdrawn the consent
 */
public record Consent(String purpose, String recipient, String action, boolean withdrawn) {

    /** A consent to a purpose. */
    public static Consent toPurpose(String purpose) {
        return new Consent(purpose, null, null, false);
    }

    /** A consent to giving data to a recipient. */
    public static Consent toRecipient(String recipient) {
        return new Consent(null, recipient, null, false);
    }

    /** A consent to an action, for example {@code disclose}. */
    public static Consent toAction(String action) {
        return new Consent(null, null, action, false);
    }

    /** This consent, withdrawn. */
    public Consent withdraw() {
        return new Consent(purpose, recipient, action, true);
    }
}
