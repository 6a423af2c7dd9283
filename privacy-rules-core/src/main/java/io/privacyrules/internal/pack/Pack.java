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
        Dpv dpv,
        Territory territory,
        Transfers transfers,
        Objections objections,
        ConsentKinds consentKinds,
        Changes changes) {

    /** An action of {@code actions}; {@code requiresRecipient} when a request for it must name a recipient. */
    public record ActionDef(String id, String description, boolean requiresRecipient) {
    }

    /** A data category of {@code categories}, with the clause that declares it. */
    public record CategoryDef(String id, String clause, String description, boolean sensitive) {
    }

    /** A recipient of {@code recipients}; {@code location} is its ISO 3166 code or a region of the pack. */
    public record RecipientDef(String id, String clause, String description, String location) {
    }

    /**
     * @param data           the categories the purpose may process, or null for any category
     * @param directMarketing the purpose is direct marketing, so an objection to direct marketing covers it
     */
    public record PurposeDef(String id, String clause, String description, String basis, Set<String> actions,
                             Set<String> data, List<Condition> requires, Location at, boolean directMarketing) {
        public boolean allows(String category) {
            return data == null || data.contains(category);
        }
    }

    /**
     * Who is a child. A subject whose age is known and below the threshold of their country of
     * residence ({@code byCountry}, else {@code under}) is a child; below {@code minimumAge} (when
     * set) a service is refused whatever the consent.
     *
     * @param under         the default threshold, in years
     * @param clause        where the policy says so
     * @param byCountry     thresholds by ISO 3166 country of residence (GDPR Art. 8(1) member-state ages)
     * @param byCountryClause the clause of the thresholds by country, or null
     * @param minimumAge    the age below which a subject may not use the service at all, or null
     * @param minimumClause where the policy says so, or null
     */
    public record ChildRule(int under, String clause, Map<String, Integer> byCountry, String byCountryClause,
                            Integer minimumAge, String minimumClause) {
        public ChildRule(int under, String clause) {
            this(under, clause, Map.of(), null, null, null);
        }

        /** The threshold for a subject living in {@code country} (null or unlisted: the default). */
        public int underFor(String country) {
            if (country == null || byCountry.isEmpty()) {
                return under;
            }
            return byCountry.getOrDefault(country, under);
        }
    }

    /**
     * Where the pack's law applies and which places it names. {@code jurisdiction} is a country or a
     * region; {@code regions} maps each region to its ISO 3166 countries, resolved once at load.
     */
    public record Territory(String jurisdiction, Map<String, Set<String>> regions, Map<String, String> descriptions,
                            Map<String, String> clauses) {
        /** The countries of a place: a region's members, or the country itself. */
        public Set<String> countries(String place) {
            Set<String> r = regions.get(place);
            return r != null ? r : Set.of(place);
        }

        /** True when every country of {@code place} lies in {@code region} (a region or a country). */
        public boolean within(String place, String region) {
            if (place == null) {
                return false;
            }
            Set<String> outer = regions.get(region);
            Set<String> inner = regions.get(place);
            if (outer == null) {
                return inner == null ? place.equals(region) : inner.size() == 1 && inner.contains(region);
            }
            return inner == null ? outer.contains(place) : !inner.isEmpty() && outer.containsAll(inner);
        }

        /** True when {@code place} lies in the jurisdiction. */
        public boolean home(String place) {
            return within(place, jurisdiction);
        }

        /** True when {@code id} names a region (not a country). */
        public boolean isRegion(String id) {
            return regions.containsKey(id);
        }
    }

    /**
     * A transfer mechanism: what lets data leave the jurisdiction. It covers a transfer when every
     * condition it has holds: the places outside the jurisdiction lie in {@code to}; the recipient is
     * one of {@code recipients}; a consent of at least {@code consentKind} covers the request and
     * names the recipient or the action; and, when {@code claimed}, the request names it.
     *
     * @param to          the countries it covers, or null for anywhere
     * @param toPlaces    the countries and regions as written
     * @param recipients  the recipients it covers, or null for any
     * @param consentKind the kind of consent that makes it hold, or null
     * @param claimed     it holds only when the request names it in {@code transferMechanism}
     * @param since       for documentation: the day it took effect, by place
     */
    public record Mechanism(String id, String clause, String description, Set<String> to, List<String> toPlaces,
                            Set<String> recipients, String consentKind, boolean claimed,
                            Map<String, java.time.LocalDate> since) {
    }

    /**
     * What the policy says a material change is ({@code changes:}): its update clause, the kinds
     * of change that are major (purposes, categories, use, controller, recipients, rights,
     * contact), each with the clause that says so, and whether a change that reduces a right needs
     * the subject's consent. Null when the pack declares none. Changes no decision.
     */
    public record Changes(String clause, Map<String, String> major, boolean consentForReducedRights) {
    }

    /** A consent kind of {@code consentKinds}. */
    public record ConsentKindDef(String id, String clause, String description) {
    }

    /**
     * The consent kinds a pack declares, weakest first: a consent of a kind satisfies a condition
     * asking for that kind or any weaker one. A consent that names no kind is of {@code defaultKind}.
     * A pack that declares none has one unnamed kind: no consent or condition may name a kind.
     */
    public record ConsentKinds(Map<String, ConsentKindDef> kinds, String defaultKind, Map<String, Integer> ranks) {
        public static final ConsentKinds NONE = new ConsentKinds(Map.of(), null);

        /** The kinds, weakest first, with their ranks worked out once. */
        public ConsentKinds(Map<String, ConsentKindDef> kinds, String defaultKind) {
            this(kinds, defaultKind, ranksOf(kinds));
        }

        private static Map<String, Integer> ranksOf(Map<String, ConsentKindDef> kinds) {
            Map<String, Integer> out = new java.util.HashMap<>();
            int i = 0;
            for (String k : kinds.keySet()) {
                out.put(k, i++);
            }
            return Map.copyOf(out);
        }

        /** The strength of {@code kind}: its position, weakest 0; null is the default kind; -1 when unknown. */
        public int rank(String kind) {
            if (kind == null) {
                kind = defaultKind;
                if (kind == null) {
                    return 0;
                }
            }
            Integer r = ranks.get(kind);
            return r == null ? -1 : r;
        }

        /** The kind ids, weakest first. */
        public List<String> ids() {
            return List.copyOf(kinds.keySet());
        }

        /** The strongest kind, or null when none is declared. */
        public String strongest() {
            String last = null;
            for (String k : kinds.keySet()) {
                last = k;
            }
            return last;
        }

        /** The weakest kind, or null when none is declared. */
        public String weakest() {
            return kinds.isEmpty() ? null : kinds.keySet().iterator().next();
        }
    }

    /** The transfer mechanisms of {@code transfers}, in the pack's order. */
    public record Transfers(Map<String, Mechanism> mechanisms) {
        public static final Transfers NONE = new Transfers(Map.of());
    }

    /**
     * What a subject may object to besides a single purpose: kinds of objection, each with its
     * clause ({@code direct-marketing} covering every purpose marked {@code directMarketing}).
     */
    public record Objections(Map<String, ObjectionKind> kinds) {
        public static final Objections NONE = new Objections(Map.of());

        /** True when an objection to {@code id} (a purpose or a kind) covers purpose {@code purpose}. */
        public boolean covers(String id, PurposeDef purpose) {
            if (id.equals(purpose.id())) {
                return true;
            }
            ObjectionKind k = kinds.get(id);
            return k != null && (k.purposes().contains(purpose.id()) || k.directMarketing() && purpose.directMarketing());
        }
    }

    /**
     * A kind of objection: {@code purposes} it covers (besides every purpose marked
     * {@code directMarketing}, when {@code directMarketing} is true).
     */
    public record ObjectionKind(String id, String clause, String description, Set<String> purposes,
                                boolean directMarketing) {
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
                           List<String> obligations, Extension extension) {
    }

    /**
     * An extension of a right's deadline the host may claim: {@code within} more (in the same
     * count as the right's deadline), citing {@code clause}, with {@code obligations} (such as
     * telling the subject within the first period).
     *
     * @param refusals whether a refusal is extended too; false keeps a refusal to the first period
     *                 (GDPR Art. 12(4): the subject is told of a refusal within one month of receipt)
     */
    public record Extension(java.time.Period within, String clause, List<String> obligations, boolean refusals) {
    }

    /**
     * Section V: the rights, the grounds to refuse outright (each with its clause), the grounds
     * that make a request unreasonable, and the grounds for erasure (each with its clause).
     * Empty maps when the pack declares no rights.
     */
    public record Rights(WorkingCalendar calendar, Map<String, RightDef> requests, Map<String, String> refusalGrounds,
                         String unreasonableClause, Set<String> unreasonableGrounds, Map<String, String> erasureGrounds,
                         boolean rollToWorkingDay, List<String> refusalObligations) {
        public static final Rights NONE = new Rights(null, Map.of(), Map.of(), null, Set.of(), Map.of(), false, List.of());

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

    /**
     * An event a retention period may run from ({@code collected}, {@code account-closed},
     * {@code contract-ended}, ...), declared by the pack. A query gives the day it happened under
     * the event's id, or under its {@code key} (a name scenario and request files may use).
     */
    public record EventDef(String id, String clause, String description, String key) {
    }

    /**
     * A retention period: records of {@code data} (when given) serving one of {@code purposes}
     * (when given, while that purpose is unfulfilled) are kept until {@code period} after the first
     * of the {@code after} events to happen, or with no end while none has. A zero period keeps them
     * until the event's day.
     */
    public record RetentionPeriod(String id, String clause, Set<String> data, Set<String> purposes, List<String> after,
                                  java.time.Period period) {
    }

    /** The retention data: the events periods run from, and the periods, in the pack's order. */
    public record Retention(Map<String, EventDef> events, List<RetentionPeriod> periods) {
        public static final Retention NONE = new Retention(Map.of(), List.of());

        /** The event a query key names: an event id, or the {@code key} an event declares; null when none. */
        public String eventOf(String key) {
            if (events.containsKey(key)) {
                return key;
            }
            for (EventDef e : events.values()) {
                if (key.equals(e.key())) {
                    return e.id();
                }
            }
            return null;
        }

        /** The purposes some period names. */
        public Set<String> periodPurposes() {
            Set<String> out = new java.util.LinkedHashSet<>();
            periods.forEach(p -> out.addAll(p.purposes()));
            return out;
        }
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
