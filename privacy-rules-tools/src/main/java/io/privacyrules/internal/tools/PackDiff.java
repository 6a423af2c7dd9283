package io.privacyrules.internal.tools;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.yaml.Location;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two versions of a pack and classifies every change by what the pack itself says a
 * material change is: its {@code changes} section names the policy's update clause and, for each
 * kind of change (purposes, categories, ways of use, ownership, recipients, rights, contact), the
 * clause that makes it major, that is, in need of a clear notice; a kind it does not name is
 * minor, and with {@code consentForReducedRights} a change that reduces a right needs the
 * subject's consent. A pack that declares no {@code changes} gets the cautious reading: every
 * kind is major and a reduced right needs consent. The new version's declaration counts (the
 * old one's when the new one has none). The authoring sections ({@code implements}, {@code lint},
 * {@code coverage}) change no decision and are not compared.
 *
 * <p>Ids renamed throughout (a declaration removed and an identical one added under another id)
 * are reported once, as a rename, and references to them compare equal. A behavioural diff decides
 * a fixed, generated set of requests with both versions and reports which answers changed.
 */
public final class PackDiff {

    /** The class of a change, from least to most demanding. */
    public enum Kind {
        MINOR, MAJOR, REDUCED
    }

    /**
     * One change.
     *
     * @param item  the item of Section VIII it falls under ({@code VIII.3 recipients}), or {@code -} for a minor change
     * @param at    where it is in the new version (the old one for a removal)
     */
    public record Change(Kind kind, String item, String description, Location at) {
        public String line() {
            return String.format("%-7s %-22s %s (%s)", kind.name(), item, description, LoadedPack.at(at));
        }
    }

    /** A generated request whose answer differs between the versions: ids only. */
    public record Changed(String request, String before, String after) {
        public String line() {
            return request + ": " + before + " -> " + after;
        }
    }

    /**
     * The behavioural diff: the generated requests decided by both versions.
     *
     * @param requests          how many processing requests were generated
     * @param decisions         those valid in both versions whose decision or obligations changed
     * @param newIds            how many use ids only the new version declares
     * @param newlyPermitted    of those, the ones the new version permits
     * @param oldIds            how many use ids only the old version declares
     * @param formerlyPermitted of those, the ones the old version permitted
     * @param rightsRequests    how many data-subject requests were generated
     * @param rights            those valid in both versions whose answer changed
     * @param rightsReduced     how many of those the new version answers less favourably
     */
    public record Behaviour(int requests, List<Changed> decisions, int newIds, List<Changed> newlyPermitted, int oldIds,
                            List<Changed> formerlyPermitted, int rightsRequests, List<Changed> rights, int rightsReduced) {
        public static final Behaviour NONE = new Behaviour(0, List.of(), 0, List.of(), 0, List.of(), 0, List.of(), 0);
    }

    /** The outcome of a comparison: the changes, one per line, and the behavioural diff. */
    public record Report(List<Change> changes, Behaviour behaviour, String updateClause) {
        public boolean reduced() {
            return changes.stream().anyMatch(c -> c.kind() == Kind.REDUCED);
        }

        public boolean major() {
            return changes.stream().anyMatch(c -> c.kind() != Kind.MINOR);
        }

        /** 0 no change, 3 minor changes only, 4 a major change, 5 a right reduced. */
        public int exitCode() {
            return changes.isEmpty() ? 0 : reduced() ? 5 : major() ? 4 : 3;
        }

        public long count(Kind k) {
            return changes.stream().filter(c -> c.kind() == k).count();
        }

        private String cite() {
            return updateClause == null ? "" : ", " + updateClause;
        }

