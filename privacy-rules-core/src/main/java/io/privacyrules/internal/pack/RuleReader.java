package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.DEFAULTS_KEYS;
import static io.privacyrules.internal.pack.PackLoader.DEFAULT_DENY_KEYS;
import static io.privacyrules.internal.pack.PackLoader.INVALID_KEYS;
import static io.privacyrules.internal.pack.PackLoader.RULE_KEYS;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code defaults} and {@code rules}: each YAML rule's clause, effect, code, message and
 * obligations, and its {@code when} and {@code unless} conditions, checked against the ids declared so far.
 */
final class RuleReader extends SectionReader {
    RuleReader(PackLoader loader) {
        super(loader);
    }

    Pack.Defaults readDefaults(Fields top) {
        if (!top.has("defaults")) {
            problems.add(top.at(), "missing section 'defaults'", "see docs/pack-format.md");
            return new Pack.Defaults("?", "?", "?", "?");
        }
        Fields f = Fields.of(top.node("defaults"), problems, "the defaults", DEFAULTS_KEYS);
        Fields deny = Fields.of(f.node("deny"), problems, "defaults.deny", DEFAULT_DENY_KEYS);
        if (!f.has("deny")) {
            f.problem("deny", "defaults needs 'deny', the reason given when no rule permits", "");
        }
        Fields invalid = Fields.of(f.node("invalidRequest"), problems, "defaults.invalidRequest", INVALID_KEYS);
        if (!f.has("invalidRequest")) {
            f.problem("invalidRequest", "defaults needs 'invalidRequest' with the clause cited for invalid requests", "");
        }
        String code = deny.text("code", f.has("deny"));
        if (code != null && !Ids.isId(code)) {
            deny.problem("code", "reason code '" + code + "' is not kebab-case", "for example not-permitted");
        }
        String message = deny.text("message", f.has("deny"));
        checkPlaceholders(message, deny.at("message"));
        return new Pack.Defaults(nn(clause(deny, "clause", f.has("deny"))), nn(code), nn(message),
                nn(clause(invalid, "clause", f.has("invalidRequest"))));
    }

