package io.privacyrules.internal.tools;

import static io.privacyrules.internal.tools.PackDiff.PURPOSES;
import static io.privacyrules.internal.tools.PackDiff.CATEGORIES;
import static io.privacyrules.internal.tools.PackDiff.USE;
import static io.privacyrules.internal.tools.PackDiff.OWNERSHIP;
import static io.privacyrules.internal.tools.PackDiff.RECIPIENTS;
import static io.privacyrules.internal.tools.PackDiff.RIGHTS;
import static io.privacyrules.internal.tools.PackDiff.CONTACT;
import static io.privacyrules.internal.tools.PackDiff.NONE;

import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.tools.PackDiff.Kind;
import io.privacyrules.internal.yaml.Location;
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

/**
 * The structural part of a diff: the declarations of both versions compared section by section
 * (header, controller, vocabulary, purposes, children, defaults, YAML and DRL rules, rights,
 * retention), each change classified and renames found.
 */
final class StructureDiff extends Comparison {
    StructureDiff(LoadedPack oldPack, LoadedPack newPack) {
        super(oldPack, newPack);
    }

    void structure() {
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

    void info() {
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

    static String text(LoadedPack p, String key) {
        return p.root().get(key) instanceof io.privacyrules.internal.yaml.Node.ScalarNode s ? String.valueOf(s.value()) : null;
    }

    void minorIfChanged(String what, String x, String y, Location at) {
        if (!Objects.equals(x, y)) {
            add(Kind.MINOR, NONE, what + " " + x + " -> " + y, at);
        }
    }

    void controller() {
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
    void sections() {
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

    interface Changed3<T> {
        void changed(String id, T before, T after);
    }

    static String fields(List<String> names, List<?> x, List<?> y) {
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
    <T> void section(String section, String noun, Map<String, T> x, Map<String, T> y, Function<T, Object> content,
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

    void purposes() {
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

    static void setDiff(List<String> what, String name, Collection<String> x, Collection<String> y) {
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
    static List<String> conditions(List<Condition> cs, Function<String, String> ids) {
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

    void children() {
        Pack.ChildRule x = a.children();
        Pack.ChildRule y = b.children();
        Location at = newPack.top("children");
        childAge("", x.under(), y.under(), at);
        // thresholds by country of residence: a country either version names, against the other's
        // threshold for it (its own entry, else its default age)
        java.util.TreeSet<String> countries = new java.util.TreeSet<>(x.byCountry().keySet());
        countries.addAll(y.byCountry().keySet());
        for (String country : countries) {
            childAge("for a subject living in " + country + " ", x.byCountry().getOrDefault(country, x.under()),
                    y.byCountry().getOrDefault(country, y.under()), at);
        }
        Integer minBefore = x.minimumAge();
        Integer minAfter = y.minimumAge();
        if (!java.util.Objects.equals(minBefore, minAfter)) {
            if (minAfter == null || minBefore != null && minAfter < minBefore) {
                add(Kind.REDUCED, RIGHTS, "children: the age below which a subject may not use the service "
                        + (minAfter == null ? "is no longer set (was " + minBefore + ")" : "drops from " + minBefore + " to " + minAfter), at);
            } else {
                add(Kind.MAJOR, RIGHTS, "children: the age below which a subject may not use the service "
                        + (minBefore == null ? "is set to " + minAfter : "rises from " + minBefore + " to " + minAfter), at);
            }
        }
        if (!x.clause().equals(y.clause())) {
            add(Kind.MINOR, NONE, "children: clause " + x.clause() + " -> " + y.clause(), at);
        }
    }

    /** A change of the age below which a subject is a child ({@code whose}: for whom, or empty). */
    private void childAge(String whose, int before, int after, Location at) {
        if (after < before) {
            add(Kind.REDUCED, RIGHTS, "children: " + whose + "the age below which a subject is a child drops from " + before
                    + " to " + after + ", so fewer subjects have a guardian's protection", at);
        } else if (after > before) {
            add(Kind.MAJOR, RIGHTS, "children: " + whose + "the age below which a subject is a child rises from " + before
                    + " to " + after, at);
        }
    }

    void defaults() {
        if (!a.defaults().equals(b.defaults())) {
            add(Kind.MINOR, NONE, "defaults: the engine's own reasons changed (clause, code or message)", newPack.top("defaults"));
        }
    }

    /** The YAML rules (not the rules generated from purposes, compared with the purposes). */
    void rules() {
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

    String ruleWhat(Pack.RuleDef old, Pack.RuleDef r) {
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

    static String effect(Pack.RuleDef r) {
        return r.effect().name().toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, Pack.RuleDef> yamlRules(Pack p) {
        Map<String, Pack.RuleDef> out = new LinkedHashMap<>();
        p.rules().stream().filter(r -> !r.id().startsWith("purpose:")).forEach(r -> out.put(r.id(), r));
        return out;
    }

    /** Rules implementing Section V are about rights; the rest about ways of use. */
    static String ruleItem(String clause) {
        return clause.equals("V") || clause.startsWith("V.") || clause.startsWith("V(") ? RIGHTS : USE;
    }

    void drl() {
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

    static String drlItem(DrlIndex.DrlRule r) {
        return "rightsRequest".equals(r.kind()) ? RIGHTS : USE;
    }

    String renameLiterals(String text) {
        String t = text;
        for (Map.Entry<String, String> e : renamed.entrySet()) {
            t = t.replace("\"" + e.getKey() + "\"", "\"" + e.getValue() + "\"");
        }
        return t;
    }

    static String normal(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    void rights() {
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
    void grounds(String noun, Map<String, String> x, Map<String, String> y, boolean refusal, Location at) {
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
    static int days(Pack.RightDef r) {
        Period p = r.within();
        if (p == null) {
            return Integer.MAX_VALUE;
        }
        int d = p.getYears() * 365 + p.getMonths() * 30 + p.getDays();
        return r.workingDays() ? (d * 7 + 4) / 5 : d;
    }

    static String show(Pack.RightDef r) {
        return r.within() == null ? "no set time" : r.within() + (r.workingDays() ? " working days" : "");
    }

    void retention() {
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
}
