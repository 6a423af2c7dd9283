package io.privacyrules.internal.tools;

import io.privacyrules.PolicyEngine;
import io.privacyrules.Scenarios;
import io.privacyrules.internal.Authoring;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules and clauses a pack's scenarios exercised. A rule is covered when some scenario fired
 * it and some scenario of its kind (a processing request for YAML rules; the fact a DRL rule matches
 * for DRL rules) ran the rules without firing it. A clause is covered likewise, where a clause fires
 * in a scenario when a rule citing it or one of its items fired, or the answer cited it (the default
 * deny, a V.8 ground). The clauses counted are those the pack implements ({@code implements:}), or,
 * when it does not say, every clause a rule cites.
 */
public final class Coverage {
    private Coverage() {
    }

    /** Runs every scenario at {@code fileOrDirs}, recording what fired. */
    public static List<ScenarioRunner.Observed> observe(PolicyEngine engine, List<Path> fileOrDirs) {
        List<ScenarioRunner.Observed> out = new ArrayList<>();
        for (Path p : fileOrDirs) {
            for (Path file : Scenarios.files(p)) {
                out.addAll(Authoring.observe(engine, file));
            }
        }
        return out;
    }

    /**
     * The clauses of the pack's rights and retention data, each with the kind of scenario that can
     * exercise it: rights, grounds and the unreasonable-request clause by a rights request, statutory
     * periods and the service-life clause by a retention query. A scenario of that kind that ran the
     * rules without exercising the clause saw it not firing.
     */
    private static Map<String, String> dataClauseKinds(Pack pack) {
        Map<String, String> out = new LinkedHashMap<>();
        Pack.Rights rights = pack.rights();
        rights.requests().values().forEach(r -> out.put(r.clause(), "rightsRequest"));
        rights.refusalGrounds().values().forEach(c -> out.put(c, "rightsRequest"));
        rights.erasureGrounds().values().forEach(c -> out.put(c, "rightsRequest"));
        if (rights.unreasonableClause() != null) {
            out.put(rights.unreasonableClause(), "rightsRequest");
        }
        pack.retention().periods().forEach(p -> {
            if (p.clause() != null) {
                out.putIfAbsent(p.clause(), "retention");
            }
        });
        pack.retention().events().values().forEach(e -> {
            if (e.clause() != null) {
                out.putIfAbsent(e.clause(), "retention");
            }
        });
        return out;
    }

    /** The coverage of the pack's rules and clauses by {@code observed}. */
    public static CoverageReport of(LoadedPack loaded, List<ScenarioRunner.Observed> observed) {
        List<RuleMeta> rules = loaded.rules();
        Map<String, RuleMeta> byName = new LinkedHashMap<>();
        rules.forEach(r -> byName.put(r.name(), r));
        List<CoverageReport.Item> ruleItems = new ArrayList<>();
        for (RuleMeta r : rules) {
            String kind = loaded.kind(r);
            int fired = 0;
            int notFired = 0;
            for (ScenarioRunner.Observed o : observed) {
                if (o.fired().contains(r.name())) {
                    fired++;
                } else if (o.evaluated() && (kind == null || kind.equals(o.kind()))) {
                    notFired++;
                }
            }
            ruleItems.add(new CoverageReport.Item(r.id(), r.clause(), LoadedPack.effect(r), loaded.where(r), fired, notFired));
        }

        List<String> clauses = loaded.pack().authoring().implementsClauses().isEmpty()
                ? new ArrayList<>(Lint.citations(loaded).keySet()) : Lint.implementedClauses(loaded.pack());
        clauses.sort(ClauseOrder.INSTANCE);
        List<CoverageReport.Item> clauseItems = new ArrayList<>();
        Map<String, String> dataKinds = dataClauseKinds(loaded.pack());
        for (String c : clauses) {
            Set<String> kinds = new LinkedHashSet<>();
            dataKinds.forEach((clause, kind) -> {
                if (Ids.covers(c, clause)) {
                    kinds.add(kind);
                }
            });
            for (RuleMeta r : rules) {
                if (Ids.covers(c, r.clause())) {
                    String k = loaded.kind(r);
                    kinds.add(k == null ? "*" : k);
                }
            }
            List<Boolean> firedIn = new ArrayList<>();
            for (ScenarioRunner.Observed o : observed) {
                boolean f = o.clauses().stream().anyMatch(x -> Ids.covers(c, x))
                        || o.fired().stream().map(byName::get).anyMatch(r -> r != null && Ids.covers(c, r.clause()));
                firedIn.add(f);
                if (f) {
                    kinds.add(o.kind());
                }
            }
            int fired = 0;
            int notFired = 0;
            for (int i = 0; i < observed.size(); i++) {
                ScenarioRunner.Observed o = observed.get(i);
                if (firedIn.get(i)) {
                    fired++;
                } else if (o.evaluated() && (kinds.contains("*") || kinds.contains(o.kind()))) {
                    notFired++;
                }
            }
            clauseItems.add(new CoverageReport.Item(c, loaded.pack().clauses().getOrDefault(c, ""), "clause", null, fired, notFired));
        }
        long scenarios = observed.stream().filter(o -> !o.kind().equals("file")).count();
        return new CoverageReport(loaded.pack().info(), (int) scenarios, clauseItems, ruleItems,
                loaded.pack().authoring().coverageMinimum());
    }
}
