package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.ACTION_KEYS;
import static io.privacyrules.internal.pack.PackLoader.BASIS_KEYS;
import static io.privacyrules.internal.pack.PackLoader.CATEGORY_KEYS;
import static io.privacyrules.internal.pack.PackLoader.OBLIGATION_KEYS;
import static io.privacyrules.internal.pack.PackLoader.RECIPIENT_KEYS;

import io.privacyrules.Obligation;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the vocabulary sections of {@code policy.yaml}: {@code actions}, {@code bases},
 * {@code categories}, {@code recipients} and {@code obligations}, the ids every later section names.
 */
final class VocabularyReader extends SectionReader {
    VocabularyReader(PackLoader loader) {
        super(loader);
    }

    Map<String, Pack.ActionDef> readActions(Fields top) {
        Map<String, Pack.ActionDef> out = new LinkedHashMap<>();
        forEachEntry(top, "actions", "action", ACTION_KEYS, (key, f) -> out.put(key,
                new Pack.ActionDef(key, nn(f.text("description", true)), f.bool("requiresRecipient", false))));
        return out;
    }

    Map<String, String> readBases(Fields top) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields f = map(top, "bases", "the legal bases", true);
        if (f == null) {
            return out;
        }
        for (Node.Entry e : f.entries().values()) {
            if (checkId(e.key(), e.keyAt(), "legal basis")) {
                String d;
                if (e.value() instanceof Node.MapNode) {
                    // The long form: {description: ..., dpv: ...}.
                    Fields b = Fields.of(e.value(), problems, "legal basis " + e.key(), BASIS_KEYS);
                    d = b.text("description", true);
                    dpv(b, "bases", e.key());
                } else {
                    d = e.value() instanceof Node.ScalarNode s && s.value() instanceof String t ? t : null;
                    if (d == null) {
                        problems.add(e.value().at(), "legal basis " + e.key() + " needs a description (text)",
                                "write the description, or {description: ..., dpv: ...}");
                    }
                }
                out.put(e.key(), nn(d));
            }
        }
        return out;
    }

    Map<String, Pack.CategoryDef> readCategories(Fields top) {
        Map<String, Pack.CategoryDef> out = new LinkedHashMap<>();
        forEachEntry(top, "categories", "data category", CATEGORY_KEYS, (key, f) -> out.put(key,
                new Pack.CategoryDef(key, clause(f, "clause", true), nn(f.text("description", true)),
                        f.bool("sensitive", false))));
        return out;
    }

    Map<String, Pack.RecipientDef> readRecipients(Fields top) {
        Map<String, Pack.RecipientDef> out = new LinkedHashMap<>();
        forEachEntry(top, "recipients", "recipient", RECIPIENT_KEYS, (key, f) -> {
            String location = loader.territory().place(f, "location", true);
            out.put(key, new Pack.RecipientDef(key, clause(f, "clause", true), nn(f.text("description", true)),
                    location == null ? "ZZ" : location));
        });
        return out;
    }

    Map<String, Obligation> readObligations(Fields top) {
        Map<String, Obligation> out = new LinkedHashMap<>();
        forEachEntry(top, "obligations", "obligation", OBLIGATION_KEYS, (key, f) -> out.put(key,
                new Obligation(key, nn(clause(f, "clause", true)), nn(f.text("description", true)))));
        return out;
    }
}
