package io.privacyrules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a host is about to do with personal information: the question a {@link PolicyEngine}
 * answers. The keys and defaults are those of the {@code request} mapping of a scenario file.
 *
 * <p>Identifiers are the pack's own ({@code collect}, {@code marketing}, {@code contact.mobile},
 * {@code authorized-dealer} in the seed pack). The record does not check them: an unknown or
 * missing identifier is decided as a deny with reason code {@code invalid-request}, never thrown.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 *
 * @param action        what the host is about to do, for example {@code share}
 * @param purpose       why, for example {@code customer-service}
 * @param data          the data categories involved, at least one
 * @param recipient     who receives the data, or {@code null}; required for actions that hand data over
 * @param destination   ISO 3166 code of where the data will be stored or reachable, or {@code null}
 *                      for the pack's own jurisdiction
 * @param anonymized    the data already is anonymized
 * @param aggregated    the data already is aggregated
 * @param requiredByLaw a law, regulation or competent authority requires the processing
 * @param protectsChild the processing is necessary to protect a child
 * @param subject       the person the data is about
 * @param transferMechanism the transfer mechanism in force for this transfer, when the host knows it
 *                      (an id of the pack's {@code transfers}), or {@code null}
 * @param restricted    processing of the subject's data is restricted (GDPR Art. 18): the subject
 *                      contested its accuracy, objected, or asked for it to be kept only
 */
public record ProcessingRequest(
        String action,
        String purpose,
        List<String> data,
        String recipient,
        String destination,
        boolean anonymized,
        boolean aggregated,
        boolean requiredByLaw,
        boolean protectsChild,
        Subject subject,
        String transferMechanism,
        boolean restricted) {

    /**
     * Copies {@code data}; a null {@code data} becomes an empty list and a null {@code subject} an
     * unknown one (both are then decided, not thrown).
     */
    public ProcessingRequest {
        data = data == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(data));
        subject = subject == null ? Subject.unknown() : subject;
    }

    /** A request with no transfer mechanism named and processing not restricted. */
    public ProcessingRequest(String action, String purpose, List<String> data, String recipient, String destination,
                             boolean anonymized, boolean aggregated, boolean requiredByLaw, boolean protectsChild,
                             Subject subject) {
        this(action, purpose, data, recipient, destination, anonymized, aggregated, requiredByLaw, protectsChild,
                subject, null, false);
    }

    /** A new builder with every field at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.action = action;
        b.purpose = purpose;
        b.data.addAll(data);
        b.recipient = recipient;
        b.destination = destination;
        b.anonymized = anonymized;
        b.aggregated = aggregated;
        b.requiredByLaw = requiredByLaw;
        b.protectsChild = protectsChild;
        b.age = subject.age();
        b.guardianConsent = subject.guardianConsent();
        b.guardianConsentKind = subject.guardianConsentKind();
        b.consents.addAll(subject.consents());
        b.country = subject.country();
        b.objections.addAll(subject.objections());
        b.transferMechanism = transferMechanism;
        b.restricted = restricted;
        return b;
    }

    /**
     * Builds a {@link ProcessingRequest}. Not thread-safe; use one builder per request.
     */
    public static final class Builder {
        private String action;
        private String purpose;
        private final List<String> data = new ArrayList<>();
        private String recipient;
        private String destination;
        private boolean anonymized;
        private boolean aggregated;
        private boolean requiredByLaw;
        private boolean protectsChild;
        private Integer age;
        private boolean guardianConsent;
        private String guardianConsentKind;
        private final List<Consent> consents = new ArrayList<>();
        private String country;
        private final List<String> objections = new ArrayList<>();
        private String transferMechanism;
        private boolean restricted;

        private Builder() {
        }

        /** Sets the action, for example {@code collect}. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** Sets the purpose. */
        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        /**
         * Adds data categories.
         *
         * @throws NullPointerException if {@code categories} is null (a null element is decided as invalid)
         */
        public Builder data(String... categories) {
            data.addAll(java.util.Arrays.asList(Objects.requireNonNull(categories, "categories")));
            return this;
        }

        /**
         * Adds data categories.
         *
         * @throws NullPointerException if {@code categories} is null (a null element is decided as invalid)
         */
        public Builder data(List<String> categories) {
            data.addAll(Objects.requireNonNull(categories, "categories"));
            return this;
        }

        /** Sets the recipient. */
        public Builder recipient(String recipient) {
            this.recipient = recipient;
            return this;
        }

        /** Sets the destination (ISO 3166 code); unset means the pack's jurisdiction. */
        public Builder destination(String destination) {
            this.destination = destination;
            return this;
        }

        /** Says whether the data already is anonymized. */
        public Builder anonymized(boolean anonymized) {
            this.anonymized = anonymized;
            return this;
        }

        /** Says whether the data already is aggregated. */
        public Builder aggregated(boolean aggregated) {
            this.aggregated = aggregated;
            return this;
        }

        /** Says whether a law, regulation or competent authority requires the processing. */
        public Builder requiredByLaw(boolean requiredByLaw) {
            this.requiredByLaw = requiredByLaw;
            return this;
        }

        /** Says whether the processing is necessary to protect a child. */
        public Builder protectsChild(boolean protectsChild) {
            this.protectsChild = protectsChild;
            return this;
        }

        /** Sets the subject's age in whole years; {@code null} means unknown. */
        public Builder age(Integer age) {
            this.age = age;
            return this;
        }

        /** Says whether a parent or guardian gave verifiable consent (of the pack's default kind). */
        public Builder guardianConsent(boolean guardianConsent) {
            this.guardianConsent = guardianConsent;
            this.guardianConsentKind = null;
            return this;
        }

        /**
         * Says that a parent or guardian gave verifiable consent of {@code kind}, an id of the pack's
         * {@code consentKinds} ({@code null}: the default kind).
         */
        public Builder guardianConsent(String kind) {
            this.guardianConsent = true;
            this.guardianConsentKind = kind;
            return this;
        }

        /**
         * Adds consents of the subject.
         *
         * @throws NullPointerException if {@code more} or one of its elements is null
         */
        public Builder consent(Consent... more) {
            for (Consent c : Objects.requireNonNull(more, "more")) {
                consents.add(Objects.requireNonNull(c, "consent"));
            }
            return this;
        }

        /** Sets the subject's country of residence (ISO 3166 code), for age thresholds that differ by country. */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * Adds the subject's objections: purpose ids, or kinds of objection the pack declares (such as
         * {@code direct-marketing}). An objection is not a consent and is never read as one.
         *
         * @throws NullPointerException if {@code ids} is null (a null element is decided as invalid)
         */
        public Builder objections(String... ids) {
            objections.addAll(java.util.Arrays.asList(Objects.requireNonNull(ids, "ids")));
            return this;
        }

        /** Names the transfer mechanism in force for this transfer, an id of the pack's {@code transfers}. */
        public Builder transferMechanism(String mechanism) {
            this.transferMechanism = mechanism;
            return this;
        }

        /** Says whether processing of the subject's data is restricted. */
        public Builder restricted(boolean restricted) {
            this.restricted = restricted;
            return this;
        }

        /** Replaces the subject's age, country, guardian consent, consents and objections with those of {@code subject}. */
        public Builder subject(Subject subject) {
            Objects.requireNonNull(subject, "subject");
            this.country = subject.country();
            this.objections.clear();
            this.objections.addAll(subject.objections());
            this.age = subject.age();
            this.guardianConsent = subject.guardianConsent();
            this.guardianConsentKind = subject.guardianConsentKind();
            this.consents.clear();
            this.consents.addAll(subject.consents());
            return this;
        }

        /** The request. Never throws: invalid content is decided as {@code invalid-request}. */
        public ProcessingRequest build() {
            return new ProcessingRequest(action, purpose, data, recipient, destination, anonymized, aggregated,
                    requiredByLaw, protectsChild, new Subject(age, guardianConsent, consents, guardianConsentKind, country,
                    objections), transferMechanism, restricted);
        }
    }
}
