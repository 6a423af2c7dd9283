package io.privacyrules.internal.pack;

import io.privacyrules.internal.yaml.Location;
import java.util.List;
import java.util.Map;

/**
 * One alternative of a rule's {@code when} or {@code unless}: every test in it must hold. Each
 * test's values have been validated against the pack's vocabulary, so they are safe to write
 * into generated DRL.
 */
public record Condition(Map<Key, Object> tests, Location at) {

    /** The keys a condition may use, with the kind of value each takes. */
    public enum Key {
        ACTION("action", Kind.ACTIONS),
        PURPOSE("purpose", Kind.PURPOSES),
        PURPOSE_BASIS("purposeBasis", Kind.BASES),
        RECIPIENT("recipient", Kind.RECIPIENTS),
        DATA_OF("dataOf", Kind.PURPOSE),
        DATA_DECLARED_FOR_PURPOSE("dataDeclaredForPurpose", Kind.BOOLEAN),
        SENSITIVE_DATA("sensitiveData", Kind.BOOLEAN),
        ABROAD("abroad", Kind.BOOLEAN),
        ANONYMIZED("anonymized", Kind.BOOLEAN),
        AGGREGATED("aggregated", Kind.BOOLEAN),
        REQUIRED_BY_LAW("requiredByLaw", Kind.BOOLEAN),
        PROTECTS_CHILD("protectsChild", Kind.BOOLEAN),
        CHILD("child", Kind.BOOLEAN),
        GUARDIAN_CONSENT("guardianConsent", Kind.BOOLEAN),
        /**
         * {@code guardianConsent: <kind>}: the guardian's consent is of this kind or a stronger one.
         * Written as a value of {@code guardianConsent}; the value of the test is the kind id.
         */
        GUARDIAN_CONSENT_KIND("guardianConsent: kind", Kind.KIND),
        DESTINATION("destination", Kind.PLACES),
        RECIPIENT_LOCATION("recipientLocation", Kind.PLACES),
        TRANSFER_COVERED("transferCovered", Kind.BOOLEAN),
        TRANSFER_MECHANISM("transferMechanism", Kind.MECHANISMS),
        OBJECTED("objected", Kind.BOOLEAN),
        RESTRICTED("restricted", Kind.BOOLEAN),
        BELOW_MINIMUM_AGE("belowMinimumAge", Kind.BOOLEAN),
        CONSENT("consent", Kind.CONSENT),
        /** {@code consentKind: <kind>}: qualifies the {@code consent} test of the same condition. Folded into it at load time. */
        CONSENT_KIND("consentKind", Kind.CONSENT);

        public final String yaml;
        public final Kind kind;

        Key(String yaml, Kind kind) {
            this.yaml = yaml;
            this.kind = kind;
        }

        public static Key of(String yaml) {
            for (Key k : values()) {
                if (k != GUARDIAN_CONSENT_KIND && k.yaml.equals(yaml)) {
                    return k;
                }
            }
            return null;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).filter(k -> k != GUARDIAN_CONSENT_KIND).map(k -> k.yaml).toList();
        }
    }

    /** What kind of value a condition key takes, and so how it is read and checked. */
    public enum Kind {
        ACTIONS, PURPOSES, BASES, RECIPIENTS, PURPOSE, BOOLEAN, CONSENT, PLACES, MECHANISMS, KIND
    }

    /**
     * A test of where data goes: the place (the destination, or the recipient's location) lies in
     * one of {@code places} ({@code in}), or in none of them ({@code notIn}). A place is an ISO
     * 3166 country or a region of the pack.
     */
    public record PlaceTest(boolean in, List<String> places) {
        @Override
        public String toString() {
            return "{" + (in ? "in" : "notIn") + ": " + (places.size() == 1 ? places.get(0) : places.toString()) + "}";
        }
    }

    /**
     * A test of {@code consent:}, for consents of any kind ({@code kind} null) or, qualified by
     * {@code consentKind: K} in the same condition, for consents of kind K or a stronger one.
     */
    public record ConsentTest(Base base, String kind) {
        /** The values written after {@code consent:}. */
        public enum Base {
            COVERING("covering", "consentCovering", "consentCoveringOf"),
            NAMING_PURPOSE("naming-purpose", "consentNamingPurpose", "consentNamingPurposeOf"),
            NAMING_RECIPIENT("naming-recipient", "consentNamingRecipient", "consentNamingRecipientOf"),
            NAMING_ACTION("naming-action", "consentNamingAction", "consentNamingActionOf"),
            NONE("none", "!consentCovering", "consentCoveringOf");

            public final String yaml;
            final String property;
            final String helper;

            Base(String yaml, String property, String helper) {
                this.yaml = yaml;
                this.property = property;
                this.helper = helper;
            }
        }

        public static final ConsentTest COVERING = new ConsentTest(Base.COVERING, null);
        public static final ConsentTest NAMING_PURPOSE = new ConsentTest(Base.NAMING_PURPOSE, null);
        public static final ConsentTest NAMING_RECIPIENT = new ConsentTest(Base.NAMING_RECIPIENT, null);
        public static final ConsentTest NAMING_ACTION = new ConsentTest(Base.NAMING_ACTION, null);
        public static final ConsentTest NONE = new ConsentTest(Base.NONE, null);

        /** The value as written after {@code consent:}. */
        public String yaml() {
            return base.yaml;
        }

        /** True when only consents of {@code kind} or a stronger kind count. */
        public boolean qualified() {
            return kind != null;
        }

        /** The DRL of the test: a property of {@code Request}, or a helper taking the kind. */
        public String drl() {
            if (kind == null) {
                return base.property;
            }
            String call = base.helper + "(\"" + kind + "\")";
            return base == Base.NONE ? "!" + call : call;
        }

        /** The test written {@code consent: yaml}, for any kind of consent; null when there is none. */
        public static ConsentTest of(String yaml) {
            for (Base b : Base.values()) {
                if (b.yaml.equals(yaml)) {
                    return new ConsentTest(b, null);
                }
            }
            return null;
        }

        /** This test for consents of {@code kind} or stronger only. */
        public ConsentTest ofKind(String kind) {
            return new ConsentTest(base, kind);
        }

        /** This test for consents of any kind. */
        public ConsentTest anyKind() {
            return kind == null ? this : new ConsentTest(base, null);
        }

        /** As written in YAML, for example {@code naming-recipient, consentKind: separate}. */
        public String show() {
            return kind != null ? base.yaml + ", consentKind: " + kind : base.yaml;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(Base.values()).map(b -> b.yaml).toList();
        }
    }
}
