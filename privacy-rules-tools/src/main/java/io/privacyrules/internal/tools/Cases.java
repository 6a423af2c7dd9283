package io.privacyrules.internal.tools;

import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cases a YAML rule covers, worked out from its conditions and the pack's declarations, without
 * running the engine. A rule's {@code when} and {@code unless} are small conjunctions of tests over
 * enumerable vocabularies (actions, purposes, recipients, consent states, flags), so a rule is a
 * disjunction of {@link Cube}s, the negation of a rule is again one, and whether a cube holds for
 * some request is decided by trying the few actions, purposes and recipients it allows.
 *
 * <p>What ties the tests to the declarations: a purpose has one basis and its own data; an action
 * that requires a recipient has one; a consent that names a recipient covers only a request to it;
 * a covering consent names at least one of purpose, recipient and action; {@code abroad} is false
 * only when the recipient (if any) is located in the jurisdiction; the data tests
 * ({@code dataDeclaredForPurpose}, {@code dataOf}, {@code sensitiveData}) hold for some non-empty
 * set of declared categories. Everything else ({@code destination}, ages, the flags of the request)
 * is free. DRL rules are opaque here.
 */
final class Cases {
    /**
     * Consent states: bits 0 to 2 of a state say which of purpose (1), recipient (2) and action (4)
     * the covering consents name (0: none covers); bit 3 says they are all of a stronger kind than
     * the pack's default. Kinds are analysed as two levels (the default, and any kind a condition
     * asks for), and a mix of kinds naming different fields is not modelled: a rule whose
     * conditions tell such mixes apart is analysed as if every consent had one kind.
     */
    private static final int ALL_STATES = 0xFFFF;
    private static final int NAMING_PURPOSE = both(0b10101010);
    private static final int NAMING_RECIPIENT = both(0b11001100);
    private static final int NAMING_ACTION = both(0b11110000);
    private static final int NO_CONSENT = both(0b00000001);
    private static final int STRONGER = 0xFF00;
    /** The recipient of a request that names none. */
    static final String NO_RECIPIENT = "";

    /** One test of a condition, or its negation. */
    record Lit(Condition.Key key, Object value, boolean positive) {
        Lit neg() {
            return new Lit(key, value, !positive);
        }

        /** The test as written in YAML, negated with "not". */
        @Override
        public String toString() {
            if (key == Condition.Key.GUARDIAN_CONSENT_KIND) {
                return (positive ? "" : "not ") + "guardianConsent: " + value;
            }
            return (positive ? "" : "not ") + key.yaml + ": " + show(value);
        }

        private static String show(Object v) {
            if (v instanceof List<?> l) {
                return l.size() == 1 ? String.valueOf(l.get(0)) : l.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
            }
            if (v instanceof Condition.ConsentTest t) {
                return t.show();
            }
            return String.valueOf(v);
        }
    }

    /** A conjunction of tests. */
    record Cube(List<Lit> lits) {
        static final Cube TRUE = new Cube(List.of());

        Cube and(Cube other) {
            List<Lit> all = new ArrayList<>(lits);
            for (Lit l : other.lits) {
                if (!all.contains(l)) {
                    all.add(l);
                }
            }
            return new Cube(List.copyOf(all));
        }

        Cube and(Lit lit) {
            return and(new Cube(List.of(lit)));
        }

        static Cube of(Condition c) {
            List<Lit> lits = new ArrayList<>();
            c.tests().forEach((k, v) -> lits.add(new Lit(k, v, true)));
            return new Cube(List.copyOf(lits));
        }

        @Override
        public String toString() {
            return lits.stream().map(Lit::toString).collect(Collectors.joining(", ", "{", "}"));
        }
    }

    /**
     * A request the cube holds for, described by ids only.
     *
     * @param recipient the recipient, or {@link #NO_RECIPIENT}
     * @param consent   the consent state: 0 none, else a covering consent naming purpose (1), recipient (2), action (4)
     * @param data      categories that satisfy the data tests
     */
    record Witness(String action, String purpose, String recipient, Map<Condition.Key, Boolean> flags, int consent,
                   Set<String> data) {
        /** For example {@code share of [identity.name] for customer-service to payment-processor, with a consent naming the recipient}. */
        String describe() {
            StringBuilder s = new StringBuilder(action).append(" for ").append(purpose);
            if (!recipient.isEmpty()) {
                s.append(" to ").append(recipient);
            }
            List<String> with = new ArrayList<>();
            flags.forEach((k, v) -> {
                if (k == Condition.Key.GUARDIAN_CONSENT_KIND) {
                    with.add(v ? "a guardian's consent of the kind asked" : "no guardian consent of the kind asked");
                } else if (k != Condition.Key.DATA_DECLARED_FOR_PURPOSE && k != Condition.Key.SENSITIVE_DATA) {
                    with.add(k.yaml + ": " + v);
                }
            });
            if ((consent & 7) == 0) {
                with.add("no covering consent");
            } else {
                List<String> names = new ArrayList<>();
                if ((consent & 1) != 0) {
                    names.add("purpose");
                }
                if ((consent & 2) != 0) {
                    names.add("recipient");
                }
                if ((consent & 4) != 0) {
                    names.add("action");
                }
                with.add(((consent & 8) != 0 ? "a consent of the stronger kind naming the " : "a consent naming the ")
                        + String.join(" and ", names));
            }
            return s.append(" (").append(String.join(", ", with)).append(")").toString();
        }
    }

