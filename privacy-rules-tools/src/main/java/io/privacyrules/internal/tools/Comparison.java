package io.privacyrules.internal.tools;

import static io.privacyrules.internal.tools.PackDiff.KINDS;
import static io.privacyrules.internal.tools.PackDiff.NONE;

import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.tools.PackDiff.Change;
import io.privacyrules.internal.tools.PackDiff.Kind;
import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two versions a diff compares, and what the parts of the diff share: the changes found so far,
 * the ids renamed throughout, and how a change is classified by the pack's {@code changes} section.
 * {@link StructureDiff} and {@link BehaviourDiff} are the two parts; {@link PackDiff#compare} runs them.
 */
abstract class Comparison {
    /** What counts as a material change: the new version's declaration, else the old one's, else null. */
    final Pack.Changes declared;

    final LoadedPack oldPack;
    final LoadedPack newPack;
    final Pack a;
    final Pack b;
    final List<Change> changes;
    /** Old id to new id, for every id renamed throughout. */
    final Map<String, String> renamed;

    Comparison(LoadedPack oldPack, LoadedPack newPack) {
        this.oldPack = oldPack;
        this.newPack = newPack;
        this.a = oldPack.pack();
        this.b = newPack.pack();
        this.declared = b.changes() != null ? b.changes() : a.changes();
        this.changes = new ArrayList<>();
        this.renamed = new LinkedHashMap<>();
    }

    /** The same comparison, seen from another part of the diff: the same versions, changes and renames. */
    Comparison(Comparison other) {
        this.oldPack = other.oldPack;
        this.newPack = other.newPack;
        this.a = other.a;
        this.b = other.b;
        this.declared = other.declared;
        this.changes = other.changes;
        this.renamed = other.renamed;
    }

    void add(Kind kind, String item, String description, Location at) {
        changes.add(change(kind, item, description, at));
    }

    /**
     * A change of {@code kind} as the pack classifies it: a major kind the pack does not name is
     * minor; a reduced right needs consent only when the pack says so (else it is major, if rights
     * are). The item is the clause that makes it major and the kind's words.
     */
    Change change(Kind kind, String category, String description, Location at) {
        Kind k = kind;
        String clause = null;
        if (declared != null && k != Kind.MINOR) {
            clause = declared.major().get(category);
            if (k == Kind.REDUCED && !declared.consentForReducedRights()) {
                k = Kind.MAJOR;
            }
            if (clause == null) {
                k = Kind.MINOR;
            }
        }
        String item = k == Kind.MINOR ? NONE : (clause == null ? "" : clause + " ") + KINDS.getOrDefault(category, category);
        return new Change(k, item, description, at);
    }

    String map(String id) {
        return renamed.getOrDefault(id, id);
    }

    List<String> map(Collection<String> ids) {
        return ids == null ? null : ids.stream().map(this::map).toList();
    }

    static List<String> sorted(Collection<String> ids) {
        return ids.stream().sorted().toList();
    }
}
