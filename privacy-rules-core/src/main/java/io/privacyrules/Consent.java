package io.privacyrules;

import java.util.Objects;

/**
 * A consent the subject gave, scoped by any of purpose, recipient and action.
 *
 * <p>A consent <em>covers</em> a request when every field it names matches the request; a field
 * left {@code null} matches anything. A withdrawn consent covers nothing. A consent that names no
 * field at all is not accepted by the engine: the request is denied as {@code invalid-request}.
 * A consent is {@link ConsentKind#EXPLICIT explicit} unless made {@link #separate()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param purpose   the purpose consented to, or {@code null}
 * @param recipient the recipient consented to, or {@code null}
 * @param action    the action consented to, or {@code null}
 * @param withdrawn true once the subject has withdrawn the consent
 * @param kind      how the consent was given
 */
public record Consent(String purpose, String recipient, String action, boolean withdrawn, ConsentKind kind) {

    /**
     * @throws NullPointerException if {@code kind} is null
     */
    public Consent {
        Objects.requireNonNull(kind, "kind");
    }

    /** An explicit consent. */
    public Consent(String purpose, String recipient, String action, boolean withdrawn) {
        this(purpose, recipient, action, withdrawn, ConsentKind.EXPLICIT);
    }

    /** An explicit consent to a purpose. */
    public static Consent toPurpose(String purpose) {
        return new Consent(purpose, null, null, false);
    }

    /** An explicit consent to giving data to a recipient. */
    public static Consent toRecipient(String recipient) {
        return new Consent(null, recipient, null, false);
    }

    /** An explicit consent to an action, for example {@code disclose}. */
    public static Consent toAction(String action) {
        return new Consent(null, null, action, false);
    }

    /** This consent, withdrawn. */
    public Consent withdraw() {
        return new Consent(purpose, recipient, action, true, kind);
    }

    /** This consent, given as a separate consent. */
    public Consent separate() {
        return new Consent(purpose, recipient, action, withdrawn, ConsentKind.SEPARATE);
    }

    /** True when this is a separate consent. */
    public boolean isSeparate() {
        return kind == ConsentKind.SEPARATE;
    }
}
