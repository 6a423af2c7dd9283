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
        CONSENT("consent", Kind.CONSENT);

        public final String yaml;
        public final Kind kind;

        Key(String yaml, Kind kind) {
            this.yaml = yaml;
            this.kind = kind;
        }

        public static Key of(String yaml) {
            for (Key k : values()) {
                if (k.yaml.equals(yaml)) {
                    return k;
                }
            }
            return null;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).map(k -> k.yaml).toList();
        }
    }

    /** What kind of value a condition key takes, and so how it is read and checked. */
    public enum Kind {
        ACTIONS, PURPOSES, BASES, RECIPIENTS, PURPOSE, BOOLEAN, CONSENT
    }

    /** The values of {@code consent:}. */
    public enum ConsentTest {
        COVERING("covering", "consentCovering"),
        NAMING_PURPOSE("naming-purpose", "consentNamingPurpose"),
        NAMING_RECIPIENT("naming-recipient", "consentNamingRecipient"),
        NAMING_ACTION("naming-action", "consentNamingAction"),
        NONE("none", "!consentCovering");

        public final String yaml;
        public final String drl;

        ConsentTest(String yaml, String drl) {
            this.yaml = yaml;
            this.drl = drl;
        }

        public static ConsentTest of(String yaml) {
            for (ConsentTest t : values()) {
                if (t.yaml.equals(yaml)) {
                    return t;
                }
            }
            return null;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).map(t -> t.yaml).toList();
        }
    }
}
