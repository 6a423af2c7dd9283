package io.privacyrules.internal.tools;

import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.tools.Finding.Related;
import io.privacyrules.internal.tools.Finding.Severity;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static analysis of a pack. The checks over rule conditions work on the YAML rules symbolically
 * ({@link Cases}): they are exact for YAML and blind to DRL. Two checks ask the engine: whether a
 * record of each purpose gets a retention answer from a rule.
 *
 * <p>Codes: {@code never-fires}, {@code permit-overridden}, {@code recipient-abroad-forbidden},
 * {@code clause-not-implemented} (errors); {@code unused-id}, {@code sensitive-without-consent},
 * {@code purpose-without-retention}, {@code unmatched-acknowledgement} (warnings);
 * {@code no-implements} (info).
 */
public final class Lint {
    /** Every code lint reports, with its severity. */
    public static final Map<String, Severity> CODES = codes();

    private final LoadedPack loaded;
    private final Pack pack;
    private final Cases cases;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, List<Cases.Cube>> cubes = new LinkedHashMap<>();
    private final Map<String, List<Cases.Cube>> negated = new LinkedHashMap<>();

    private Lint(LoadedPack loaded) {
        this.loaded = loaded;
        this.pack = loaded.pack();
        this.cases = new Cases(pack);
        for (Pack.RuleDef r : pack.rules()) {
            cubes.put(r.id(), cases.cubes(r));
        }
    }

