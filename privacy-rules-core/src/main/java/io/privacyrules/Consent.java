package io.privacyrules;

/**
 * A consent the subject gave, scoped by any of purpose, recipient and action.
 *
 * <p>A consent <em>covers</em> a request when every field it names matches the request; a field
 * left {@code null} matches anything. A withdrawn consent covers nothing. A consent that names no
 * field at all is not accepted by the engine: the request is denied as {@code invalid-request}.
 *
 * <p>A consent has a <em>kind</em>, one of the consent kinds the pack declares
 * ({@code consentKinds:} in {@code policy.yaml}), such as {@code explicit} or {@code separate}; a
 * pack orders its kinds by strength, and a stronger kind satisfies a rule asking for a weaker
 * one. A {@code null} kind is the pack's default kind. A kind the pack does not declare makes the
 * request {@code invalid-request}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purpose   the purpose consented to, or {@code null}
 * @param recipient the recipient consented to, or {@code null}
 * @param action    the action consented to, or {@code null}
 * @param withdrawn true once the subject has withdrawn the consent
 * @param kind      the consent kind, an id of the pack's {@code consentKinds}, or {@code null} for the
 *                  pack's default kind
 */
public record Consent(String purpose, String recipient, String action, boolean withdrawn, String kind) {

    /** A consent of the pack's default kind. */
    public Consent(String purpose, String recipient, String action, boolean withdrawn) {
        this(purpose, recipient, action, withdrawn, null);
    }

    /** A consent to a purpose, of the pack's default kind. */
    public static Consent toPurpose(String purpose) {
        return new Consent(purpose, null, null, false);
    }

    /** A consent to giving data to a recipient, of the pack's default kind. */
    public static Consent toRecipient(String recipient) {
        return new Consent(null, recipient, null, false);
    }

    /** A consent to an action, for example {@code disclose}, of the pack's default kind. */
    public static Consent toAction(String action) {
        return new Consent(null, null, action, false);
    }

    /** This consent, withdrawn. */
    public Consent withdraw() {
        return new Consent(purpose, recipient, action, true, kind);
    }

    /**
     * This consent, given as a consent of {@code kind} (an id of the pack's {@code consentKinds}, for
     * example {@code explicit} or {@code separate}); {@code null} for the pack's default kind.
     */
    public Consent ofKind(String kind) {
        return new Consent(purpose, recipient, action, withdrawn, kind);
    }
}
