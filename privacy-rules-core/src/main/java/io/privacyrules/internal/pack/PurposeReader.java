package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.PURPOSE_KEYS;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code purposes}: each purpose's clause, legal basis, actions and data (with
 * {@code dataOf}, resolved here), its conditions, and the permit rule the purpose stands for.
 */
final class PurposeReader extends SectionReader {
    /** Reads a purpose's conditions as a rule's are read. */
    private final RuleReader rules;

    PurposeReader(PackLoader loader) {
        super(loader);
        this.rules = new RuleReader(loader);
    }

    Map<String, Pack.PurposeDef> readPurposes(Fields top, Vocabulary vocabulary) {
        Fields f = map(top, "purposes", "the purposes", true);
        Map<String, Pack.PurposeDef> out = new LinkedHashMap<>();
        if (f == null) {
            return out;
        }
        // Declare every purpose id first, so that dataOf and rules may refer to any of them.
        for (Node.Entry e : f.entries().values()) {
            if (Ids.isId(e.key())) {
                vocabulary.purposes().add(e.key());
            }
        }
        Map<String, List<Node.ScalarNode>> dataOf = new LinkedHashMap<>();
        for (Node.Entry e : f.entries().values()) {
            if (!checkId(e.key(), e.keyAt(), "purpose")) {
                continue;
            }
            Fields p = Fields.of(e.value(), problems, "purpose " + e.key(), PURPOSE_KEYS);
            dpv(p, "purposes", e.key());
            String basis = p.text("basis", true);
            if (basis != null) {
                reference(basis, p.at("basis"), vocabulary.bases(), "legal basis");
            }
            Set<String> acts = new LinkedHashSet<>();
            for (Node.ScalarNode a : p.texts("actions", true)) {
                if (reference((String) a.value(), a.at(), vocabulary.actions(), "action")) {
                    acts.add((String) a.value());
                }
            }
            if (p.has("actions") && acts.isEmpty() && p.texts("actions", false).isEmpty()) {
                p.problem("actions", "purpose " + e.key() + " lists no action", "for example [collect, use]");
            }
            Set<String> data = new LinkedHashSet<>();
            boolean any = false;
            Node dataNode = p.node("data");
            if (dataNode instanceof Node.ScalarNode s && "any".equals(s.value())) {
                any = true;
            } else if (dataNode != null) {
                if (p.texts("data", false).isEmpty()) {
                    p.problem("data", "purpose " + e.key() + " lists no data", "list categories, or write data: any");
                }
                for (Node.ScalarNode c : p.texts("data", false)) {
                    if (reference((String) c.value(), c.at(), vocabulary.categories(), "data category")) {
                        if (!data.add((String) c.value())) {
                            problems.add(c.at(), "data category " + c.value() + " is listed twice", "remove one");
                        }
                    }
                }
            }
            List<Node.ScalarNode> of = p.texts("dataOf", false);
            if (p.has("dataOf") && of.isEmpty()) {
                p.problem("dataOf", "'dataOf' lists no purpose", "name a purpose whose data this one uses");
            }
            for (Node.ScalarNode o : of) {
                reference((String) o.value(), o.at(), vocabulary.purposes(), "purpose");
            }
            if (dataNode == null && of.isEmpty()) {
                p.problem("data", "purpose " + e.key() + " declares no data",
                        "add data: [category, ...], data: any, or dataOf: [another-purpose]");
            }
            dataOf.put(e.key(), of);
            List<Condition> requires = p.has("requires")
                    ? List.of(rules.condition(p.node("requires"), vocabulary, "requires of purpose " + e.key()))
                    : List.of();
            out.put(e.key(), new Pack.PurposeDef(e.key(), clause(p, "clause", true), nn(p.text("description", true)),
                    nn(basis), acts, any ? null : data, requires, e.keyAt(), p.bool("directMarketing", false)));
        }
        // Resolve dataOf: a purpose's data plus the data of the purposes it names, transitively.
        Map<String, Pack.PurposeDef> resolved = new LinkedHashMap<>();
        for (Pack.PurposeDef p : out.values()) {
            Set<String> data = resolveData(p.id(), out, dataOf, new LinkedHashSet<>());
            resolved.put(p.id(), new Pack.PurposeDef(p.id(), p.clause(), p.description(), p.basis(), ordered(p.actions()),
                    data == null ? null : ordered(data), p.requires(), p.at(), p.directMarketing()));
        }
        return resolved;
    }

    /** The data of a purpose and of the purposes it names in dataOf; null means any category. */
    Set<String> resolveData(String id, Map<String, Pack.PurposeDef> purposes,
                                    Map<String, List<Node.ScalarNode>> dataOf, Set<String> visiting) {
        Pack.PurposeDef p = purposes.get(id);
        if (p == null || !visiting.add(id)) {
            return new LinkedHashSet<>();
        }
        if (p.data() == null) {
            return null;
        }
        Set<String> data = new LinkedHashSet<>(p.data());
        for (Node.ScalarNode o : dataOf.getOrDefault(id, List.of())) {
            Set<String> more = resolveData((String) o.value(), purposes, dataOf, visiting);
            if (more == null) {
                return null;
            }
            data.addAll(more);
        }
        return data;
    }
}
