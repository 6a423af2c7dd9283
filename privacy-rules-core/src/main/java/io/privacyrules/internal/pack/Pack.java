package io.privacyrules.internal.pack;

import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.yaml.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated rule pack: the vocabulary and the rules declared in {@code policy.yaml}, plus the
 * pack's DRL sources. Immutable once built by {@link PackLoader}.
 */
public record Pack(
        PolicyInfo info,
        java.time.ZoneId timeZone,
        Map<String, String> clauses,
        Map<String, ActionDef> actions,
        Map<String, String> bases,
        Map<String, CategoryDef> categories,
        Map<String, RecipientDef> recipients,
        Map<String, PurposeDef> purposes,
        Map<String, Obligation> obligations,
        ChildRule children,
        Defaults defaults,
        List<RuleDef> rules,
        List<DrlSource> drl,
        Rights rights,
        Retention retention,
        Authoring authoring,
        Dpv dpv) {

    /** An action of {@code actions}; {@code requiresRecipient} when a request for it must name a recipient. */
    public record ActionDef(String id, String description, boolean requiresRecipient) {
    }

    /** A data category of {@code categories}, with the clause that declares it. */
    public record CategoryDef(String id, String clause, String description, boolean sensitive) {
    }

    /** A recipient of {@code recipients}; {@code location} is its ISO 3166 code. */
    public record RecipientDef(String id, String clause, String description, String location) {
    }

    /**
     * @param data the categories the purpose may process, or null for any category
     */
    public record PurposeDef(String id, String clause, String description, String basis, Set<String> actions,
                             Set<String> data, List<Condition> requires, Location at) {
        public boolean allows(String category) {
            return data == null || data.contains(category);
        }
    }

    /** Subjects under {@code under} years are children; clause is where the policy says so. */
    public record ChildRule(int under, String clause) {
    }

    /** The reason given when nothing permits a request, and the clause cited for invalid requests. */
    public record Defaults(String denyClause, String denyCode, String denyMessage, String invalidClause) {
    }

    /** What a YAML rule says when it applies. */
    public enum Effect {
        PERMIT, DENY, OBLIGE
    }

    /**
     * A rule written in YAML (or generated from a purpose). {@code when} and {@code unless} are
     * lists of alternatives: the rule applies when any {@code when} alternative holds and no
     * {@code unless} alternative does. An empty {@code when} always holds.
     */
    public record RuleDef(String id, String clause, Effect effect, String code, String message,
                          List<Condition> when, List<Condition> unless, List<String> obligations, Location at) {
    }

    /**
     * A right a subject may exercise.
     *
     * @param within      the time to respond, after receipt; null when the pack sets none (a law that
     *                    says only "in a timely manner")
     * @param workingDays true when {@code within} counts working days of the rights calendar
     */
    public record RightDef(String id, String clause, java.time.Period within, boolean workingDays,
                           List<String> obligations) {
    }

    /**
     * Section V: the rights, the grounds to refuse outright (each with its clause), the grounds
     * that make a request unreasonable, and the grounds for erasure (each with its clause).
     * Empty maps when the pack declares no rights.
     */
    public record Rights(WorkingCalendar calendar, Map<String, RightDef> requests, Map<String, String> refusalGrounds,
                         String unreasonableClause, Set<String> unreasonableGrounds, Map<String, String> erasureGrounds) {
        public static final Rights NONE = new Rights(null, Map.of(), Map.of(), null, Set.of(), Map.of());

        /** The clause of any ground, or null. */
        public String clauseOf(String ground) {
            String c = refusalGrounds.get(ground);
            if (c == null) {
                c = erasureGrounds.get(ground);
            }
            if (c == null && unreasonableGrounds.contains(ground)) {
                c = unreasonableClause;
            }
            return c;
        }
    }

    /** A statutory retention period: records of {@code data} are kept {@code period} after the event {@code after}. */
    public record StatutoryPeriod(String id, String clause, Set<String> data, String after, java.time.Period period) {
    }

    /** The retention data: statutory periods, and purposes that last until the end of a vehicle's service life. */
    public record Retention(List<StatutoryPeriod> statutory, String serviceLifeClause, Set<String> serviceLifePurposes) {
        public static final Retention NONE = new Retention(List.of(), null, Set.of());
    }

    /** A DRL file of the pack, as written. */
    public record DrlSource(String file, String text) {
    }

    /**
     * What the pack says about itself for the authoring tools (lint, coverage, diff); none of it
     * changes a decision.
     *
     * @param implementsClauses the clauses the pack declares it implements ({@code implements:}), in order
     * @param acknowledged      lint findings the authors acknowledged, each with a reason ({@code lint:})
     * @param coverageMinimum   the least clause and rule coverage, in percent, or null ({@code coverage:})
     * @param controller        who runs the processing ({@code controller:}), or null
     */
    public record Authoring(List<String> implementsClauses, List<Acknowledgement> acknowledged,
                            Integer coverageMinimum, Controller controller) {
        public static final Authoring NONE = new Authoring(List.of(), List.of(), null, null);
    }

    /** A lint finding {@code code} about {@code about} (an id or a clause) that stays visible but does not fail. */
    public record Acknowledgement(String code, String about, String reason, Location at) {
    }

    /** The operator (ownership, VIII.2), its department responsible for personal information and contact (VIII.5). */
    public record Controller(String name, String department, String contact) {
    }

    /**
     * The W3C Data Privacy Vocabulary terms the pack maps its declarations to ({@code dpv:} of an
     * action, basis, category, recipient, purpose, obligation or right), each map from id to term
     * in the pack's order. Only declarations with a {@code dpv:} are present. None of it changes a
     * decision.
     */
    public record Dpv(Map<String, String> actions, Map<String, String> bases, Map<String, String> categories,
                      Map<String, String> recipients, Map<String, String> purposes, Map<String, String> obligations,
                      Map<String, String> rights) {
        public static final Dpv NONE = new Dpv(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        /** The sections that may carry a term, as named in policy.yaml (rights: {@code rights.requests}). */
        public static final List<String> SECTIONS = List.of("actions", "bases", "categories", "recipients", "purposes",
                "obligations", "rights");

        /** From the loader's section → (id → term) maps, keeping their order. */
        public static Dpv of(Map<String, Map<String, String>> bySection) {
            java.util.function.Function<String, Map<String, String>> get = s -> java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(bySection.getOrDefault(s, Map.of())));
            return new Dpv(get.apply("actions"), get.apply("bases"), get.apply("categories"), get.apply("recipients"),
                    get.apply("purposes"), get.apply("obligations"), get.apply("rights"));
        }

        /** The map of one of {@link #SECTIONS}. */
        public Map<String, String> section(String section) {
            return switch (section) {
                case "actions" -> actions;
                case "bases" -> bases;
                case "categories" -> categories;
                case "recipients" -> recipients;
                case "purposes" -> purposes;
                case "obligations" -> obligations;
                case "rights" -> rights;
                default -> throw new IllegalArgumentException("no DPV terms in section " + section);
            };
        }

        /** The term of {@code id} in {@code section}, or null (also for a null id). */
        public String term(String section, String id) {
            return id == null ? null : section(section).get(id);
        }

        public boolean isEmpty() {
            return SECTIONS.stream().allMatch(s -> section(s).isEmpty());
        }
    }
}
