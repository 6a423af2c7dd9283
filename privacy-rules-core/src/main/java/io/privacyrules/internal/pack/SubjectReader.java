package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.CHILDREN_KEYS;
import static io.privacyrules.internal.pack.PackLoader.CONSENT_KIND_KEYS;
import static io.privacyrules.internal.pack.PackLoader.OBJECTION_KEYS;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a pack says about the data subject: {@code children} (the ages below which a
 * guardian must consent, by country), {@code consentKinds} (weakest first, one the default) and
 * {@code objections}.
 */
final class SubjectReader extends SectionReader {
    SubjectReader(PackLoader loader) {
        super(loader);
    }

    Pack.ChildRule readChildren(Fields top) {
        if (!top.has("children")) {
            problems.add(top.at(), "missing section 'children'", "children: {under: 14, clause: VI}");
            return new Pack.ChildRule(0, "?");
        }
        Fields f = Fields.of(top.node("children"), problems, "the children section", CHILDREN_KEYS);
        Long under = f.integer("under", true);
        if (under != null && (under < 1 || under > 25)) {
            f.problem("under", "children.under must be between 1 and 25 years", "the age below which a subject is a child");
        }
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        if (f.has("byCountry")) {
            Node n = f.node("byCountry");
            Fields b = Fields.of(n, problems, "children.byCountry", n instanceof Node.MapNode m ? m.entries().keySet() : Set.of());
            for (Node.Entry e : b.entries().values()) {
                if (!Ids.COUNTRY.matcher(e.key()).matches() || !TerritoryReader.ISO_COUNTRIES.contains(e.key())) {
                    problems.add(e.keyAt(), "'" + shorten(e.key()) + "' is not an ISO 3166-1 country code",
                            "children.byCountry lists countries of residence, for example AT: 14");
                    continue;
                }
                Long age = b.integer(e.key(), true);
                if (age != null && (age < 1 || age > 25)) {
                    b.problem(e.key(), "a child's age threshold must be between 1 and 25 years", "");
                } else if (age != null) {
                    byCountry.put(e.key(), age.intValue());
                }
            }
        }
        String byCountryClause = clause(f, "byCountryClause", false);
        Long minimum = f.integer("minimumAge", false);
        if (minimum != null && (minimum < 1 || minimum > 25)) {
            f.problem("minimumAge", "children.minimumAge must be between 1 and 25 years", "the age below which the service is refused");
            minimum = null;
        }
        String minimumClause = clause(f, "minimumClause", minimum != null);
        if (minimum == null && f.has("minimumClause")) {
            f.problem("minimumClause", "minimumClause needs a minimumAge", "add minimumAge: 13, or remove minimumClause");
        }
        return new Pack.ChildRule(under == null ? 0 : under.intValue(), nn(clause(f, "clause", true)),
                java.util.Collections.unmodifiableMap(byCountry), byCountryClause,
                minimum == null ? null : minimum.intValue(), minimumClause);
    }

    /** {@code consentKinds}: the kinds of consent, weakest first, one of them the default. */
    Pack.ConsentKinds readConsentKinds(Fields top) {
        Map<String, Pack.ConsentKindDef> kinds = new LinkedHashMap<>();
        List<String> defaults = new ArrayList<>();
        Location[] secondDefault = {null};
        forEachEntry(top, "consentKinds", "consent kind", CONSENT_KIND_KEYS, false, (id, f) -> {
            if (f.bool("default", false)) {
                defaults.add(id);
                if (defaults.size() == 2) {
                    secondDefault[0] = f.at("default");
                }
            }
            kinds.put(id, new Pack.ConsentKindDef(id, nn(clause(f, "clause", true)), nn(f.text("description", true))));
        });
        if (secondDefault[0] != null) {
            problems.add(secondDefault[0], "consent kinds " + defaults.get(0) + " and " + defaults.get(1)
                    + " are both the default", "mark one kind default: true");
        }
        String dflt = !defaults.isEmpty() ? defaults.get(0) : kinds.isEmpty() ? null : kinds.keySet().iterator().next();
        return new Pack.ConsentKinds(java.util.Collections.unmodifiableMap(kinds), dflt);
    }

    /** {@code objections}: kinds of objection besides a single purpose, each with its clause. */
    Pack.Objections readObjections(Fields top, Set<String> purposes) {
        Map<String, Pack.ObjectionKind> kinds = new LinkedHashMap<>();
        forEachEntry(top, "objections", "objection", OBJECTION_KEYS, false, (id, f) -> {
            if (purposes.contains(id)) {
                problems.add(f.at(), "objection '" + id + "' has the id of a purpose",
                        "an objection to a purpose is written with the purpose's id; give this kind another id");
            }
            Set<String> covered = new LinkedHashSet<>();
            if (f.has("purposes") && f.texts("purposes", false).isEmpty()) {
                f.problem("purposes", "'purposes' lists none", "name the purposes it covers, or remove the key");
            }
            for (Node.ScalarNode p : f.texts("purposes", false)) {
                if (reference((String) p.value(), p.at(), purposes, "purpose")) {
                    covered.add((String) p.value());
                }
            }
            boolean dm = f.bool("directMarketing", false);
            if (covered.isEmpty() && !dm) {
                f.problem("clause", "objection " + id + " covers no purpose",
                        "give purposes: [...], or directMarketing: true to cover the purposes marked directMarketing");
            }
            kinds.put(id, new Pack.ObjectionKind(id, nn(clause(f, "clause", true)), f.text("description", false),
                    Set.copyOf(covered), dm));
        });
        return new Pack.Objections(java.util.Collections.unmodifiableMap(kinds));
    }
}
