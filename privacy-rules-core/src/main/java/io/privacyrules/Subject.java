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
 * @param guardianConsentKind the kind of the guardian's consent (an id of the pack's {@code consentKinds}),
 *                            or {@code null}: the pack's default kind when there is a guardian consent
 * @param country             the subject's country of residence (ISO 3166 code), or {@code null} when
 *                            unknown; a pack may set a child's age by country
 * @param objections          what the subject objected to: purpose ids, or kinds of objection the pack
 *                            declares (such as {@code direct-marketing}); not consents
 */
public record Subject(Integer age, boolean guardianConsent, List<Consent> consents, String guardianConsentKind,
                      String country, List<String> objections) {

    /**
     * Without a guardian consent the kind is {@code null}; a guardian consent without a kind is of
     * the pack's default kind.
     *
     * @throws NullPointerException if {@code consents} or one of its elements is null
     */
    public Subject {
        consents = List.copyOf(Objects.requireNonNull(consents, "consents"));
        objections = objections == null || objections.isEmpty() ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(objections));
        if (!guardianConsent) {
            guardianConsentKind = null;
        }
    }

    /** A subject of unknown country who objected to nothing. */
    public Subject(Integer age, boolean guardianConsent, List<Consent> consents, String guardianConsentKind) {
        this(age, guardianConsent, consents, guardianConsentKind, null, List.of());
    }

    /** A subject whose guardian consent, if any, is of the pack's default kind. */
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
        return new Subject(age, guardianConsent, all, guardianConsentKind, country, objections);
    }

    /** This subject with a parent's or guardian's verifiable consent, of the pack's default kind. */
    public Subject withGuardianConsent() {
        return withGuardianConsent(null);
    }

    /**
     * This subject with a parent's or guardian's verifiable consent of {@code kind} (an id of the
     * pack's {@code consentKinds}; {@code null} for the default kind).
     */
    public Subject withGuardianConsent(String kind) {
        return new Subject(age, true, consents, kind, country, objections);
    }

    /** This subject living in {@code country} (an ISO 3166 code). */
    public Subject livingIn(String country) {
        return new Subject(age, guardianConsent, consents, guardianConsentKind, country, objections);
    }

    /** This subject with objections added (purpose ids or kinds of objection of the pack). */
    public Subject withObjections(String... ids) {
        var all = new java.util.ArrayList<>(objections);
        all.addAll(List.of(ids));
        return new Subject(age, guardianConsent, consents, guardianConsentKind, country, all);
    }

}
