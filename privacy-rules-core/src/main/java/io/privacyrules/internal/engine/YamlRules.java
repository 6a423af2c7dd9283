package io.privacyrules.internal.engine;

import io.privacyrules.Obligation;
import io.privacyrules.Reason;
import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pack's YAML rules (those of {@code policy.yaml} and those its purposes generate) as
 * predicates over {@link Features}, evaluated by the engine instead of Drools. Each is the same
 * test as the DRL {@code DrlGenerator} writes for it, over the same values: the rule applies when
 * one of its {@code when} alternatives holds (or it has none) and none of its {@code unless}
 * alternatives does; an alternative holds when all of its tests do. Only the rules whose
 * {@code when} can hold for the request's action and purpose are looked at.
 *
 * <p>Built once per engine from validated ids; immutable and thread-safe.
 */
final class YamlRules {
    /** One alternative of a rule's when or unless: every test must hold. */
    static final class Alternative {
        /** Flags of {@link Features} that must be set, and that must be clear. */
        long set;
        long clear;
        /** Sets of numbers the request's action, purpose, basis must be in; null for no test. */
        long[] actions;
        long[] purposes;
        long[] bases;
        /** Sets the request's recipient must be in (recipient and recipientLocation tests); -1 is in none. */
        final List<long[]> recipients = new ArrayList<>(1);
        /** dataOf: the categories the named purpose does not declare (null: it declares any). */
        boolean dataOf;
        long[] undeclared;
        /** transferMechanism: one of these must be in force; null for no test. */
        long[] mechanisms;
        /** Consent strength tests: rank of which (Features.COVERING...) at least wanted, or not when negated. */
        final List<int[]> ranks = new ArrayList<>(1);
        /** destination tests: for each place a request may name, whether the test holds for it as destination. */
        final List<boolean[]> destinations = new ArrayList<>(1);
        /** A test that can never hold (dataOf a purpose the pack does not declare). */
        boolean never;

        boolean holds(Features f) {
            long flags = f.flags;
            if (never || (flags & set) != set || (flags & clear) != 0) {
                return false;
            }
            if (actions != null && !PackIndex.has(actions, f.action)
                    || purposes != null && !PackIndex.has(purposes, f.purpose)
                    || bases != null && !PackIndex.has(bases, f.basis)) {
                return false;
            }
            for (int i = 0, n = recipients.size(); i < n; i++) {
                if (!PackIndex.has(recipients.get(i), f.recipient)) {
                    return false;
                }
            }
            if (dataOf && undeclared != null && PackIndex.intersects(f.data, undeclared)) {
                return false;
            }
            if (mechanisms != null && !PackIndex.intersects(f.mechanisms, mechanisms)) {
                return false;
            }
            for (int i = 0, n = ranks.size(); i < n; i++) {
                int[] t = ranks.get(i);
                int rank = f.rank(t[0]);
                boolean atLeast = rank >= 0 && t[1] >= 0 && rank >= t[1];
                if (atLeast == (t[2] != 0)) {
                    return false;
                }
            }
            for (int i = 0, n = destinations.size(); i < n; i++) {
                if (!destinations.get(i)[f.destinationPlace]) {
                    return false;
                }
            }
            return true;
        }

        /** False when no request with this action and purpose can satisfy the alternative. */
        boolean admits(int action, int purpose) {
            return !never && (actions == null || PackIndex.has(actions, action))
                    && (purposes == null || PackIndex.has(purposes, purpose));
        }
    }

    /** One YAML rule: its tests, and what it says when it applies. */
    static final class Rule {
        final int index;
        final Pack.RuleDef def;
        final Alternative[] when;
        final Alternative[] unless;
        /** The reason it gives (permit, deny), when its message has no placeholder; else null. */
        final Reason fixedReason;
        /** Its message; null for an oblige rule. */
        final Template message;
        /** The obligations it imposes: numbers in the pack's order, each with this rule's clause. */
        final int[] obligationNumbers;
        final Obligation[] obligations;

        Rule(int index, Pack.RuleDef def, Alternative[] when, Alternative[] unless, Template message, String packId,
             int[] obligationNumbers, Obligation[] obligations) {
            this.index = index;
            this.def = def;
            this.when = when;
            this.unless = unless;
            this.message = message;
            this.fixedReason = message != null && message.fixed() && def.effect() != Pack.Effect.OBLIGE
                    ? new Reason(def.code(), def.clause(), message.render(null, null), def.id(), packId) : null;
            this.obligationNumbers = obligationNumbers;
            this.obligations = obligations;
        }

