package io.privacyrules.internal.tools;

import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of a pack's DRL files as text: where each starts, which fact it matches (so that
 * coverage counts it only against scenarios of that kind) and the string literals it uses (so that
 * lint sees the ids it names). DRL is not analysed beyond that.
 */
final class DrlIndex {
    private static final Pattern RULE_LINE = Pattern.compile("^[ \\t]*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))", Pattern.MULTILINE);
    private static final Pattern FACT = Pattern.compile("\\b(Request|Rights|Retention)\\s*\\(");
    private static final Pattern THEN = Pattern.compile("^[ \\t]*then\\b", Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^[ \\t]*end\\b", Pattern.MULTILINE);
    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\\\n]*)\"");

    /**
     * One DRL rule.
     *
     * @param kind     the scenario kind it decides: request, rightsRequest or retention; null when unknown
     * @param text     the rule's text from {@code rule} to {@code end}, comments removed
     * @param literals the string literals in it
     */
    record DrlRule(String name, Location at, String kind, String text, Set<String> literals) {
    }

    private final Map<String, DrlRule> rules = new LinkedHashMap<>();

    DrlIndex(List<Pack.DrlSource> sources) {
        for (Pack.DrlSource source : sources) {
            String code = io.privacyrules.internal.Authoring.withoutComments(source.text());
            Matcher m = RULE_LINE.matcher(code);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[] {m.start(), m.end()});
                names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[0];
                int limit = i + 1 < starts.size() ? starts.get(i + 1)[0] : code.length();
                String block = code.substring(from, limit);
                Matcher end = END.matcher(block);
                if (end.find()) {
                    block = block.substring(0, end.end());
                }
                Matcher then = THEN.matcher(block);
                String lhs = then.find() ? block.substring(0, then.start()) : block;
                Matcher fact = FACT.matcher(lhs);
                String kind = null;
                if (fact.find()) {
                    kind = switch (fact.group(1)) {
                        case "Request" -> "request";
                        case "Rights" -> "rightsRequest";
                        default -> "retention";
                    };
                }
                Set<String> literals = new LinkedHashSet<>();
                Matcher lit = LITERAL.matcher(block);
                while (lit.find()) {
                    literals.add(lit.group(1));
                }
                int pos = code.indexOf("rule", from);
                int line = 1 + (int) code.substring(0, pos).chars().filter(c -> c == '\n').count();
                int column = pos - code.lastIndexOf('\n', pos - 1);
                rules.putIfAbsent(names.get(i), new DrlRule(names.get(i), new Location(source.file(), line, Math.max(1, column)),
                        kind, block.strip(), Set.copyOf(literals)));
            }
        }
    }

    /** The rule with this DRL name, or null. */
    DrlRule rule(String name) {
        return rules.get(name);
    }

    Map<String, DrlRule> rules() {
        return rules;
    }

    /** True when some DRL rule names {@code id} as a string literal. */
    boolean names(String id) {
        return rules.values().stream().anyMatch(r -> r.literals().contains(id));
    }
}
