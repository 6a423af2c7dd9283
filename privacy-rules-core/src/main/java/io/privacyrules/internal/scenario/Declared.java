package io.privacyrules.internal.scenario;

import io.privacyrules.PolicyEngine;
import io.privacyrules.internal.EngineAccess;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Suggest;
import io.privacyrules.internal.engine.Engine;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackCodes;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a scenario's {@code expect} may name, so that a misspelt identifier fails its scenario with a
 * hint instead of passing silently (as it would in {@code noObligations}) or failing obscurely:
 * the clauses and obligations the pack declares, and the reason codes it can give (its rules', its
 * default deny's, its DRL's and the engine's own). For layered packs, what any layer declares.
 *
 * @param clauses     the declared clauses
 * @param obligations the declared obligations
 * @param codes       every reason code a decision can carry
 */
record Declared(Set<String> clauses, Set<String> obligations, Set<String> codes) {
    /** The identifiers of the engine's pack, or of all its layers. */
    static Declared of(PolicyEngine engine) {
        Set<String> clauses = new LinkedHashSet<>();
        Set<String> obligations = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (Engine e : EngineAccess.decider(engine).engines()) {
            Pack pack = e.pack();
            clauses.addAll(pack.clauses().keySet());
            obligations.addAll(pack.obligations().keySet());
            codes.addAll(PackCodes.of(e.compiled()));
        }
        codes.addAll(Engine.ENGINE_CODES);
        return new Declared(Set.copyOf(clauses), Set.copyOf(obligations), Set.copyOf(codes));
    }

    /** True when {@code clause} is declared or covers a declared clause ({@code III} covers {@code III.2}). */
    boolean coversAClause(String clause) {
        return clauses.stream().anyMatch(c -> Ids.covers(clause, c));
    }

    /** "did you mean 'x'?", or the known ids when there are few, or where they are declared. */
    static String hint(String word, Collection<String> known) {
        String near = Suggest.nearest(word, known);
        if (near != null) {
            return "did you mean '" + near + "'?";
        }
        if (known.size() <= 12) {
            return "the pack has: " + known.stream().sorted().collect(Collectors.joining(", "));
        }
        return "check the spelling against the pack's policy.yaml and DRL files";
    }
}