        boolean fires(Features f) {
            boolean applies = when.length == 0;
            for (Alternative a : when) {
                if (a.holds(f)) {
                    applies = true;
                    break;
                }
            }
            if (!applies) {
                return false;
            }
            for (Alternative a : unless) {
                if (a.holds(f)) {
                    return false;
                }
            }
            return true;
        }

        Reason reason(PackIndex x, Features f) {
            return fixedReason != null ? fixedReason
                    : new Reason(def.code(), def.clause(), message.render(x, f), def.id(), x.pack.info().id());
        }
    }

    private final PackIndex index;
    private final Pack.Territory territory;
    final Rule[] rules;
    /** The rules to look at for each action and purpose: candidates[action * purposes + purpose]. */
    private final int[][] candidates;
    private final int purposeCount;

    YamlRules(PackIndex index, List<Obligation> obligationOrder) {
        this.index = index;
        Pack pack = index.pack;
        this.territory = pack.territory();
        List<Pack.RuleDef> defs = pack.rules();
        Map<String, Integer> obligationNumber = new java.util.HashMap<>();
        for (int i = 0; i < obligationOrder.size(); i++) {
            obligationNumber.put(obligationOrder.get(i).id(), i);
        }
        this.rules = new Rule[defs.size()];
        for (int i = 0; i < defs.size(); i++) {
            Pack.RuleDef r = defs.get(i);
            // The same obligation named twice in a rule counts once (Verdict keeps the first rule's clause).
            List<String> ids = r.obligations().stream().distinct().toList();
            int[] numbers = new int[ids.size()];
            Obligation[] obligations = new Obligation[ids.size()];
            for (int k = 0; k < ids.size(); k++) {
                Integer n = obligationNumber.get(ids.get(k));
                if (n == null) {
                    throw new IllegalStateException("rule " + r.id() + " names an undeclared obligation");
                }
                numbers[k] = n;
                Obligation o = obligationOrder.get(n);
                obligations[k] = new Obligation(o.id(), r.clause(), o.description());
            }
            Template message = r.effect() == Pack.Effect.OBLIGE || r.message() == null ? null
                    : Template.of(r.message(), pack.children().under());
            rules[i] = new Rule(i, r, alternatives(r.when()), alternatives(r.unless()), message, pack.info().id(),
                    numbers, obligations);
        }
        this.purposeCount = index.purposes.size();
        int actionCount = index.actions.size();
        this.candidates = new int[actionCount * purposeCount][];
        for (int a = 0; a < actionCount; a++) {
            for (int p = 0; p < purposeCount; p++) {
                List<Integer> list = new ArrayList<>();
                for (Rule r : rules) {
                    boolean possible = r.when.length == 0;
                    for (Alternative alt : r.when) {
                        possible |= alt.admits(a, p);
                    }
                    if (possible) {
                        list.add(r.index);
                    }
                }
                candidates[a * purposeCount + p] = list.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** The rules that apply to {@code f}, as a bit set over their indexes. */
    long[] fire(Features f) {
        long[] fired = new long[(rules.length >>> 6) + 1];
        for (int i : candidates[f.action * purposeCount + f.purpose]) {
            if (rules[i].fires(f)) {
                fired[i >>> 6] |= 1L << i;
            }
        }
        return fired;
    }

    // ---- compiling conditions -------------------------------------------------------------------

    private Alternative[] alternatives(List<Condition> conditions) {
        Alternative[] out = new Alternative[conditions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = alternative(conditions.get(i));
        }
        return out;
    }

    /** The tests of one condition, each as {@code DrlGenerator.test} writes it. */
    @SuppressWarnings("unchecked")
    private Alternative alternative(Condition c) {
        Alternative a = new Alternative();
        Pack pack = index.pack;
        for (Map.Entry<Condition.Key, Object> t : c.tests().entrySet()) {
            Condition.Key key = t.getKey();
            Object v = t.getValue();
            switch (key.kind) {
                case ACTIONS, PURPOSES, BASES, RECIPIENTS -> {
                    List<String> ids = (List<String>) v;
                    switch (key) {
                        case ACTION -> a.actions = intersect(a.actions, PackIndex.bits(index.actions, ids));
                        case PURPOSE -> a.purposes = intersect(a.purposes, PackIndex.bits(index.purposes, ids));
                        case PURPOSE_BASIS -> a.bases = intersect(a.bases, PackIndex.bits(index.bases, ids));
                        case RECIPIENT -> a.recipients.add(PackIndex.bits(index.recipients, ids));
                        default -> throw new IllegalArgumentException(key.yaml);
                    }
                }
                case MECHANISMS -> a.mechanisms = intersect(a.mechanisms, PackIndex.bits(index.mechanisms, (List<String>) v));
                case PLACES -> {
                    Condition.PlaceTest places = (Condition.PlaceTest) v;
                    if (key == Condition.Key.DESTINATION) {
                        a.destinations.add(destinationsWithin(places));
                    } else {
                        a.recipients.add(recipientsLocated(places));
                    }
                }
                case PURPOSE -> {
                    int p = index.purposes.get(String.valueOf(v));
                    if (p < 0) {
                        a.never = true;
                    } else {
                        // dataWithin(p): every category is declared for p (always, when p allows any)
                        a.dataOf = true;
                        a.undeclared = index.undeclared[p];
                    }
                }
                case BOOLEAN -> {
                    long flag = flag(key);
                    if ((Boolean) v) {
                        a.set |= flag;
                    } else {
                        a.clear |= flag;
                    }
                }
                case CONSENT -> consent(a, (Condition.ConsentTest) v);
                case KIND -> a.ranks.add(new int[] {Features.GUARDIAN, pack.consentKinds().rank((String) v), 0});
            }
        }
        if ((a.set & a.clear) != 0) {
            a.never = true;
        }
        return a;
    }

    private void consent(Alternative a, Condition.ConsentTest t) {
        if (t.kind() == null) {
            switch (t.base()) {
                case COVERING -> a.set |= Features.CONSENT_COVERING;
                case NAMING_PURPOSE -> a.set |= Features.CONSENT_NAMING_PURPOSE;
                case NAMING_RECIPIENT -> a.set |= Features.CONSENT_NAMING_RECIPIENT;
                case NAMING_ACTION -> a.set |= Features.CONSENT_NAMING_ACTION;
                case NONE -> a.clear |= Features.CONSENT_COVERING;
            }
            return;
        }
        int wanted = index.pack.consentKinds().rank(t.kind());
        int which = switch (t.base()) {
            case COVERING, NONE -> Features.COVERING;
            case NAMING_PURPOSE -> Features.NAMING_PURPOSE;
            case NAMING_RECIPIENT -> Features.NAMING_RECIPIENT;
            case NAMING_ACTION -> Features.NAMING_ACTION;
        };
        a.ranks.add(new int[] {which, wanted, t.base() == Condition.ConsentTest.Base.NONE ? 1 : 0});
    }

    /**
     * The places a destination test holds for: {@code in}, the place lies in one of the test's
     * places ({@code destinationIn}); {@code notIn}, in none.
     */
    private boolean[] destinationsWithin(Condition.PlaceTest t) {
        boolean[] out = new boolean[index.placeIds.length];
        for (int i = 0; i < out.length; i++) {
            boolean any = false;
            for (String place : t.places()) {
                any |= territory.within(index.placeIds[i], place);
            }
            out[i] = any == t.in();
        }
        return out;
    }

    /**
     * The recipients a recipientLocation test holds for. {@code in}: the recipient's location lies
     * in one of the places ({@code recipientLocationIn}); {@code notIn}: the request names a
     * recipient and its location lies in none of them. Both are false without a recipient.
     */
    private long[] recipientsLocated(Condition.PlaceTest t) {
        List<String> holding = new ArrayList<>();
        for (int r = 0; r < index.recipientIds.length; r++) {
            String location = index.recipientLocation[r];
            boolean any = false;
            for (String place : t.places()) {
                any |= location != null && territory.within(location, place);
            }
            if (any == t.in()) {
                holding.add(index.recipientIds[r]);
            }
        }
        return PackIndex.bits(index.recipients, holding);
    }

    /** The flag of a boolean key, by the Request property DrlGenerator writes for it. */
    private static long flag(Condition.Key key) {
        String property = switch (key) {
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
            default -> throw new IllegalArgumentException(key.yaml);
        };
        return Features.FLAGS.get(property);
    }

    private static long[] intersect(long[] a, long[] b) {
        if (a == null) {
            return b;
        }
        long[] out = a.clone();
        for (int w = 0; w < out.length; w++) {
            out[w] &= b[w];
        }
        return out;
    }
}