    List<Pack.RuleDef> readRules(Fields top, Vocabulary vocabulary, Map<String, Pack.PurposeDef> purposes) {
        List<Pack.RuleDef> rules = new ArrayList<>();
        // Each purpose permits its own actions on its own data.
        for (Pack.PurposeDef p : purposes.values()) {
            Map<Condition.Key, Object> tests = new EnumMap<>(Condition.Key.class);
            tests.put(Condition.Key.PURPOSE, List.of(p.id()));
            tests.put(Condition.Key.ACTION, List.copyOf(p.actions()));
            tests.put(Condition.Key.DATA_DECLARED_FOR_PURPOSE, Boolean.TRUE);
            for (Condition extra : p.requires()) {
                for (Map.Entry<Condition.Key, Object> t : extra.tests().entrySet()) {
                    if (tests.containsKey(t.getKey())) {
                        problems.add(extra.at(), "requires of purpose " + p.id() + " may not test '" + t.getKey().yaml
                                + "'", "the purpose's own declarations already fix it");
                    } else {
                        tests.put(t.getKey(), t.getValue());
                    }
                }
            }
            if (p.actions().isEmpty()) {
                continue;
            }
            rules.add(new Pack.RuleDef("purpose:" + p.id(), p.clause(), Pack.Effect.PERMIT, "purpose-permitted",
                    "The policy permits " + listed(new ArrayList<>(p.actions())) + " of {data} for the purpose "
                            + p.id() + ": " + p.description(),
                    List.of(new Condition(tests, p.at())), List.of(), List.of(), p.at()));
        }
        Node node = top.node("rules");
        if (node == null) {
            return rules;
        }
        if (!(node instanceof Node.ListNode list)) {
            problems.add(node.at(), "rules must be a list of rules", "start each rule with '- id: ...'");
            return rules;
        }
        Map<String, Location> seen = new LinkedHashMap<>();
        for (Node item : list.items()) {
            Fields f = Fields.of(item, problems, "a rule", RULE_KEYS);
            String id = f.text("id", true);
            if (id != null) {
                if (!Ids.isId(id)) {
                    f.problem("id", "rule id '" + id + "' is not a lower-case kebab-case id", "for example share-with-dealers");
                    id = null;
                } else if (seen.containsKey(id)) {
                    f.problem("id", "duplicate rule id '" + id + "' (first at line " + seen.get(id).line() + ")",
                            "rule ids are unique in a pack");
                } else {
                    seen.put(id, f.at("id"));
                }
            }
            String clause = clause(f, "clause", true);
            String effectText = f.text("effect", true);
            Pack.Effect effect = null;
            if (effectText != null) {
                switch (effectText) {
                    case "permit" -> effect = Pack.Effect.PERMIT;
                    case "deny" -> effect = Pack.Effect.DENY;
                    case "oblige" -> effect = Pack.Effect.OBLIGE;
                    default -> f.problem("effect", "effect '" + effectText + "' is not permit, deny or oblige",
                            choice(effectText, List.of("permit", "deny", "oblige")));
                }
            }
            boolean speaks = effect != Pack.Effect.OBLIGE;
            String code = f.text("code", speaks);
            if (code != null && !Ids.isId(code)) {
                f.problem("code", "reason code '" + code + "' is not kebab-case", "for example consent-required");
            }
            String message = f.text("message", speaks);
            checkPlaceholders(message, f.at("message"));
            List<String> obligations = new ArrayList<>();
            if (f.has("obligations") && f.texts("obligations", false).isEmpty()) {
                f.problem("obligations", "'obligations' lists none", "name at least one, or remove the key");
            }
            for (Node.ScalarNode o : f.texts("obligations", effect == Pack.Effect.OBLIGE)) {
                if (reference((String) o.value(), o.at(), vocabulary.obligations(), "obligation")) {
                    obligations.add((String) o.value());
                }
            }
            if (effect == Pack.Effect.DENY && f.has("obligations")) {
                f.problem("obligations", "a deny rule carries no obligations", "move them to a permit or oblige rule");
            }
            List<Condition> when = conditions(f, "when", vocabulary);
            List<Condition> unless = conditions(f, "unless", vocabulary);
            if (id != null && effect != null && clause != null) {
                rules.add(new Pack.RuleDef(id, clause, effect, code, message, when, unless, List.copyOf(obligations),
                        f.at("id")));
            }
        }
        return rules;
    }

    /** Checks a consent kind named in a condition; reports it and returns false when undeclared. */
    boolean consentKind(String kind, Location at) {
        if (loader.consentKinds().kinds().containsKey(kind)) {
            return true;
        }
        problems.add(at, "undeclared consent kind '" + shorten(kind) + "'", loader.consentKinds().kinds().isEmpty()
                ? "declare the pack's consent kinds under 'consentKinds', weakest first"
                : hint(kind, loader.consentKinds().kinds().keySet()));
        return false;
    }

    List<Condition> conditions(Fields f, String key, Vocabulary vocabulary) {
        List<Condition> out = new ArrayList<>();
        for (Node n : f.list(key, false)) {
            out.add(condition(n, vocabulary, "'" + key + "' of a rule"));
        }
        return out;
    }

