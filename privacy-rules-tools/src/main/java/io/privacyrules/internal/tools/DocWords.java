package io.privacyrules.internal.tools;

import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.yaml.Node;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The words of a pack's document: conditions, periods, deadlines and lists as a person reads them.
 */
final class DocWords {
    private DocWords() {
    }

    /** Alternatives joined by "or", each a conjunction of its tests in words. */
    static String conditions(List<Condition> alternatives) {
        return alternatives.stream().map(DocWords::condition).collect(Collectors.joining("; or "));
    }

    static String condition(Condition condition) {
        if (condition.tests().isEmpty()) {
            return "always";
        }
        List<String> parts = new ArrayList<>();
        condition.tests().forEach((key, value) -> parts.add(test(key, value)));
        return String.join(" and ", parts);
    }

    static String test(Condition.Key key, Object value) {
        String v = value instanceof Collection<?> list ? oneOf(list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        boolean yes = Boolean.TRUE.equals(value);
        return switch (key) {
            case ACTION -> "the action is " + v;
            case PURPOSE -> "the purpose is " + v;
            case PURPOSE_BASIS -> "the purpose's basis is " + v;
            case RECIPIENT -> "the recipient is " + v;
            case DATA_OF -> "every category is one of the data of " + v;
            case DATA_DECLARED_FOR_PURPOSE -> yes ? "every category is declared for the purpose"
                    : "some category is not declared for the purpose";
            case SENSITIVE_DATA -> yes ? "some category is sensitive" : "no category is sensitive";
            case ABROAD -> yes ? "the data goes abroad" : "the data stays in the jurisdiction";
            case ANONYMIZED -> yes ? "the data is anonymized" : "the data is not anonymized";
            case AGGREGATED -> yes ? "the data is aggregated" : "the data is not aggregated";
            case REQUIRED_BY_LAW -> yes ? "a law requires it" : "no law requires it";
            case PROTECTS_CHILD -> yes ? "it protects a child" : "it does not protect a child";
            case CHILD -> yes ? "the subject is a child" : "the subject is not a child";
            case GUARDIAN_CONSENT -> yes ? "a guardian consented" : "no guardian consented";
            case GUARDIAN_CONSENT_KIND -> "a guardian gave " + an(v) + " consent";
            case DESTINATION -> "the destination is " + places((Condition.PlaceTest) value);
            case RECIPIENT_LOCATION -> "the recipient is located " + places((Condition.PlaceTest) value);
            case TRANSFER_COVERED -> yes ? "the data stays in the jurisdiction or a transfer mechanism covers it"
                    : "the data leaves the jurisdiction and no transfer mechanism covers it";
            case TRANSFER_MECHANISM -> "the transfer is covered by " + v;
            case OBJECTED -> yes ? "the subject objected to the purpose" : "the subject did not object to the purpose";
            case RESTRICTED -> yes ? "processing is restricted" : "processing is not restricted";
            case BELOW_MINIMUM_AGE -> yes ? "the subject is below the minimum age" : "the subject is not below the minimum age";
            case CONSENT -> value instanceof Condition.ConsentTest ct ? consentInWords(ct) : "consent: " + v;
            default -> key.yaml + " is " + v;
        };
    }

    static String consentInWords(Condition.ConsentTest ct) {
        String a = ct.qualified() ? an(ct.kind()) + " consent" : "a consent";
        return switch (ct.base()) {
            case COVERING -> a + " covers it";
            case NAMING_PURPOSE -> a + " names the purpose";
            case NAMING_RECIPIENT -> a + " names the recipient";
            case NAMING_ACTION -> a + " names the action";
            default -> ct.qualified() ? "no " + ct.kind() + " consent covers it" : "no consent covers it";
        };
    }

    /** "a separate", "an explicit". */
    static String an(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    static String places(Condition.PlaceTest t) {
        return (t.in() ? "in " : "not in ") + oneOf(t.places());
    }

    /** "a", "a or b", "one of a, b, c". */
    static String oneOf(List<String> values) {
        return values.size() <= 2 ? String.join(" or ", values) : "one of " + String.join(", ", values);
    }

    /** A right's time to respond: "30 working days", "30 calendar days", "1 month". */
    static String deadline(Pack.RightDef r) {
        Period p = r.within();
        if (r.workingDays()) {
            return workingDays(p);
        }
        return p.getYears() == 0 && p.getMonths() == 0 ? count(p.getDays(), "calendar day") : period(p);
    }

    /** {@code P15D} counted in working days: "15 working days". */
    static String workingDays(Period p) {
        return count(p.getDays(), "working day");
    }

    static String count(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** {@code P30D} as "30 days", {@code P3Y} as "3 years", {@code P1Y6M} as "1 year 6 months". */
    static String period(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() != 0) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" ", parts);
    }

    static String noun(String section) {
        return switch (section) {
            case "actions" -> "action";
            case "bases" -> "legal basis";
            case "categories" -> "data category";
            case "recipients" -> "recipient";
            case "purposes" -> "purpose";
            case "obligations" -> "obligation";
            default -> "right";
        };
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Ends a description with a full stop unless it has one. */
    static String sentence(String s) {
        String x = s.strip();
        return x.endsWith(".") || x.endsWith("!") || x.endsWith("?") ? x : x + ".";
    }

    static List<String> keysWith(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> value.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** The members of an unordered set in the order of the pack's declarations. */
    static List<String> inPackOrder(Set<String> members, Collection<String> declared) {
        List<String> out = declared.stream().filter(members::contains).collect(Collectors.toCollection(ArrayList::new));
        members.stream().filter(m -> !out.contains(m)).sorted().forEach(out::add);
        return out;
    }

    static String scalar(Node n) {
        return n instanceof Node.ScalarNode s && s.value() != null ? String.valueOf(s.value()) : null;
    }

    static List<String> rawItems(Node n) {
        if (n == null) {
            return List.of();
        }
        List<Node> items = n instanceof Node.ListNode l ? l.items() : List.of(n);
        return items.stream().map(DocWords::scalar).filter(java.util.Objects::nonNull).toList();
    }

    /** A clause as an HTML id: III.2(1)(a) becomes III-2-1-a. */
    static String slug(String clause) {
        return Arrays.stream(clause.split("[^A-Za-z0-9]+")).filter(s -> !s.isEmpty()).collect(Collectors.joining("-"));
    }
}
