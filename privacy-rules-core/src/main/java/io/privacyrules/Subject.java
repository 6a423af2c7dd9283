package io.privacyrules;

import java.util.List;
import java.util.Objects;

/**
 * The person the personal information is about, as far as a decision needs to know.
 *
 * <p>Immutable and thread-safe.
 *
 * @param age             whole years, or {@code null} when unknown (an unknown age is decided as an
 *                        adult's, as the policy does)
 * @param guardianConsent true when a parent or guardian gave verifiable consent
 * @param consents        the explicit consents the subject (or guardian) gave; withdrawn ones included
 */
public record Subject(Integer age, boolean guardianConsent, List<Consent> consents) {

    /**
     * @throws NullPointerException if {@code consents} or one of its elements is null
     */
    public Subject {
        consents = List.copyOf(Objects.requireNonNull(consents, "consents"));
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
        return new Subject(age, guardianConsent, all);
    }

    /** This subject with a parent's or guardian's verifiable consent. */
    public Subject withGuardianConsent() {
        return new Subject(age, true, consents);
    }
}
