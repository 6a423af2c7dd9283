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
        /** {@code guardianConsent: separate}: the guardian's consent is a separate consent. Written as a value of {@code guardianConsent}. */
        GUARDIAN_CONSENT_SEPARATE("guardianConsent: separate", Kind.BOOLEAN),
        CONSENT("consent", Kind.CONSENT),
        /** {@code consentKind: explicit|separate}: qualifies the {@code consent} test of the same condition. Folded into it at load time. */
        CONSENT_KIND("consentKind", Kind.CONSENT);

        public final String yaml;
        public final Kind kind;

        Key(String yaml, Kind kind) {
            this.yaml = yaml;
            this.kind = kind;
        }

        public static Key of(String yaml) {
            for (Key k : values()) {
                if (k != GUARDIAN_CONSENT_SEPARATE && k.yaml.equals(yaml)) {
                    return k;
                }
            }
            return null;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).filter(k -> k != GUARDIAN_CONSENT_SEPARATE).map(k -> k.yaml).toList();
        }
    }

    /** What kind of value a condition key takes, and so how it is read and checked. */
    public enum Kind {
        ACTIONS, PURPOSES, BASES, RECIPIENTS, PURPOSE, BOOLEAN, CONSENT
    }

    /**
     * The values of {@code consent:}, each for any consent or, qualified by
     * {@code consentKind: separate}, for separate consents only.
     */
    public enum ConsentTest {
        COVERING("covering", "consentCovering", false),
        NAMING_PURPOSE("naming-purpose", "consentNamingPurpose", false),
        NAMING_RECIPIENT("naming-recipient", "consentNamingRecipient", false),
        NAMING_ACTION("naming-action", "consentNamingAction", false),
        NONE("none", "!consentCovering", false),
        SEPARATE_COVERING("covering", "separateConsentCovering", true),
        SEPARATE_NAMING_PURPOSE("naming-purpose", "separateConsentNamingPurpose", true),
        SEPARATE_NAMING_RECIPIENT("naming-recipient", "separateConsentNamingRecipient", true),
        SEPARATE_NAMING_ACTION("naming-action", "separateConsentNamingAction", true),
        SEPARATE_NONE("none", "!separateConsentCovering", true);

        /** The value as written after {@code consent:}. */
        public final String yaml;
        public final String drl;
        /** True when only separate consents count. */
        public final boolean separate;

        ConsentTest(String yaml, String drl, boolean separate) {
            this.yaml = yaml;
            this.drl = drl;
            this.separate = separate;
        }

        /** The test written {@code consent: yaml}, for any kind of consent; null when there is none. */
        public static ConsentTest of(String yaml) {
            for (ConsentTest t : values()) {
                if (!t.separate && t.yaml.equals(yaml)) {
                    return t;
                }
            }
            return null;
        }

        /** This test for separate consents only. */
        public ConsentTest separately() {
            return switch (this) {
                case COVERING -> SEPARATE_COVERING;
                case NAMING_PURPOSE -> SEPARATE_NAMING_PURPOSE;
                case NAMING_RECIPIENT -> SEPARATE_NAMING_RECIPIENT;
                case NAMING_ACTION -> SEPARATE_NAMING_ACTION;
                case NONE -> SEPARATE_NONE;
                default -> this;
            };
        }

        /** This test for consents of any kind. */
        public ConsentTest anyKind() {
            return switch (this) {
                case SEPARATE_COVERING -> COVERING;
                case SEPARATE_NAMING_PURPOSE -> NAMING_PURPOSE;
                case SEPARATE_NAMING_RECIPIENT -> NAMING_RECIPIENT;
                case SEPARATE_NAMING_ACTION -> NAMING_ACTION;
                case SEPARATE_NONE -> NONE;
                default -> this;
            };
        }

        /** As written in YAML, for example {@code naming-recipient, consentKind: separate}. */
        public String show() {
            return separate ? yaml + ", consentKind: separate" : yaml;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).filter(t -> !t.separate).map(t -> t.yaml).toList();
        }
    }

    /** The values of {@code consentKind:}. */
    public static final List<String> CONSENT_KINDS = List.of("explicit", "separate");
}