        /** The change lines, the behaviour with up to {@code examples} examples of each kind, and the summary. */
        public List<String> lines(int examples) {
            Behaviour b = behaviour;
            List<String> out = new ArrayList<>();
            changes.forEach(c -> out.add(c.line()));
            long up = b.decisions().stream().filter(c -> c.before().startsWith("deny") && c.after().startsWith("permit")).count();
            long down = b.decisions().stream().filter(c -> c.before().startsWith("permit") && c.after().startsWith("deny")).count();
            out.add("behaviour: " + b.requests() + " generated requests: " + b.decisions().size() + " change decision or obligations ("
                    + up + " deny->permit, " + down + " permit->deny, " + (b.decisions().size() - up - down) + " obligations only); "
                    + b.newIds() + " use ids only the new version declares (" + b.newlyPermitted().size() + " permitted), "
                    + b.oldIds() + " ids only the old one declared (" + b.formerlyPermitted().size() + " were permitted); "
                    + b.rights().size() + " of " + b.rightsRequests() + " data-subject requests change answer ("
                    + b.rightsReduced() + " less favourable)");
            b.decisions().stream().limit(examples).forEach(c -> out.add("  request " + c.line()));
            b.newlyPermitted().stream().limit(examples).forEach(c -> out.add("  new request " + c.line()));
            b.formerlyPermitted().stream().limit(examples).forEach(c -> out.add("  old request " + c.line()));
            b.rights().stream().limit(examples).forEach(c -> out.add("  rights request " + c.line()));
            out.add("summary: " + (changes.isEmpty() ? "no change" : changes.size() + (changes.size() == 1 ? " change: " : " changes: ")
                    + count(Kind.REDUCED) + " reduce a right (explicit consent needed" + cite() + "), " + count(Kind.MAJOR)
                    + " major (clear notice needed" + cite() + "), " + count(Kind.MINOR) + " minor"));
            return out;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changes", changes.stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("class", c.kind().name().toLowerCase(java.util.Locale.ROOT));
                cm.put("item", c.item());
                cm.put("change", c.description());
                cm.put("file", c.at().file());
                cm.put("line", c.at().line());
                return cm;
            }).toList());
            Behaviour b = behaviour;
            m.put("requests", b.requests());
            m.put("decisionsChanged", b.decisions().stream().map(PackDiff::changedMap).toList());
            m.put("newIds", b.newIds());
            m.put("newlyPermitted", b.newlyPermitted().stream().map(PackDiff::changedMap).toList());
            m.put("oldIds", b.oldIds());
            m.put("formerlyPermitted", b.formerlyPermitted().stream().map(PackDiff::changedMap).toList());
            m.put("rightsRequests", b.rightsRequests());
            m.put("rightsAnswersChanged", b.rights().stream().map(PackDiff::changedMap).toList());
            m.put("rightsReduced", b.rightsReduced());
            m.put("exitCode", exitCode());
            return m;
        }
    }

    private static Map<String, Object> changedMap(Changed c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request", c.request());
        m.put("before", c.before());
        m.put("after", c.after());
        return m;
    }

    /** The kinds of change a pack's {@code changes.major} may name, with their words in a report. */
    public static final Map<String, String> KINDS = kinds();
    static final String PURPOSES = "purposes";
    static final String CATEGORIES = "categories";
    static final String USE = "use";
    static final String OWNERSHIP = "controller";
    static final String RECIPIENTS = "recipients";
    static final String RIGHTS = "rights";
    static final String CONTACT = "contact";
    static final String NONE = "-";

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put(PURPOSES, "purposes");
        k.put(CATEGORIES, "categories");
        k.put(USE, "ways of use");
        k.put(OWNERSHIP, "ownership");
        k.put(RECIPIENTS, "recipients");
        k.put(RIGHTS, "rights");
        k.put(CONTACT, "contact");
        return java.util.Collections.unmodifiableMap(k);
    }

    /** What counts as a material change: the new version's declaration, else the old one's, else null. */
    private final Pack.Changes declared;

    private final LoadedPack oldPack;
    private final LoadedPack newPack;
    private final Pack a;
    private final Pack b;
    private final List<Change> changes = new ArrayList<>();
    /** Old id to new id, for every id renamed throughout. */
    private final Map<String, String> renamed = new LinkedHashMap<>();

    private PackDiff(LoadedPack oldPack, LoadedPack newPack) {
        this.oldPack = oldPack;
        this.newPack = newPack;
        this.a = oldPack.pack();
        this.b = newPack.pack();
        this.declared = b.changes() != null ? b.changes() : a.changes();
    }

    /** Compares {@code oldPack} with {@code newPack}. */
    public static Report compare(LoadedPack oldPack, LoadedPack newPack) {
        PackDiff d = new PackDiff(oldPack, newPack);
        d.structure();
        Behaviour behaviour = d.behaviour();
        List<Change> changes = new ArrayList<>(d.changes);
        if (behaviour.rightsReduced() > 0 && changes.stream().noneMatch(c -> c.kind() == Kind.REDUCED)) {
            changes.add(d.change(Kind.REDUCED, RIGHTS, behaviour.rightsReduced() + " generated data-subject requests are answered"
                    + " less favourably by the new version (see behaviour)", newPack.top("rights")));
        }
        return new Report(List.copyOf(changes), behaviour, d.declared == null ? null : d.declared.clause());
    }

    private void add(Kind kind, String item, String description, Location at) {
        changes.add(change(kind, item, description, at));
    }

    /**
     * A change of {@code kind} as the pack classifies it: a major kind the pack does not name is
     * minor; a reduced right needs consent only when the pack says so (else it is major, if rights
     * are). The item is the clause that makes it major and the kind's words.
     */
    private Change change(Kind kind, String category, String description, Location at) {
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

    private String map(String id) {
        return renamed.getOrDefault(id, id);
    }

    private List<String> map(Collection<String> ids) {
        return ids == null ? null : ids.stream().map(this::map).toList();
    }

    // ---- structure ----------------------------------------------------------------------------

    private void structure() {
        info();
        controller();
        sections();
        purposes();
        children();
        defaults();
        rules();
        drl();
        rights();
        retention();
    }

    private void info() {
        var x = a.info();
        var y = b.info();
        Location at = newPack.top("version");
        minorIfChanged("title", x.title(), y.title(), newPack.top("title"));
        minorIfChanged("version", x.version(), y.version(), at);
        minorIfChanged("effective date", x.effective().toString(), y.effective().toString(), newPack.top("effective"));
        minorIfChanged("time zone", a.timeZone().getId(), b.timeZone().getId(), newPack.top("timeZone"));
        if (!x.jurisdiction().equals(y.jurisdiction())) {
            add(Kind.MAJOR, USE, "jurisdiction " + x.jurisdiction() + " -> " + y.jurisdiction()
                    + ": where personal information is kept changes", newPack.top("jurisdiction"));
        }
        String sa = text(oldPack, "source");
        String sb = text(newPack, "source");
        if (!Objects.equals(sa, sb)) {
            add(Kind.MINOR, NONE, "source text changed", newPack.top("source"));
        }
    }

    private static String text(LoadedPack p, String key) {
        return p.root().get(key) instanceof io.privacyrules.internal.yaml.Node.ScalarNode s ? String.valueOf(s.value()) : null;
    }

    private void minorIfChanged(String what, String x, String y, Location at) {
        if (!Objects.equals(x, y)) {
            add(Kind.MINOR, NONE, what + " " + x + " -> " + y, at);
        }
    }

    private void controller() {
        Pack.Controller x = a.authoring().controller();
        Pack.Controller y = b.authoring().controller();
        Location at = newPack.top("controller");
        if (!Objects.equals(x == null ? null : x.name(), y == null ? null : y.name())) {
            add(Kind.MAJOR, OWNERSHIP, "controller name " + (x == null ? "added" : y == null ? "removed" : "changed")
                    + ": who operates the processing changes", at);
        }
        if (!Objects.equals(x == null ? null : x.department(), y == null ? null : y.department())) {
            add(Kind.MAJOR, CONTACT, "department responsible for personal information changed", at);
        }
        if (!Objects.equals(x == null ? null : x.contact(), y == null ? null : y.contact())) {
            add(Kind.MAJOR, CONTACT, "contact changed", at);
        }
    }

    /** The vocabulary sections, with renames found first so that later comparisons see through them. */
    private void sections() {
        section("clauses", "clause", a.clauses(), b.clauses(), h -> h, false, (id, x, y) -> {
            add(Kind.MINOR, NONE, "clause " + id + ": heading changed", newPack.declaration("clauses", id));
        }, Kind.MINOR, NONE);
        section("actions", "action", a.actions(), b.actions(), d -> List.of(d.description(), d.requiresRecipient()), true,
                (id, x, y) -> add(Kind.MINOR, NONE, "action " + id + ": " + fields(
                        List.of("description", "requiresRecipient"), List.of(x.description(), x.requiresRecipient()),
                        List.of(y.description(), y.requiresRecipient())), newPack.declaration("actions", id)), Kind.MAJOR, USE);
        section("bases", "legal basis", a.bases(), b.bases(), h -> h, false,
                (id, x, y) -> add(Kind.MINOR, NONE, "legal basis " + id + ": description changed", newPack.declaration("bases", id)),
                Kind.MINOR, NONE);
        section("categories", "category", a.categories(), b.categories(), d -> List.of(d.clause(), d.description(), d.sensitive()), true,
                (id, x, y) -> {
                    Location at = newPack.declaration("categories", id);
                    if (x.sensitive() != y.sensitive()) {
                        add(Kind.MAJOR, CATEGORIES, "category " + id + (y.sensitive() ? " becomes sensitive" : " is no longer sensitive"), at);
                    }
                    if (!x.clause().equals(y.clause()) || !x.description().equals(y.description())) {
                        add(Kind.MINOR, NONE, "category " + id + ": " + fields(List.of("clause", "description"),
                                List.of(x.clause(), x.description()), List.of(y.clause(), y.description())), at);
                    }
                }, Kind.MAJOR, CATEGORIES);
        section("recipients", "recipient", a.recipients(), b.recipients(), d -> List.of(d.clause(), d.description(), d.location()), true,
                (id, x, y) -> {
                    Location at = newPack.declaration("recipients", id);
                    if (!x.location().equals(y.location())) {
                        add(Kind.MAJOR, RECIPIENTS, "recipient " + id + ": location " + x.location() + " -> " + y.location(), at);
                    }
                    if (!x.description().equals(y.description())) {
                        add(Kind.MAJOR, RECIPIENTS, "recipient " + id + ": description changed (it names who receives the data)", at);
                    }
                    if (!x.clause().equals(y.clause())) {
                        add(Kind.MINOR, NONE, "recipient " + id + ": clause " + x.clause() + " -> " + y.clause(), at);
                    }
                }, Kind.MAJOR, RECIPIENTS);
        section("obligations", "obligation", a.obligations(), b.obligations(), o -> List.of(o.clause(), o.description()), true,
                (id, x, y) -> add(Kind.MINOR, NONE, "obligation " + id + ": " + fields(List.of("clause", "description"),
                        List.of(x.clause(), x.description()), List.of(y.clause(), y.description())),
                        newPack.declaration("obligations", id)), Kind.MAJOR, USE);
    }

    private interface Changed3<T> {
        void changed(String id, T before, T after);
    }

    private static String fields(List<String> names, List<?> x, List<?> y) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!Objects.equals(x.get(i), y.get(i))) {
                Object v = x.get(i);
                out.add(v instanceof Boolean || names.get(i).equals("clause") ? names.get(i) + " " + x.get(i) + " -> " + y.get(i)
                        : names.get(i) + " changed");
            }
        }
        return String.join(", ", out);
    }

    /**
     * Compares one vocabulary section: additions and removals are {@code kind} under {@code item},
     * an identical declaration under a new id is a rename (when {@code renames}), and declarations
     * kept under the same id go to {@code changed} when their {@code content} differs.
     */
    private <T> void section(String section, String noun, Map<String, T> x, Map<String, T> y, Function<T, Object> content,
                             boolean renames, Changed3<T> changed, Kind kind, String item) {
        Set<String> removed = new LinkedHashSet<>(sorted(x.keySet()));
        removed.removeAll(y.keySet());
        Set<String> added = new LinkedHashSet<>(sorted(y.keySet()));
        added.removeAll(x.keySet());
        if (renames) {
            for (String r : List.copyOf(removed)) {
                List<String> same = added.stream().filter(n -> content.apply(x.get(r)).equals(content.apply(y.get(n)))).toList();
                List<String> others = removed.stream().filter(o -> content.apply(x.get(o)).equals(content.apply(x.get(r)))).toList();
                if (same.size() == 1 && others.size() == 1) {
                    String n = same.get(0);
                    renamed.put(r, n);
                    removed.remove(r);
                    added.remove(n);
                    add(kind, item, noun + " " + r + " renamed to " + n, newPack.declaration(section, n));
                }
            }
        }
        for (String r : removed) {
            add(kind, item, noun + " " + r + " removed", oldPack.declaration(section, r));
        }
        for (String n : added) {
            add(kind, item, noun + " " + n + " added", newPack.declaration(section, n));
        }
        for (String id : sorted(x.keySet())) {
            if (y.containsKey(id) && !content.apply(x.get(id)).equals(content.apply(y.get(id)))) {
                changed.changed(id, x.get(id), y.get(id));
            }
        }
    }

    private static List<String> sorted(Collection<String> ids) {
        return ids.stream().sorted().toList();
    }

    private void purposes() {
        Function<Pack.PurposeDef, Object> content = p -> List.of(p.clause(), p.description(), p.basis(), sorted(p.actions()),
                p.data() == null ? "any" : sorted(p.data()), conditions(p.requires(), Function.identity()));
        Map<String, Pack.PurposeDef> x = a.purposes();
        Map<String, Pack.PurposeDef> y = b.purposes();
        section("purposes", "purpose", x, y, content, true, (id, p, q) -> { }, Kind.MAJOR, PURPOSES);
        for (String id : sorted(x.keySet())) {
            String nid = map(id);
            Pack.PurposeDef p = x.get(id);
            Pack.PurposeDef q = y.get(nid);
            if (q == null) {
                continue;
            }
            Location at = newPack.declaration("purposes", nid);
            List<String> what = new ArrayList<>();
            if (!map(p.basis()).equals(q.basis())) {
                what.add("basis " + p.basis() + " -> " + q.basis());
            }
            setDiff(what, "actions", map(p.actions()), q.actions());
            if ((p.data() == null) != (q.data() == null)) {
                what.add("data " + (p.data() == null ? "any" : "a list") + " -> " + (q.data() == null ? "any" : "a list"));
            } else if (p.data() != null) {
                setDiff(what, "data", map(p.data()), q.data());
            }
            if (!conditions(p.requires(), this::map).equals(conditions(q.requires(), Function.identity()))) {
                what.add("requires changed");
            }
            if (!what.isEmpty()) {
                add(Kind.MAJOR, PURPOSES, "purpose " + nid + ": " + String.join(", ", what), at);
            }
            if (!p.description().equals(q.description()) || !p.clause().equals(q.clause())) {
                add(Kind.MINOR, NONE, "purpose " + nid + ": " + fields(List.of("clause", "description"),
                        List.of(p.clause(), p.description()), List.of(q.clause(), q.description())), at);
            }
        }
    }

    private static void setDiff(List<String> what, String name, Collection<String> x, Collection<String> y) {
        Set<String> plus = new LinkedHashSet<>(sorted(y));
        plus.removeAll(x);
        Set<String> minus = new LinkedHashSet<>(sorted(x));
        minus.removeAll(y);
        if (!plus.isEmpty()) {
            what.add(name + " adds " + String.join(", ", plus));
        }
        if (!minus.isEmpty()) {
            what.add(name + " drops " + String.join(", ", minus));
        }
    }

    /** Conditions as comparable text, with ids passed through {@code ids}. */
    @SuppressWarnings("unchecked")
    private static List<String> conditions(List<Condition> cs, Function<String, String> ids) {
        List<String> out = new ArrayList<>();
        for (Condition c : cs) {
            Map<String, String> tests = new TreeMap<>();
            c.tests().forEach((k, v) -> tests.put(k.yaml, v instanceof List<?> l
                    ? ((List<String>) l).stream().map(ids).sorted().toList().toString()
                    : v instanceof String s ? ids.apply(s) : v instanceof Condition.ConsentTest t ? t.show() : String.valueOf(v)));
            out.add(tests.toString());
        }
        return out;
    }

    private void children() {
        Pack.ChildRule x = a.children();
        Pack.ChildRule y = b.children();
        Location at = newPack.top("children");
        if (y.under() < x.under()) {
            add(Kind.REDUCED, RIGHTS, "children: the age below which a subject is a child drops from " + x.under() + " to " + y.under()
                    + ", so fewer subjects have a guardian's protection", at);
        } else if (y.under() > x.under()) {
            add(Kind.MAJOR, RIGHTS, "children: the age below which a subject is a child rises from " + x.under() + " to " + y.under(), at);
        }
        if (!x.clause().equals(y.clause())) {
            add(Kind.MINOR, NONE, "children: clause " + x.clause() + " -> " + y.clause(), at);
        }
    }

    private void defaults() {
        if (!a.defaults().equals(b.defaults())) {
            add(Kind.MINOR, NONE, "defaults: the engine's own reasons changed (clause, code or message)", newPack.top("defaults"));
        }
    }

    /** The YAML rules (not the rules generated from purposes, compared with the purposes). */
    private void rules() {
        Map<String, Pack.RuleDef> x = yamlRules(a);
        Map<String, Pack.RuleDef> y = yamlRules(b);
        for (String id : x.keySet()) {
            if (!y.containsKey(id)) {
                Pack.RuleDef r = x.get(id);
                add(Kind.MAJOR, ruleItem(r.clause()), "rule " + id + " (" + r.clause() + ", " + effect(r) + ") removed", r.at());
            }
        }
        for (String id : y.keySet()) {
            Pack.RuleDef r = y.get(id);
            Pack.RuleDef old = x.get(id);
            if (old == null) {
                add(Kind.MAJOR, ruleItem(r.clause()), "rule " + id + " (" + r.clause() + ", " + effect(r) + ") added", r.at());
                continue;
            }
            boolean logic = old.effect() != r.effect()
                    || !map(old.obligations()).equals(r.obligations())
                    || !conditions(old.when(), this::map).equals(conditions(r.when(), Function.identity()))
                    || !conditions(old.unless(), this::map).equals(conditions(r.unless(), Function.identity()));
            if (logic) {
                add(Kind.MAJOR, ruleItem(r.clause()), "rule " + id + " (" + r.clause() + "): " + ruleWhat(old, r), r.at());
            }
            if (!old.clause().equals(r.clause()) || !Objects.equals(old.code(), r.code()) || !Objects.equals(old.message(), r.message())) {
                add(Kind.MINOR, NONE, "rule " + id + ": " + fields(List.of("clause", "code", "message"),
                        List.of(old.clause(), String.valueOf(old.code()), String.valueOf(old.message())),
                        List.of(r.clause(), String.valueOf(r.code()), String.valueOf(r.message()))), r.at());
            }
        }
    }

    private String ruleWhat(Pack.RuleDef old, Pack.RuleDef r) {
        List<String> what = new ArrayList<>();
        if (old.effect() != r.effect()) {
            what.add("effect " + effect(old) + " -> " + effect(r));
        }
        if (!map(old.obligations()).equals(r.obligations())) {
            setDiff(what, "obligations", map(old.obligations()), r.obligations());
        }
        if (!conditions(old.when(), this::map).equals(conditions(r.when(), Function.identity()))) {
            what.add("when changed");
        }
        if (!conditions(old.unless(), this::map).equals(conditions(r.unless(), Function.identity()))) {
            what.add("unless changed");
        }
        return String.join(", ", what);
    }

    private static String effect(Pack.RuleDef r) {
        return r.effect().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Pack.RuleDef> yamlRules(Pack p) {
        Map<String, Pack.RuleDef> out = new LinkedHashMap<>();
        p.rules().stream().filter(r -> !r.id().startsWith("purpose:")).forEach(r -> out.put(r.id(), r));
        return out;
    }

    /** Rules implementing Section V are about rights; the rest about ways of use. */
    private static String ruleItem(String clause) {
        return clause.equals("V") || clause.startsWith("V.") || clause.startsWith("V(") ? RIGHTS : USE;
    }

    private void drl() {
        Map<String, DrlIndex.DrlRule> x = oldPack.drl().rules();
        Map<String, DrlIndex.DrlRule> y = newPack.drl().rules();
        for (String name : x.keySet()) {
            if (!y.containsKey(name)) {
                add(Kind.MAJOR, drlItem(x.get(name)), "DRL rule " + name + " removed", x.get(name).at());
            }
        }
        for (String name : y.keySet()) {
            DrlIndex.DrlRule r = y.get(name);
            DrlIndex.DrlRule old = x.get(name);
            if (old == null) {
                add(Kind.MAJOR, drlItem(r), "DRL rule " + name + " added", r.at());
            } else if (!normal(renameLiterals(old.text())).equals(normal(r.text()))) {
                add(Kind.MAJOR, drlItem(r), "DRL rule " + name + " changed", r.at());
            }
        }
    }

    private static String drlItem(DrlIndex.DrlRule r) {
        return "rightsRequest".equals(r.kind()) ? RIGHTS : USE;
    }

    private String renameLiterals(String text) {
        String t = text;
        for (Map.Entry<String, String> e : renamed.entrySet()) {
            t = t.replace("\"" + e.getKey() + "\"", "\"" + e.getValue() + "\"");
        }
        return t;
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private void rights() {
        Pack.Rights x = a.rights();
        Pack.Rights y = b.rights();
        Location at = newPack.top("rights");
        for (String id : sorted(x.requests().keySet())) {
            Pack.RightDef r = x.requests().get(id);
            Pack.RightDef s = y.requests().get(id);
            if (s == null) {
                add(Kind.REDUCED, RIGHTS, "right " + id + " (" + r.clause() + ") removed", oldPack.top("rights"));
                continue;
            }
            int before = days(r);
            int after = days(s);
            String deadline = "right " + id + ": respond within " + show(r) + " -> " + show(s);
            if (after > before) {
                add(Kind.REDUCED, RIGHTS, deadline + " (later)", at);
            } else if (after < before) {
                add(Kind.MAJOR, RIGHTS, deadline + " (sooner)", at);
            } else if (!show(r).equals(show(s))) {
                add(Kind.MAJOR, RIGHTS, deadline, at);
            }
            List<String> lost = new ArrayList<>(map(r.obligations()));
            lost.removeAll(s.obligations());
            List<String> gained = new ArrayList<>(s.obligations());
            gained.removeAll(map(r.obligations()));
            if (!lost.isEmpty()) {
                add(Kind.REDUCED, RIGHTS, "right " + id + ": no longer carries " + String.join(", ", lost), at);
            }
            if (!gained.isEmpty()) {
                add(Kind.MAJOR, RIGHTS, "right " + id + ": now carries " + String.join(", ", gained), at);
            }
            if (!r.clause().equals(s.clause())) {
                add(Kind.MINOR, NONE, "right " + id + ": clause " + r.clause() + " -> " + s.clause(), at);
            }
        }
        for (String id : sorted(y.requests().keySet())) {
            if (!x.requests().containsKey(id)) {
                add(Kind.MAJOR, RIGHTS, "right " + id + " (" + y.requests().get(id).clause() + ") added", at);
            }
        }
        grounds("refusal ground", x.refusalGrounds(), y.refusalGrounds(), true, at);
        Map<String, String> ux = new TreeMap<>();
        x.unreasonableGrounds().forEach(g -> ux.put(g, x.unreasonableClause()));
        Map<String, String> uy = new TreeMap<>();
        y.unreasonableGrounds().forEach(g -> uy.put(g, y.unreasonableClause()));
        grounds("ground for an unreasonable request", ux, uy, true, at);
        grounds("erasure ground", x.erasureGrounds(), y.erasureGrounds(), false, at);
        String cx = x.calendar() == null ? null : x.calendar().id();
        String cy = y.calendar() == null ? null : y.calendar().id();
        if (!Objects.equals(cx, cy)) {
            add(Kind.MAJOR, RIGHTS, "rights: the working-day calendar " + cx + " -> " + cy, at);
        } else if (x.calendar() != null && !x.calendar().equals(y.calendar())) {
            add(Kind.MINOR, NONE, "calendar " + cy + ": holidays or working days changed", newPack.declaration("calendars", cy));
        }
    }

    /** Grounds to refuse: adding one reduces a right. Grounds for erasure: removing one does. */
    private void grounds(String noun, Map<String, String> x, Map<String, String> y, boolean refusal, Location at) {
        for (String g : sorted(y.keySet())) {
            if (!x.containsKey(g)) {
                add(refusal ? Kind.REDUCED : Kind.MAJOR, RIGHTS, noun + " " + g + " (" + y.get(g) + ") added", at);
            } else if (!x.get(g).equals(y.get(g))) {
                add(Kind.MINOR, NONE, noun + " " + g + ": clause " + x.get(g) + " -> " + y.get(g), at);
            }
        }
        for (String g : sorted(x.keySet())) {
            if (!y.containsKey(g)) {
                add(refusal ? Kind.MAJOR : Kind.REDUCED, RIGHTS, noun + " " + g + " (" + x.get(g) + ") removed", at);
            }
        }
    }

    /** A deadline in calendar days, roughly: working days count 7/5. */
    private static int days(Pack.RightDef r) {
        Period p = r.within();
        if (p == null) {
            return Integer.MAX_VALUE;
        }
        int d = p.getYears() * 365 + p.getMonths() * 30 + p.getDays();
        return r.workingDays() ? (d * 7 + 4) / 5 : d;
    }

    private static String show(Pack.RightDef r) {
        return r.within() == null ? "no set time" : r.within() + (r.workingDays() ? " working days" : "");
    }

    private void retention() {
        Pack.Retention x = a.retention();
        Pack.Retention y = b.retention();
        Location at = newPack.top("retention");
        Map<String, Pack.RetentionPeriod> px = new TreeMap<>();
        x.periods().forEach(s -> px.put(s.id(), s));
        Map<String, Pack.RetentionPeriod> py = new TreeMap<>();
        y.periods().forEach(s -> py.put(s.id(), s));
        for (String id : px.keySet()) {
            Pack.RetentionPeriod s = px.get(id);
            Pack.RetentionPeriod t = py.get(id);
            if (t == null) {
                add(Kind.MAJOR, USE, "retention: period " + id + " removed", at);
            } else {
                List<String> what = new ArrayList<>();
                if (!s.period().equals(t.period())) {
                    what.add("period " + s.period() + " -> " + t.period());
                }
                if (!s.after().equals(t.after())) {
                    what.add("runs after " + s.after() + " -> " + t.after());
                }
                if (!new LinkedHashSet<>(map(s.data())).equals(t.data())) {
                    setDiff(what, "data", map(s.data()), t.data());
                }
                if (!new LinkedHashSet<>(map(s.purposes())).equals(t.purposes())) {
                    setDiff(what, "purposes", map(s.purposes()), t.purposes());
                }
                if (!what.isEmpty()) {
                    add(Kind.MAJOR, USE, "retention: period " + id + ": " + String.join(", ", what), at);
                }
                if (!s.clause().equals(t.clause())) {
                    add(Kind.MINOR, NONE, "retention: period " + id + ": clause " + s.clause() + " -> " + t.clause(), at);
                }
            }
        }
        for (String id : py.keySet()) {
            if (!px.containsKey(id)) {
                add(Kind.MAJOR, USE, "retention: period " + id + " added", at);
            }
        }
        if (!x.events().keySet().equals(y.events().keySet())) {
            List<String> what = new ArrayList<>();
            setDiff(what, "events", new LinkedHashSet<>(x.events().keySet()), y.events().keySet());
            add(Kind.MINOR, NONE, "retention: " + String.join(", ", what), at);
        }
    }

    // ---- behaviour ----------------------------------------------------------------------------

    /** The requests of the behavioural diff, in the new version's ids, each with its old-version twin. */
    List<ProcessingRequest[]> generated() {
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((o, n) -> back.put(n, o));
        List<String> actions = union(b.actions().keySet(), a.actions().keySet());
        List<String> purposes = union(b.purposes().keySet(), a.purposes().keySet());
        List<String> recipients = new ArrayList<>();
        recipients.add(null);
        recipients.addAll(union(b.recipients().keySet(), a.recipients().keySet()));
        List<String> categories = union(b.categories().keySet(), a.categories().keySet());
        // A destination outside both versions' jurisdictions.
        String abroad = java.util.stream.Stream.of("US", "DE", "BR", "IN").filter(c -> !b.territory().home(c)
                && !a.territory().home(c)).findFirst().orElse("AQ");
        List<Integer> childAges = childAges();
        List<ProcessingRequest[]> out = new ArrayList<>();
        for (String action : actions) {
            for (String purpose : purposes) {
                for (List<String> data : dataChoices(purpose, categories)) {
                    for (String recipient : recipients) {
                        Pack.ActionDef def = b.actions().containsKey(action) ? b.actions().get(action) : a.actions().get(action);
                        if (recipient == null && def.requiresRecipient()) {
                            continue;
                        }
                        for (int variant = 0; variant < 6 + childAges.size(); variant++) {
                            ProcessingRequest now = request(action, purpose, data, recipient, variant, abroad, childAges,
                                    Function.identity());
                            ProcessingRequest before = request(action, purpose, data, recipient, variant, abroad, childAges,
                                    id -> back.getOrDefault(id, id));
                            out.add(new ProcessingRequest[] {before, now});
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The ages of the generated children: just below and at each threshold of both versions
     * ({@code children.under}), so that a threshold that moves either way changes some decision.
     */
    private List<Integer> childAges() {
        java.util.TreeSet<Integer> ages = new java.util.TreeSet<>();
        for (int under : List.of(a.children().under(), b.children().under())) {
            ages.add(Math.max(0, under - 1));
            ages.add(under);
        }
        return List.copyOf(ages);
    }

    /**
     * One generated request, its ids passed through {@code ids}. Variants 0 to 5 are an adult's; from
     * 6 on, a subject of each age of {@code childAges}.
     */
    private ProcessingRequest request(String action, String purpose, List<String> data, String recipient, int variant,
                                     String abroad, List<Integer> childAges, Function<String, String> ids) {
        String r = recipient == null ? null : ids.apply(recipient);
        ProcessingRequest.Builder n = ProcessingRequest.builder().action(ids.apply(action)).purpose(ids.apply(purpose))
                .data(data.stream().map(ids).toList()).recipient(r);
        Consent all = new Consent(ids.apply(purpose), r, ids.apply(action), false);
        switch (variant) {
            case 0 -> n.age(30);
            case 1 -> n.age(30).consent(all);
            case 2 -> n.age(30).consent(Consent.toPurpose(ids.apply(purpose)));
            case 3 -> n.age(30).requiredByLaw(true);
            case 4 -> n.age(30).anonymized(true).aggregated(true);
            case 5 -> n.age(30).destination(abroad).consent(all);
            default -> n.age(childAges.get(variant - 6));
        }
        return n.build();
    }

    /**
     * For a purpose: one category it declares, one it does not, one sensitive one it declares (when
     * there are such), and every category the two versions treat differently for it.
     */
    private List<List<String>> dataChoices(String purpose, List<String> categories) {
        Pack.PurposeDef p = b.purposes().containsKey(purpose) ? b.purposes().get(purpose) : a.purposes().get(purpose);
        Pack pack = b.purposes().containsKey(purpose) ? b : a;
        Set<List<String>> out = new LinkedHashSet<>();
        categories.stream().filter(p::allows).findFirst().ifPresent(c -> out.add(List.of(c)));
        categories.stream().filter(c -> !p.allows(c)).findFirst().ifPresent(c -> out.add(List.of(c)));
        categories.stream().filter(c -> p.allows(c) && pack.categories().containsKey(c) && pack.categories().get(c).sensitive())
                .findFirst().ifPresent(c -> out.add(List.of(c)));
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((o, n) -> back.put(n, o));
        Pack.PurposeDef old = a.purposes().get(back.getOrDefault(purpose, purpose));
        for (String c : categories) {
            String oc = back.getOrDefault(c, c);
            boolean before = old != null && a.categories().containsKey(oc) && old.allows(oc);
            boolean now = b.purposes().containsKey(purpose) && b.categories().containsKey(c) && p.allows(c);
            boolean sensitiveBefore = a.categories().containsKey(oc) && a.categories().get(oc).sensitive();
            boolean sensitiveNow = b.categories().containsKey(c) && b.categories().get(c).sensitive();
            if (before != now || sensitiveBefore != sensitiveNow) {
                out.add(List.of(c));
            }
        }
        if (out.isEmpty()) {
            out.add(List.of(categories.get(0)));
        }
        return List.copyOf(out);
    }

    private List<String> union(Collection<String> first, Collection<String> second) {
        Set<String> out = new LinkedHashSet<>(sorted(first));
        for (String s : sorted(second)) {
            if (!renamed.containsKey(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Decides every generated request with both versions (in parallel: the engines are thread-safe). */
    private Behaviour behaviour() {
        List<ProcessingRequest[]> requests = generated();
        // per request: 0 same, 1 changed, 2 only new ids, 3 only old ids, 4 invalid in both; with the change
        List<Object[]> decided = requests.parallelStream().map(r -> {
            Decision x = oldPack.engine().decide(r[0], Verdict.Trace.NONE);
            Decision y = newPack.engine().decide(r[1], Verdict.Trace.NONE);
            boolean vx = !invalid(x.reasons());
            boolean vy = !invalid(y.reasons());
            Changed c = new Changed(describe(vy ? r[1] : r[0]), vx ? answer(x) : "(undeclared ids)", vy ? answer(y) : "(undeclared ids)");
            int kind = vx && vy ? (c.before().equals(c.after()) ? 0 : 1) : vy ? 2 : vx ? 3 : 4;
            return new Object[] {kind, c, vx && x.permitted(), vy && y.permitted(), handsOver(r[1].action()) ? 0 : 1};
        }).sorted(java.util.Comparator.comparingInt(o -> (Integer) o[4])).toList();
        List<Changed> decisions = changed(decided, 1, -1);
        List<Changed> newlyPermitted = changed(decided, 2, 3);
        List<Changed> formerlyPermitted = changed(decided, 3, 2);
        List<RightsRequest> rightsRequests = rightsRequests();
        LocalDate today = b.info().effective();
        List<Object[]> answers = rightsRequests.parallelStream().map(r -> {
            RightsDecision x = oldPack.engine().decide(r, today);
            RightsDecision y = newPack.engine().decide(r, today);
            if (invalid(x.reasons()) || invalid(y.reasons()) || answer(x).equals(answer(y))) {
                return null;
            }
            return new Object[] {new Changed(describe(r), answer(x), answer(y)), worse(x, y)};
        }).filter(Objects::nonNull).toList();
        List<Changed> rights = answers.stream().map(o -> (Changed) o[0]).toList();
        int reduced = (int) answers.stream().filter(o -> (Boolean) o[1]).count();
        return new Behaviour(requests.size(), decisions, count(decided, 2), newlyPermitted, count(decided, 3), formerlyPermitted,
                rightsRequests.size(), rights, reduced);
    }

    /** True for an action that hands data to a recipient: its changes are listed first. */
    private boolean handsOver(String action) {
        Pack.ActionDef d = b.actions().containsKey(action) ? b.actions().get(action) : a.actions().get(map(action));
        return d != null && d.requiresRecipient();
    }

    /** The changes of requests of {@code kind}; with {@code permittedAt} 2 or 3, only those permitted by that version. */
    private static List<Changed> changed(List<Object[]> decided, int kind, int permittedAt) {
        return decided.stream().filter(o -> (Integer) o[0] == kind && (permittedAt < 0 || (Boolean) o[permittedAt]))
                .map(o -> (Changed) o[1]).toList();
    }

    private static int count(List<Object[]> decided, int kind) {
        return (int) decided.stream().filter(o -> (Integer) o[0] == kind).count();
    }

    private static boolean invalid(List<io.privacyrules.Reason> reasons) {
        return reasons.stream().anyMatch(r -> r.code().equals("invalid-request") && r.rule().equals("engine"));
    }

    private static String answer(Decision d) {
        return d.effect().id() + (d.obligationIds().isEmpty() ? "" : " " + d.obligationIds());
    }

    private static String answer(RightsDecision d) {
        return d.outcome().id() + (d.respondBy() == null ? "" : " by " + d.respondBy())
                + (d.obligationIds().isEmpty() ? "" : " " + d.obligationIds());
    }

    /** The new answer is worse for the subject: no longer fulfilled, later, or with fewer duties for the controller. */
    private static boolean worse(RightsDecision x, RightsDecision y) {
        boolean wasFulfilled = x.outcome() == io.privacyrules.Outcome.FULFIL;
        boolean isFulfilled = y.outcome() == io.privacyrules.Outcome.FULFIL;
        if (wasFulfilled != isFulfilled) {
            return wasFulfilled;
        }
        if (wasFulfilled && x.respondBy() != null && y.respondBy() != null && y.respondBy().isAfter(x.respondBy())) {
            return true;
        }
        return wasFulfilled && !y.obligationIds().containsAll(x.obligationIds().stream()
                .filter(o -> !o.equals("charge-fee")).toList()) || (wasFulfilled && !x.obligationIds().contains("charge-fee")
                && y.obligationIds().contains("charge-fee"));
    }

    private List<RightsRequest> rightsRequests() {
        List<String> rights = union(b.rights().requests().keySet(), a.rights().requests().keySet());
        List<String> refusal = new ArrayList<>();
        refusal.add(null);
        refusal.addAll(union(b.rights().refusalGrounds().keySet(), a.rights().refusalGrounds().keySet()));
        refusal.addAll(union(b.rights().unreasonableGrounds(), a.rights().unreasonableGrounds()));
        List<String> erasure = new ArrayList<>();
        erasure.add(null);
        erasure.addAll(union(b.rights().erasureGrounds().keySet(), a.rights().erasureGrounds().keySet()));
        LocalDate received = b.info().effective();
        List<RightsRequest> out = new ArrayList<>();
        for (String right : rights) {
            for (boolean verified : new boolean[] {true, false}) {
                for (String g : refusal) {
                    for (String e : erasure) {
                        for (boolean repeated : new boolean[] {false, true}) {
                            RightsRequest.Builder r = RightsRequest.builder().right(right).receivedOn(received)
                                    .identityVerified(verified).repeated(repeated);
                            if (g != null) {
                                r.refusalGrounds(g);
                            }
                            if (e != null) {
                                r.erasureGrounds(e);
                            }
                            out.add(r.build());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String describe(ProcessingRequest r) {
        StringBuilder s = new StringBuilder(Explain.describe(r));
        List<String> with = new ArrayList<>();
        if (r.subject().age() != null && r.subject().age() < 18) {
            with.add("age " + r.subject().age());
        }
        if (!r.subject().consents().isEmpty()) {
            Consent c = r.subject().consents().get(0);
            with.add("consent naming " + (c.recipient() != null || c.action() != null ? "purpose, recipient and action" : "purpose"));
        }
        if (r.requiredByLaw()) {
            with.add("requiredByLaw");
        }
        if (r.anonymized()) {
            with.add("anonymized, aggregated");
        }
        if (r.destination() != null) {
            with.add("destination abroad");
        }
        return with.isEmpty() ? s.toString() : s.append(" (").append(String.join(", ", with)).append(")").toString();
    }

    private static String describe(RightsRequest r) {
        return r.right() + (r.identityVerified() ? ", identity verified" : ", identity not verified")
                + (r.refusalGrounds().isEmpty() ? "" : ", ground " + r.refusalGrounds().get(0))
                + (r.erasureGrounds().isEmpty() ? "" : ", erasure ground " + r.erasureGrounds().get(0))
                + (r.repeated() ? ", repeated" : "");
    }
}
