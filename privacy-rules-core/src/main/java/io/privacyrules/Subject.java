package io.privacyrules;

import java.util.List;
import java.util.Objects;

/**
 * The person the personal information is about, as far as a decision needs to know.
 *
 * <p>Immutable and thread-safe.
 *
 * @param age                 whole years, or {@code null} when unknown (an unknown age is decided as
 *                            an adult's, as the policy does)
 * @param guardianConsent     true when a parent or guardian gave verifiable consent
 * @param consents            the consents the subject (or guardian) gave; withdrawn ones included
 * @param guardianConsentKind how the guardian's consent was given; {@code null} exactly when there is
 *                            none
 */
public record Subject(Integer age, boolean guardianConsent, List<Consent> consents, ConsentKind guardianConsentKind) {

    /**
     * A guardian consent without a kind is explicit; without a guardian consent the kind is
     * {@code null}.
     *
     * @throws NullPointerException if {@code consents} or one of its elements is null
     */
    public Subject {
        consents = List.copyOf(Objects.requireNonNull(consents, "consents"));
        if (!guardianConsent) {
            guardianConsentKind = null;
        } else if (guardianConsentKind == null) {
            guardianConsentKind = ConsentKind.EXPLICIT;
        }
    }

    /** A subject whose guardian consent, if any, is explicit. */
    public Subject(Integer age, boolean guardianConsent, List<Consent> consents) {
        this(age, guardianConsent, consents, null);
    }

    /** A subject of unknown age with no consents. */
    public static Subject unknown() {
        return new Subject(null, false, List.of());
    }

    /** A subject of the given age with no consents. */
    public static Subject aged(int age) {
        return new Subject(age, false, List.of());
    }

    /** This subject with the given consents added. */
    public Subject withConsents(Consent... more) {
        var all = new java.util.ArrayList<>(consents);
        all.addAll(List.of(more));
        return new Subject(age, guardianConsent, all, guardianConsentKind);
    }

    /** This subject with a parent's or guardian's verifiable, explicit consent. */
    public Subject withGuardianConsent() {
        return withGuardianConsent(ConsentKind.EXPLICIT);
    }

    /**
     * This subject with a parent's or guardian's verifiable consent of the given kind.
     *
     * @throws NullPointerException if {@code kind} is null
     */
    public Subject withGuardianConsent(ConsentKind kind) {
        return new Subject(age, true, consents, Objects.requireNonNull(kind, "kind"));
    }

    /** True when a parent or guardian gave a separate consent. */
    public boolean guardianConsentSeparate() {
        return guardianConsentKind == ConsentKind.SEPARATE;
    }
}
