package io.privacyrules.internal.tools;

import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage of one pack by its scenarios.
 *
 * @param scenarios     how many scenarios ran
 * @param packMinimum   the pack's {@code coverage.minimum}, or null
 */
public record CoverageReport(PolicyInfo policy, int scenarios, List<Item> clauses, List<Item> rules, Integer packMinimum) {

    /**
     * One clause or rule.
     *
     * @param id       the clause reference or the rule id
     * @param detail   the clause's heading, or the rule's clause
     * @param effect   {@code clause}, or the rule's effect (permit, deny, oblige, drl)
     * @param at       where the rule is written; null for a clause
     * @param fired    in how many scenarios it fired
     * @param notFired in how many scenarios of its kind it was considered and did not fire
     */
    public record Item(String id, String detail, String effect, Location at, int fired, int notFired) {
        public boolean covered() {
            return fired > 0 && notFired > 0;
        }

        /** What is missing: {@code never fired}, {@code never seen not firing}, or both. */
        public String missing() {
            if (fired == 0 && notFired == 0) {
                return "never exercised";
            }
            return fired == 0 ? "never fired" : notFired == 0 ? "never seen not firing" : "";
        }
    }

    public CoverageReport {
        clauses = List.copyOf(clauses);
        rules = List.copyOf(rules);
    }

    public double clausePercent() {
        return percent(clauses);
    }

    public double rulePercent() {
        return percent(rules);
    }

    private static double percent(List<Item> items) {
        return items.isEmpty() ? 100.0 : 100.0 * items.stream().filter(Item::covered).count() / items.size();
    }

    /** A percentage with one decimal, rounded down so that it never shows more than was reached. */
    public static String show(double percent) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", Math.floor(percent * 10 + 1e-9) / 10);
    }

    /** True when both clause and rule coverage reach {@code minimum} percent. */
    public boolean meets(double minimum) {
        return clausePercent() + 1e-9 >= minimum && rulePercent() + 1e-9 >= minimum;
    }

    public List<Item> uncoveredClauses() {
        return clauses.stream().filter(i -> !i.covered()).toList();
    }

    public List<Item> uncoveredRules() {
        return rules.stream().filter(i -> !i.covered()).toList();
    }

    private static long covered(List<Item> items) {
        return items.stream().filter(Item::covered).count();
    }

    /** {@code clauses 97.9% (46 of 47), rules 100.0% (63 of 63)}. */
    public String summary() {
        return "clauses " + show(clausePercent()) + " (" + covered(clauses) + " of " + clauses.size() + "), rules "
                + show(rulePercent()) + " (" + covered(rules) + " of " + rules.size() + ")";
    }

    /** The lines {@code check --coverage} prints: the uncovered clauses and rules, then the summary. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Item i : uncoveredClauses()) {
            out.add("UNCOVERED clause " + i.id() + " (" + i.detail() + "): " + i.missing() + " (fired in " + i.fired()
                    + ", not fired in " + i.notFired() + " scenarios)");
        }
        for (Item i : uncoveredRules()) {
            out.add("UNCOVERED rule " + i.id() + " (" + i.detail() + ") " + LoadedPack.at(i.at()) + ": " + i.missing()
                    + " (fired in " + i.fired() + ", not fired in " + i.notFired() + " scenarios)");
        }
        out.add("coverage: " + summary() + " over " + scenarios + " scenarios");
        return out;
    }

    /** The report as JSON-ready maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy.id());
        m.put("policyVersion", policy.version());
        m.put("scenarios", scenarios);
        m.put("clausePercent", clausePercent());
        m.put("rulePercent", rulePercent());
        m.put("minimum", packMinimum);
        m.put("clauses", clauses.stream().map(CoverageReport::item).toList());
        m.put("rules", rules.stream().map(CoverageReport::item).toList());
        return m;
    }

    private static Map<String, Object> item(Item i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put(i.at() == null ? "heading" : "clause", i.detail());
        m.put("effect", i.effect());
        if (i.at() != null) {
            m.put("file", i.at().file());
            m.put("line", i.at().line());
        }
        m.put("fired", i.fired());
        m.put("notFired", i.notFired());
        m.put("covered", i.covered());
        return m;
    }
}