    private final Pack pack;
    private final List<String> recipients;
    private final Set<String> categories;
    private final Set<String> sensitive;

    Cases(Pack pack) {
        this.pack = pack;
        List<String> r = new ArrayList<>(pack.recipients().keySet());
        r.add(NO_RECIPIENT);
        this.recipients = List.copyOf(r);
        this.categories = pack.categories().keySet();
        this.sensitive = pack.categories().values().stream().filter(Pack.CategoryDef::sensitive)
                .map(Pack.CategoryDef::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    // ---- rules as disjunctions of cubes ------------------------------------------------------

    /** The cases a YAML rule applies to: any when alternative, and no unless alternative. */
    List<Cube> cubes(Pack.RuleDef rule) {
        List<Cube> out = new ArrayList<>();
        if (rule.when().isEmpty()) {
            out.add(Cube.TRUE);
        } else {
            for (Condition c : rule.when()) {
                out.add(Cube.of(c));
            }
        }
        for (Condition u : rule.unless()) {
            out = and(out, not(List.of(Cube.of(u))));
        }
        return prune(out);
    }

    /** The cases none of {@code dnf} covers. */
    List<Cube> not(List<Cube> dnf) {
        List<Cube> out = new ArrayList<>(List.of(Cube.TRUE));
        for (Cube c : dnf) {
            List<Cube> next = new ArrayList<>();
            for (Cube r : out) {
                for (Lit l : c.lits()) {
                    Cube n = r.and(l.neg());
                    if (witness(n) != null) {
                        next.add(n);
                    }
                }
            }
            out = absorb(next);
            if (out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /**
     * The same disjunction without cubes another one already covers: a cube whose tests include
     * all of another's holds only where that one does. Keeps the negation of a rule with many
     * alternatives from growing exponentially with repeats.
     */
    static List<Cube> absorb(List<Cube> dnf) {
        List<java.util.Set<Lit>> sets = dnf.stream().map(c -> (java.util.Set<Lit>) new java.util.HashSet<>(c.lits())).toList();
        List<Cube> out = new ArrayList<>();
        for (int i = 0; i < dnf.size(); i++) {
            boolean covered = false;
            for (int j = 0; j < dnf.size() && !covered; j++) {
                if (i != j && sets.get(i).containsAll(sets.get(j))
                        && (!sets.get(j).containsAll(sets.get(i)) || j < i)) {
                    covered = true;
                }
            }
            if (!covered) {
                out.add(dnf.get(i));
            }
        }
        return out;
    }

    /** The cases both cover. */
    List<Cube> and(List<Cube> a, List<Cube> b) {
        List<Cube> out = new ArrayList<>();
        for (Cube x : a) {
            for (Cube y : b) {
                Cube n = x.and(y);
                if (witness(n) != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private List<Cube> prune(List<Cube> dnf) {
        return dnf.stream().filter(c -> witness(c) != null).toList();
    }

    /** A request some cube of {@code dnf} holds for, or null when there is none. */
    Witness witness(List<Cube> dnf) {
        for (Cube c : dnf) {
            Witness w = witness(c);
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    /** A request the cube holds for, or null when its tests contradict each other or the declarations. */
    @SuppressWarnings("unchecked")
    Witness witness(Cube cube) {
        Set<String> actions = new LinkedHashSet<>(pack.actions().keySet());
        Set<String> purposes = new LinkedHashSet<>(pack.purposes().keySet());
        Set<String> bases = new LinkedHashSet<>(pack.bases().keySet());
        Set<String> recips = new LinkedHashSet<>(recipients);
        Map<Condition.Key, Boolean> flags = new EnumMap<>(Condition.Key.class);
        int consent = ALL_STATES;
        Set<String> within = new LinkedHashSet<>();
        Set<String> notWithin = new LinkedHashSet<>();
        // Tests of places and transfer mechanisms are free here: each distinct test is a flag of its own.
        Map<String, Boolean> opaque = new java.util.HashMap<>();
        for (Lit l : cube.lits()) {
            switch (l.key().kind) {
                case KIND -> {
                    // guardianConsent: <kind> is a flag of its own (kinds are not told apart here).
                    Boolean old = flags.put(Condition.Key.GUARDIAN_CONSENT_KIND, l.positive());
                    if (old != null && old != l.positive()) {
                        return null;
                    }
                }
                case PLACES, MECHANISMS -> {
                    Boolean old = opaque.put(l.key().yaml + ":" + l.value(), l.positive());
                    if (old != null && old != l.positive()) {
                        return null;
                    }
                }
                case ACTIONS, PURPOSES, BASES, RECIPIENTS -> {
                    Set<String> set = switch (l.key().kind) {
                        case ACTIONS -> actions;
                        case PURPOSES -> purposes;
                        case BASES -> bases;
                        default -> recips;
                    };
                    List<String> ids = (List<String>) l.value();
                    if (l.positive()) {
                        set.retainAll(ids);
                    } else {
                        ids.forEach(set::remove);
                    }
                    if (set.isEmpty()) {
                        return null;
                    }
                }
                case PURPOSE -> (l.positive() ? within : notWithin).add((String) l.value());
                case BOOLEAN -> {
                    boolean v = l.positive() == (Boolean) l.value();
                    Boolean old = flags.put(l.key(), v);
                    if (old != null && old != v) {
                        return null;
                    }
                }
                case CONSENT -> {
                    int mask = mask((Condition.ConsentTest) l.value());
                    consent &= l.positive() ? mask : ~mask & ALL_STATES;
                    if (consent == 0) {
                        return null;
                    }
                }
                default -> throw new IllegalStateException(l.key().toString());
            }
        }
        if (Boolean.TRUE.equals(flags.get(Condition.Key.GUARDIAN_CONSENT_KIND))
                && Boolean.FALSE.equals(flags.get(Condition.Key.GUARDIAN_CONSENT))) {
            return null; // a guardian consent of a kind is a guardian consent
        }
        Pack.Territory territory = pack.territory();
        for (String a : actions) {
            boolean needsRecipient = pack.actions().get(a).requiresRecipient();
            for (String p : purposes) {
                if (!bases.contains(pack.purposes().get(p).basis())) {
                    continue;
                }
                Set<String> data = data(p, flags, within, notWithin);
                if (data == null) {
                    continue;
                }
                for (String r : recips) {
                    boolean none = r.equals(NO_RECIPIENT);
                    if (none && needsRecipient) {
                        continue;
                    }
                    int states = none ? consent & ~NAMING_RECIPIENT : consent;
                    if (states == 0) {
                        continue;
                    }
                    if (Boolean.FALSE.equals(flags.get(Condition.Key.ABROAD)) && !none
                            && !territory.home(pack.recipients().get(r).location())) {
                        continue;
                    }
                    return new Witness(a, p, r, Map.copyOf(flags), Integer.numberOfTrailingZeros(states), data);
                }
            }
        }
        return null;
    }

    /**
     * The largest set of categories meeting the data tests for purpose {@code p}, or null when no
     * non-empty set does (the largest one meets every "some category is ..." test if any set does).
     */
    private Set<String> data(String p, Map<Condition.Key, Boolean> flags, Set<String> within, Set<String> notWithin) {
        Set<String> u = new LinkedHashSet<>(categories);
        Boolean declared = flags.get(Condition.Key.DATA_DECLARED_FOR_PURPOSE);
        if (Boolean.TRUE.equals(declared)) {
            u.removeIf(c -> !allows(p, c));
        }
        for (String w : within) {
            u.removeIf(c -> !allows(w, c));
        }
        Boolean sens = flags.get(Condition.Key.SENSITIVE_DATA);
        if (Boolean.FALSE.equals(sens)) {
            u.removeAll(sensitive);
        }
        if (u.isEmpty()) {
            return null;
        }
        if (Boolean.FALSE.equals(declared) && u.stream().allMatch(c -> allows(p, c))) {
            return null;
        }
        for (String n : notWithin) {
            if (u.stream().allMatch(c -> allows(n, c))) {
                return null;
            }
        }
        if (Boolean.TRUE.equals(sens) && u.stream().noneMatch(sensitive::contains)) {
            return null;
        }
        return u;
    }

    private boolean allows(String purpose, String category) {
        Pack.PurposeDef def = pack.purposes().get(purpose);
        return def != null && def.allows(category);
    }

    private static int both(int explicitStates) {
        return explicitStates | explicitStates << 8;
    }

    private static int mask(Condition.ConsentTest t) {
        int any = switch (t.base()) {
            case COVERING -> ALL_STATES & ~NO_CONSENT;
            case NAMING_PURPOSE -> NAMING_PURPOSE;
            case NAMING_RECIPIENT -> NAMING_RECIPIENT;
            case NAMING_ACTION -> NAMING_ACTION;
            default -> NO_CONSENT;
        };
        if (!t.qualified()) {
            return any;
        }
        // "no consent of the kind covers": no consent at all, or only weaker ones
        return t.base() == Condition.ConsentTest.Base.NONE ? NO_CONSENT | ~STRONGER & ALL_STATES : any & STRONGER;
    }

    /** A smallest set of the cube's tests that still cannot hold together (the cube must be unsatisfiable). */
    List<Lit> core(Cube cube) {
        List<Lit> core = new ArrayList<>(cube.lits());
        for (Lit l : List.copyOf(core)) {
            List<Lit> without = new ArrayList<>(core);
            without.remove(l);
            if (witness(new Cube(without)) == null) {
                core = without;
            }
        }
        return core;
    }
}
