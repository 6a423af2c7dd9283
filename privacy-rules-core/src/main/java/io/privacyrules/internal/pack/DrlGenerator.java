package io.privacyrules.internal.pack;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the pack's YAML rules as DRL. Only validated identifiers, clause references and fixed
 * property names reach the text; messages and descriptions never do (the consequence refers to
 * the rule by its index and the engine looks the rest up).
 */
public final class DrlGenerator {
    /** The file name generated rules are reported under. */
    public static final String RULE_PREFIX = "policy.yaml#";

    private DrlGenerator() {
    }

    /** The DRL name of the YAML rule with this id. */
    public static String ruleName(String id) {
        return RULE_PREFIX + id;
    }

    /** DRL for {@code rules}; the rule at index i calls {@code out.apply(i)}. */
    public static String generate(List<Pack.RuleDef> rules) {
        StringBuilder drl = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            Pack.RuleDef r = rules.get(i);
            drl.append("rule \"").append(ruleName(r.id())).append("\"\n")
                    .append("    @clause(\"").append(r.clause()).append("\")\n")
                    .append("when\n")
                    .append("    Request(").append(constraint(r.when(), r.unless())).append(")\n")
                    .append("then\n")
                    .append("    out.apply(").append(i).append(");\n")
                    .append("end\n\n");
        }
        return drl.toString();
    }

    static String constraint(List<Condition> when, List<Condition> unless) {
        String w = when.isEmpty() ? "" : anyOf(when);
        String u = unless.isEmpty() ? "" : "!(" + anyOf(unless) + ")";
        if (w.isEmpty()) {
            return u.isEmpty() ? "" : " " + u + " ";
        }
        return u.isEmpty() ? " " + w + " " : " " + w + ", " + u + " ";
    }

    private static String anyOf(List<Condition> alternatives) {
        return alternatives.stream().map(DrlGenerator::allOf).collect(Collectors.joining(" || "));
    }

    private static String allOf(Condition c) {
        if (c.tests().isEmpty()) {
            return "true";
        }
        return "(" + c.tests().entrySet().stream().map(DrlGenerator::test).collect(Collectors.joining(" && ")) + ")";
    }

    @SuppressWarnings("unchecked")
    private static String test(Map.Entry<Condition.Key, Object> t) {
        Condition.Key key = t.getKey();
        Object v = t.getValue();
        return switch (key.kind) {
            case ACTIONS, PURPOSES, BASES, RECIPIENTS -> in(property(key), (List<String>) v);
            case MECHANISMS -> "(" + ((List<String>) v).stream().map(id -> "transferMechanisms contains \"" + id + "\"")
                    .collect(Collectors.joining(" || ")) + ")";
            case PLACES -> places(key, (Condition.PlaceTest) v);
            case PURPOSE -> "dataWithin(\"" + v + "\")";
            case BOOLEAN -> ((Boolean) v ? "" : "!") + property(key);
            case CONSENT -> ((Condition.ConsentTest) v).drl();
            case KIND -> "guardianConsentOf(\"" + v + "\")";
        };
    }

    private static String property(Condition.Key key) {
        return switch (key) {
            case ACTION -> "action";
            case PURPOSE -> "purpose";
            case PURPOSE_BASIS -> "purposeBasis";
            case RECIPIENT -> "recipient";
            case DATA_DECLARED_FOR_PURPOSE -> "dataDeclaredForPurpose";
            case SENSITIVE_DATA -> "sensitiveData";
            case ABROAD -> "abroad";
            case ANONYMIZED -> "anonymized";
            case AGGREGATED -> "aggregated";
            case REQUIRED_BY_LAW -> "requiredByLaw";
            case PROTECTS_CHILD -> "protectsChild";
            case CHILD -> "child";
            case GUARDIAN_CONSENT -> "guardianConsent";
            case TRANSFER_COVERED -> "transferCovered";
            case OBJECTED -> "objected";
            case RESTRICTED -> "restricted";
            case BELOW_MINIMUM_AGE -> "belowMinimumAge";
            case DATA_OF, CONSENT, CONSENT_KIND, GUARDIAN_CONSENT_KIND, DESTINATION, RECIPIENT_LOCATION, TRANSFER_MECHANISM ->
                    throw new IllegalArgumentException(key.yaml);
        };
    }

    /** {@code destinationIn("EEA")}; a recipient location test never holds for a request without a recipient. */
    private static String places(Condition.Key key, Condition.PlaceTest t) {
        String helper = key == Condition.Key.DESTINATION ? "destinationIn" : "recipientLocationIn";
        String any = t.places().stream().map(p -> helper + "(\"" + p + "\")").collect(Collectors.joining(" || "));
        if (t.in()) {
            return "(" + any + ")";
        }
        return key == Condition.Key.DESTINATION ? "!(" + any + ")" : "(recipient != null && !(" + any + "))";
    }

    private static String in(String property, List<String> ids) {
        if (ids.size() == 1) {
            return property + " == \"" + ids.get(0) + "\"";
        }
        return property + " in (" + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", ")) + ")";
    }
}