    Condition condition(Node node, Vocabulary vocabulary, String what) {
        Map<Condition.Key, Object> tests = new EnumMap<>(Condition.Key.class);
        Fields f = Fields.of(node, problems, what, Set.copyOf(Condition.Key.names()));
        String consentKind = null;
        for (Node.Entry e : f.entries().values()) {
            Condition.Key key = Condition.Key.of(e.key());
            if (key == null) {
                continue; // reported by Fields
            }
            if (key == Condition.Key.CONSENT_KIND) {
                String v = f.text(e.key(), true);
                if (v != null && !consentKind(v, e.value().at())) {
                    continue;
                } else if (v != null && !f.has("consent")) {
                    problems.add(e.value().at(), "consentKind qualifies a consent test, and this condition has none",
                            "add a consent test to the same condition, for example consent: naming-recipient");
                } else {
                    consentKind = v;
                }
                continue;
            }
            if (key == Condition.Key.GUARDIAN_CONSENT && e.value() instanceof Node.ScalarNode s
                    && s.value() instanceof String kind) {
                // guardianConsent: <kind>: the guardian's consent is of this kind or a stronger one.
                if (consentKind(kind, e.value().at())) {
                    tests.put(Condition.Key.GUARDIAN_CONSENT_KIND, kind);
                }
                continue;
            }
            switch (key.kind) {
                case PLACES -> {
                    Condition.PlaceTest t = placeTest(e);
                    if (t != null) {
                        tests.put(key, t);
                    }
                }
                case ACTIONS, PURPOSES, BASES, RECIPIENTS, MECHANISMS -> {
                    List<String> ids = new ArrayList<>();
                    for (Node.ScalarNode s : f.texts(e.key(), true)) {
                        if (reference((String) s.value(), s.at(), vocabulary.of(key.kind), noun(key.kind))) {
                            ids.add((String) s.value());
                        }
                    }
                    if (!ids.isEmpty()) {
                        tests.put(key, List.copyOf(ids));
                    } else if (f.texts(e.key(), false).isEmpty()) {
                        problems.add(e.value().at(), "'" + e.key() + "' lists no " + noun(key.kind),
                                "name at least one; an empty list would make the test vanish");
                    }
                }
                case PURPOSE -> {
                    String id = f.text(e.key(), true);
                    if (id != null && reference(id, f.at(e.key()), vocabulary.purposes(), "purpose")) {
                        tests.put(key, id);
                    }
                }
                case BOOLEAN -> {
                    if (e.value() instanceof Node.ScalarNode s && s.value() instanceof Boolean b) {
                        tests.put(key, b);
                    } else {
                        problems.add(e.value().at(), "'" + e.key() + "' must be true or false",
                                key == Condition.Key.GUARDIAN_CONSENT ? "or a consent kind of the pack, for a guardian's consent of that kind" : "");
                    }
                }
                case CONSENT -> {
                    String v = f.text(e.key(), true);
                    Condition.ConsentTest t = v == null ? null : Condition.ConsentTest.of(v);
                    if (t == null && v != null) {
                        problems.add(e.value().at(), "consent: '" + v + "' is not one of " + Condition.ConsentTest.names(),
                                choice(v, Condition.ConsentTest.names()));
                    } else if (t != null) {
                        tests.put(key, t);
                    }
                }
                default -> throw new IllegalStateException(key.toString());
            }
        }
        if (consentKind != null && tests.get(Condition.Key.CONSENT) instanceof Condition.ConsentTest t) {
            tests.put(Condition.Key.CONSENT, t.ofKind(consentKind));
        }
        return new Condition(tests, node == null ? f.at() : node.at());
    }

    /** {@code destination: {in: EEA}} or {@code {notIn: [EEA, adequate]}}: places are countries or regions. */
    Condition.PlaceTest placeTest(Node.Entry e) {
        if (!(e.value() instanceof Node.MapNode m) || m.entries().size() != 1) {
            problems.add(e.value().at(), "'" + e.key() + "' takes {in: PLACE} or {notIn: PLACE}",
                    "for example " + e.key() + ": {notIn: EEA}; a place is a country code or a region, or a list of them");
            return null;
        }
        Fields f = Fields.of(e.value(), problems, "'" + e.key() + "'", Set.of("in", "notIn"));
        boolean in = f.has("in");
        String key = in ? "in" : "notIn";
        if (!f.has(key)) {
            return null; // reported by Fields
        }
        List<String> places = new ArrayList<>();
        List<Node.ScalarNode> written = f.texts(key, true);
        if (written.isEmpty()) {
            f.problem(key, "'" + key + "' lists no place", "name at least one country or region");
        }
        for (Node.ScalarNode p : written) {
            if (loader.territory().checkPlace((String) p.value(), p.at())) {
                places.add((String) p.value());
            }
        }
        return places.isEmpty() ? null : new Condition.PlaceTest(in, List.copyOf(places));
    }

    static String noun(Condition.Kind kind) {
        return switch (kind) {
            case MECHANISMS -> "transfer mechanism";
            case ACTIONS -> "action";
            case BASES -> "legal basis";
            case RECIPIENTS -> "recipient";
            default -> "purpose";
        };
    }

    /** "a", "a and b", "a, b and c". */
    static String listed(List<String> items) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