    private static Map<String, Severity> codes() {
        Map<String, Severity> m = new LinkedHashMap<>();
        m.put("never-fires", Severity.ERROR);
        m.put("permit-overridden", Severity.ERROR);
        m.put("recipient-abroad-forbidden", Severity.ERROR);
        m.put("clause-not-implemented", Severity.ERROR);
        m.put("unused-id", Severity.WARNING);
        m.put("sensitive-without-consent", Severity.WARNING);
        m.put("purpose-without-retention", Severity.WARNING);
        m.put("unmatched-acknowledgement", Severity.WARNING);
        m.put("no-implements", Severity.INFO);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The findings of lint on a loaded pack, sorted by file and line, with the pack's acknowledgements applied. */
    public static LintReport run(LoadedPack loaded) {
        Lint lint = new Lint(loaded);
        lint.neverFires();
        Set<String> forbidden = lint.recipientsAbroad();
        lint.permitsOverridden(forbidden);
        lint.implemented();
        lint.unused();
        lint.sensitive();
        lint.retention();
        return new LintReport(loaded.pack().info(), lint.acknowledge());
    }

    private void add(String code, String about, Location at, String message, List<Related> related) {
        findings.add(new Finding(CODES.get(code), code, about, at, message, related, null));
    }

    private Pack.RuleDef rule(String id) {
        return pack.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private List<Cases.Cube> notRule(String id) {
        return negated.computeIfAbsent(id, k -> cases.not(cubes.get(k)));
    }

    private static String ruleRef(Pack.RuleDef r) {
        return "rule " + r.id() + " (" + r.clause() + ")";
    }

    private List<Pack.RuleDef> denies() {
        return pack.rules().stream().filter(r -> r.effect() == Pack.Effect.DENY).toList();
    }

    // ---- never-fires ------------------------------------------------------------------------

    private void neverFires() {
        for (Pack.RuleDef r : pack.rules()) {
            if (!cubes.get(r.id()).isEmpty()) {
                // the rule can fire, but one of its when alternatives may be dead
                for (int i = 0; i < r.when().size() && r.when().size() > 1; i++) {
                    Cases.Cube c = Cases.Cube.of(r.when().get(i));
                    if (cases.witness(c) == null) {
                        add("never-fires", r.id() + "/when" + (i + 1), r.when().get(i).at(), ruleRef(r) + ": its when alternative "
                                + (i + 1) + " " + new Cases.Cube(cases.core(c)) + " cannot hold under the declarations", List.of());
                    }
                }
                continue;
            }
            List<String> why = new ArrayList<>();
            boolean whenHolds = r.when().isEmpty();
            for (Condition w : r.when()) {
                Cases.Cube c = Cases.Cube.of(w);
                if (cases.witness(c) == null) {
                    why.add("when " + new Cases.Cube(cases.core(c)) + " (line " + w.at().line() + ") cannot hold under the declarations");
                } else {
                    whenHolds = true;
                }
            }
            if (whenHolds) {
                why.add("its unless holds whenever its when does");
            }
            add("never-fires", r.id(), r.at(), ruleRef(r) + " can never fire: " + String.join("; ", why), List.of());
        }
    }

    // ---- recipients abroad ------------------------------------------------------------------

    /** Recipients outside the jurisdiction that a deny rule forbids entirely, with that rule. */
    private Set<String> recipientsAbroad() {
        Set<String> out = new LinkedHashSet<>();
        for (Pack.RecipientDef rec : pack.recipients().values()) {
            if (pack.territory().home(rec.location())) {
                continue;
            }
            List<Cases.Cube> to = List.of(new Cases.Cube(List.of(new Cases.Lit(Condition.Key.RECIPIENT, List.of(rec.id()), true))));
            for (Pack.RuleDef d : denies()) {
                if (!cases.and(to, notRule(d.id())).isEmpty()) {
                    continue;
                }
                List<Related> related = new ArrayList<>();
                related.add(new Related(d.at(), ruleRef(d) + " denies every request to it"));
                List<String> permits = new ArrayList<>();
                for (Pack.RuleDef p : pack.rules()) {
                    if (p.effect() == Pack.Effect.PERMIT && names(p, Condition.Key.RECIPIENT, rec.id())) {
                        permits.add(ruleRef(p) + " at " + LoadedPack.at(p.at()));
                        related.add(new Related(p.at(), ruleRef(p) + " permits requests to it"));
                    }
                }
                Location at = loaded.declaration("recipients", rec.id());
                add("recipient-abroad-forbidden", rec.id(), at, "recipient " + rec.id() + " (" + rec.clause()
                        + ") is located in " + rec.location() + ", outside " + pack.territory().jurisdiction() + ", and " + ruleRef(d) + " at "
                        + LoadedPack.at(d.at()) + " denies every request to it"
                        + (permits.isEmpty() ? "" : "; " + String.join(", ", permits) + " permit" + (permits.size() == 1 ? "s" : "")
                        + " requests to it in vain") + ": clause " + rec.clause() + " conflicts with " + d.clause()
                        + ", and deny overrides permit, so " + d.clause() + " wins", related);
                out.add(rec.id() + "|" + d.id());
                break;
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean names(Pack.RuleDef r, Condition.Key key, String id) {
        for (Condition c : r.when()) {
            Object v = c.tests().get(key);
            if (v instanceof List<?> l && ((List<String>) l).contains(id)) {
                return true;
            }
        }
        return false;
    }

    // ---- permits a deny always overrides ----------------------------------------------------

    /** One part of a permit: the action, purpose and recipient its when names (null where it names none). */
    private record Slice(String action, String purpose, String recipient) {
        List<Cases.Lit> lits() {
            List<Cases.Lit> l = new ArrayList<>();
            if (action != null) {
                l.add(new Cases.Lit(Condition.Key.ACTION, List.of(action), true));
            }
            if (purpose != null) {
                l.add(new Cases.Lit(Condition.Key.PURPOSE, List.of(purpose), true));
            }
            if (recipient != null) {
                l.add(new Cases.Lit(Condition.Key.RECIPIENT, List.of(recipient), true));
            }
            return l;
        }

        /** The rule's id with the ids of this part: {@code rule/share/government-authority}. */
        String about(String rule) {
            StringBuilder s = new StringBuilder(rule);
            for (String id : new String[] {action, purpose, recipient}) {
                if (id != null) {
                    s.append('/').append(id);
                }
            }
            return s.toString();
        }

        String describe() {
            List<String> parts = new ArrayList<>();
            if (action != null) {
                parts.add(action);
            }
            if (purpose != null) {
                parts.add("for " + purpose);
            }
            if (recipient != null) {
                parts.add("to " + recipient);
            }
            return String.join(" ", parts);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Slice> slices(Pack.RuleDef r) {
        Set<Slice> out = new LinkedHashSet<>();
        List<Condition> when = r.when().isEmpty() ? List.of(new Condition(Map.of(), r.at())) : r.when();
        for (Condition c : when) {
            List<String> actions = (List<String>) c.tests().get(Condition.Key.ACTION);
            List<String> purposes = (List<String>) c.tests().get(Condition.Key.PURPOSE);
            List<String> recipients = (List<String>) c.tests().get(Condition.Key.RECIPIENT);
            for (String a : actions == null ? java.util.Collections.<String>singletonList(null) : actions) {
                for (String p : purposes == null ? java.util.Collections.<String>singletonList(null) : purposes) {
                    for (String rec : recipients == null ? java.util.Collections.<String>singletonList(null) : recipients) {
                        out.add(new Slice(a, p, rec));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private void permitsOverridden(Set<String> reported) {
        for (Pack.RuleDef p : pack.rules()) {
            if (p.effect() != Pack.Effect.PERMIT || cubes.get(p.id()).isEmpty()) {
                continue;
            }
            List<Slice> slices = slices(p);
            for (Slice s : slices) {
                List<Cases.Cube> part = cases.and(cubes.get(p.id()), List.of(new Cases.Cube(s.lits())));
                String about = slices.size() == 1 ? p.id() : s.about(p.id());
                if (part.isEmpty()) {
                    Cases.Cube c = new Cases.Cube(s.lits()).and(new Cases.Cube(flatten(p)));
                    add("never-fires", about, p.at(), ruleRef(p) + " names " + s.describe() + " but can never fire for it: "
                            + new Cases.Cube(cases.core(c)) + " cannot hold under the declarations", List.of());
                    continue;
                }
                for (Pack.RuleDef d : denies()) {
                    if (!cases.and(part, notRule(d.id())).isEmpty()) {
                        continue;
                    }
                    if (s.recipient() != null && reported.contains(s.recipient() + "|" + d.id())) {
                        break; // reported once, as recipient-abroad-forbidden
                    }
                    add("permit-overridden", about, p.at(), ruleRef(p) + " permits " + s.describe() + ", but " + ruleRef(d)
                            + " at " + LoadedPack.at(d.at()) + " denies every such request; deny overrides permit, so this part of "
                            + p.id() + " never takes effect", List.of(new Related(d.at(), ruleRef(d) + " denies every such request")));
                    break;
                }
            }
        }
    }

    /** The tests of a rule's first when alternative (for naming a contradiction). */
    private static List<Cases.Lit> flatten(Pack.RuleDef r) {
        List<Cases.Lit> l = new ArrayList<>();
        if (!r.when().isEmpty()) {
            r.when().get(0).tests().forEach((k, v) -> {
                if (k != Condition.Key.ACTION && k != Condition.Key.PURPOSE && k != Condition.Key.RECIPIENT) {
                    l.add(new Cases.Lit(k, v, true));
                }
            });
        }
        return l;
    }

    // ---- clauses the pack implements ----------------------------------------------------------

    /** Every clause a rule cites, or that the engine cites on a rule's behalf, with what cites it. */
    static Map<String, List<String>> citations(LoadedPack loaded) {
        Pack pack = loaded.pack();
        Map<String, List<String>> out = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, String> cite = (clause, by) -> {
            if (clause != null) {
                out.computeIfAbsent(clause, k -> new ArrayList<>()).add(by);
            }
        };
        for (RuleMeta r : loaded.rules()) {
            cite.accept(r.clause(), "rule " + r.id());
        }
        cite.accept(pack.defaults().denyClause(), "the default deny");
        cite.accept(pack.defaults().invalidClause(), "invalid requests");
        Pack.Rights rights = pack.rights();
        rights.requests().values().forEach(r -> cite.accept(r.clause(), "right " + r.id()));
        rights.refusalGrounds().forEach((g, c) -> cite.accept(c, "refusal ground " + g));
        rights.erasureGrounds().forEach((g, c) -> cite.accept(c, "erasure ground " + g));
        if (!rights.unreasonableGrounds().isEmpty()) {
            cite.accept(rights.unreasonableClause(), "unreasonable requests");
        }
        rights.requests().values().forEach(r -> {
            if (r.extension() != null) {
                cite.accept(r.extension().clause(), "the extension of right " + r.id());
            }
        });
        // Every refusal carries the refusal obligations, each citing its own clause (GDPR Art. 12(4)).
        rights.refusalObligations().forEach(o -> cite.accept(pack.obligations().get(o).clause(), "refusal obligation " + o));
        // Retention periods are cited by the rules that keep or dispose by them ($r.clauseOf($p)).
        pack.retention().periods().forEach(p -> cite.accept(p.clause(), "retention period " + p.id()));
        return out;
    }

    /** The declared clauses the pack says it implements: those its {@code implements} entries cover. */
    static List<String> implementedClauses(Pack pack) {
        List<String> out = new ArrayList<>();
        for (String c : pack.clauses().keySet()) {
            if (pack.authoring().implementsClauses().stream().anyMatch(i -> Ids.covers(i, c))) {
                out.add(c);
            }
        }
        out.sort(ClauseOrder.INSTANCE);
        return out;
    }

    private void implemented() {
        List<String> declared = pack.authoring().implementsClauses();
        if (declared.isEmpty()) {
            add("no-implements", "implements", loaded.top("clauses"), "the pack does not say which clauses it implements, "
                    + "so lint cannot report clauses that no rule cites; add implements: [I, III, ...]", List.of());
            return;
        }
        Map<String, List<String>> cited = citations(loaded);
        for (String c : implementedClauses(pack)) {
            boolean covered = cited.keySet().stream().anyMatch(x -> Ids.covers(c, x));
            if (!covered) {
                Location at = implementsEntry(c);
                add("clause-not-implemented", c, at, "clause " + c + " (" + pack.clauses().get(c) + ") is implemented by the pack"
                        + " (implements), but no rule cites it or any of its items", List.of());
            }
        }
    }

    /** Where the implements entry covering {@code clause} is. */
    private Location implementsEntry(String clause) {
        Node n = loaded.root().get("implements");
        if (n instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                if (item instanceof Node.ScalarNode s && s.value() instanceof String t && Ids.covers(t, clause)) {
                    return s.at();
                }
            }
        }
        return n != null ? n.at() : loaded.top("implements");
    }

    // ---- unused ids -------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void unused() {
        Map<Condition.Key, Set<String>> named = new LinkedHashMap<>();
        for (Pack.RuleDef r : pack.rules()) {
            for (List<Condition> alts : List.of(r.when(), r.unless())) {
                for (Condition c : alts) {
                    c.tests().forEach((k, v) -> {
                        if (v instanceof List<?> l) {
                            named.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll((List<String>) l);
                        }
                    });
                }
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>(named.getOrDefault(Condition.Key.ACTION, Set.of()));
        Set<String> bases = new LinkedHashSet<>(named.getOrDefault(Condition.Key.PURPOSE_BASIS, Set.of()));
        for (Pack.PurposeDef p : pack.purposes().values()) {
            if (p.data() != null) {
                categories.addAll(p.data());
            }
            actions.addAll(p.actions());
            bases.add(p.basis());
        }
        pack.retention().periods().forEach(s -> categories.addAll(s.data()));
        Set<String> obligations = new LinkedHashSet<>();
        pack.rules().forEach(r -> obligations.addAll(r.obligations()));
        pack.rights().requests().values().forEach(r -> obligations.addAll(r.obligations()));
        pack.rights().requests().values().forEach(r -> {
            if (r.extension() != null) {
                obligations.addAll(r.extension().obligations());
            }
        });
        obligations.addAll(pack.rights().refusalObligations());
        Set<String> recipients = named.getOrDefault(Condition.Key.RECIPIENT, Set.of());
        DrlIndex drl = loaded.drl();
        report("categories", "category", pack.categories().keySet(), categories, drl,
                "no purpose lists it (data: any aside), and no retention period or DRL rule names it");
        report("actions", "action", pack.actions().keySet(), actions, drl, "no purpose lists it and no rule names it");
        report("bases", "legal basis", pack.bases().keySet(), bases, drl, "no purpose rests on it and no rule names it");
        report("recipients", "recipient", pack.recipients().keySet(), recipients, drl, "no rule names it");
        report("obligations", "obligation", pack.obligations().keySet(), obligations, drl, "no rule or right imposes it");
        if (loaded.root().get("calendars") instanceof Node.MapNode cals) {
            String used = pack.rights().calendar() == null ? null : pack.rights().calendar().id();
            for (String id : cals.entries().keySet()) {
                if (!id.equals(used)) {
                    add("unused-id", id, loaded.declaration("calendars", id), "calendar " + id
                            + " is declared but nothing uses it: the rights section does not name it", List.of());
                }
            }
        }
    }

    private void report(String section, String noun, Set<String> declared, Set<String> used, DrlIndex drl, String why) {
        for (String id : declared) {
            if (!used.contains(id) && !drl.names(id)) {
                add("unused-id", id, loaded.declaration(section, id), noun + " " + id + " is declared but nothing uses it: " + why,
                        List.of());
            }
        }
    }

    // ---- sensitive data collected without consent ---------------------------------------------

    private void sensitive() {
        Set<String> sensitive = new LinkedHashSet<>();
        pack.categories().values().stream().filter(Pack.CategoryDef::sensitive).forEach(c -> sensitive.add(c.id()));
        if (sensitive.isEmpty() || !pack.actions().containsKey("collect")) {
            return;
        }
        for (Pack.PurposeDef p : pack.purposes().values()) {
            if (!p.actions().contains("collect")) {
                continue;
            }
            List<String> collected = sensitive.stream().filter(p::allows).toList();
            Pack.RuleDef permit = pack.rules().stream().filter(r -> r.id().equals("purpose:" + p.id())).findFirst().orElse(null);
            if (collected.isEmpty() || permit == null) {
                continue;
            }
            Cases.Cube without = new Cases.Cube(List.of(
                    new Cases.Lit(Condition.Key.ACTION, List.of("collect"), true),
                    new Cases.Lit(Condition.Key.SENSITIVE_DATA, true, true),
                    new Cases.Lit(Condition.Key.CONSENT, Condition.ConsentTest.NONE, true),
                    new Cases.Lit(Condition.Key.REQUIRED_BY_LAW, false, true)));
            List<Cases.Cube> theCase = cases.and(cubes.get(permit.id()), List.of(without));
            if (theCase.isEmpty()) {
                continue; // the purpose needs a consent
            }
            boolean answered = pack.rules().stream()
                    .filter(r -> r.effect() == Pack.Effect.DENY || !r.obligations().isEmpty())
                    .filter(r -> !r.id().equals(permit.id()))
                    .anyMatch(r -> cases.and(theCase, notRule(r.id())).isEmpty());
            if (!answered) {
                add("sensitive-without-consent", p.id(), p.at(), "purpose " + p.id() + " (" + p.clause() + ") collects sensitive "
                        + (collected.size() == 1 ? "category " : "categories ") + String.join(", ", collected)
                        + " with no consent and no obligation (such as a notice) required", List.of());
            }
        }
    }

    // ---- purposes without a retention rule ----------------------------------------------------

    private void retention() {
        java.time.LocalDate day = pack.info().effective();
        Set<String> retentionRules = new LinkedHashSet<>();
        for (RuleMeta r : loaded.rules()) {
            if ("retention".equals(loaded.kind(r))) {
                retentionRules.add(r.name());
            }
        }
        for (Pack.PurposeDef p : pack.purposes().values()) {
            String category = p.data() != null && !p.data().isEmpty() ? p.data().iterator().next()
                    : pack.categories().keySet().stream().findFirst().orElse(null);
            if (category == null) {
                continue;
            }
            Set<String> fired = new LinkedHashSet<>();
            Verdict.Trace trace = r -> fired.add(r.name());
            loaded.engine().decide(RetentionQuery.builder().data(category).purposes(p.id()).asOf(day).build(), day, trace);
            boolean whileRunning = fired.stream().anyMatch(retentionRules::contains);
            fired.clear();
            RetentionDecision after = loaded.engine().decide(RetentionQuery.builder().data(category).purposes(p.id())
                    .purposesFulfilled(p.id()).asOf(day).build(), day, trace);
            boolean afterwards = fired.stream().anyMatch(retentionRules::contains)
                    && after.reasons().stream().noneMatch(r -> r.code().equals("no-disposal-rule"));
            if (!whileRunning || !afterwards) {
                add("purpose-without-retention", p.id(), p.at(), "purpose " + p.id() + " (" + p.clause() + ") has no retention rule: "
                        + (!whileRunning ? "no rule answers whether a record of " + category + " for it is kept while the purpose lasts"
                        : "no rule answers what happens to a record of " + category + " once the purpose is fulfilled")
                        + (retentionRules.isEmpty() ? " (the pack has no retention rules)" : ""), List.of());
            }
        }
    }

    // ---- acknowledgements -------------------------------------------------------------------

    private List<Finding> acknowledge() {
        List<Finding> out = new ArrayList<>();
        List<Pack.Acknowledgement> acks = pack.authoring().acknowledged();
        boolean[] used = new boolean[acks.size()];
        for (Finding f : findings) {
            Finding g = f;
            for (int i = 0; i < acks.size(); i++) {
                Pack.Acknowledgement a = acks.get(i);
                if (a.code().equals(f.code()) && a.about().equals(f.about())) {
                    g = f.acknowledge(a.reason());
                    used[i] = true;
                    break;
                }
            }
            out.add(g);
        }
        for (int i = 0; i < acks.size(); i++) {
            if (!used[i]) {
                Pack.Acknowledgement a = acks.get(i);
                out.add(new Finding(Severity.WARNING, "unmatched-acknowledgement", a.about(), a.at(), "the pack acknowledges "
                        + a.code() + " about " + a.about() + ", but lint finds no such finding"
                        + (CODES.containsKey(a.code()) ? "; remove the acknowledgement" : "; lint has no code " + a.code()),
                        List.of(), null));
            }
        }
        out.sort(Comparator.comparing((Finding f) -> f.at().file()).thenComparingInt(f -> f.at().line())
                .thenComparing(Finding::code).thenComparing(Finding::about));
        return List.copyOf(out);
    }
}
