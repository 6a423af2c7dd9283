package io.privacyrules.internal.scenario;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.Problem;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.ScenarioResult;
import io.privacyrules.internal.EngineAccess;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads scenario files (validating every key, so that a typo never passes silently) and checks
 * each scenario's decision against its {@code expect}.
 */
public final class ScenarioRunner {
    public static final Set<String> FILE_KEYS = Set.of("scenarios");
    public static final Set<String> SCENARIO_KEYS = Set.of("name", "request", "rightsRequest", "retention", "expect");
    public static final Set<String> REQUEST_KEYS = Set.of("action", "purpose", "data", "recipient", "destination",
            "anonymized", "aggregated", "requiredByLaw", "protectsChild", "subject", "transferMechanism", "restricted");
    public static final Set<String> SUBJECT_KEYS = Set.of("age", "guardianConsent", "consents", "country", "objections");
    public static final Set<String> CONSENT_KEYS = Set.of("purpose", "recipient", "action", "withdrawn", "kind");
    /** The keys of {@code subject.guardianConsent} when written as a mapping. */
    public static final Set<String> GUARDIAN_CONSENT_KEYS = Set.of("kind");
    public static final Set<String> EXPECT_KEYS = Set.of("decision", "clauses", "codes", "obligations", "noObligations");
    public static final Set<String> RIGHTS_KEYS = Set.of("right", "receivedOn", "identityVerified", "erasureGrounds",
            "refusalGrounds", "repeated", "extended");
    public static final Set<String> RIGHTS_EXPECT_KEYS = Set.of("outcome", "respondBy", "clauses", "codes",
            "obligations", "noObligations");
    /** The keys of a retention query; a pack may add a key for each of its events ({@code retention.events}). */
    public static final Set<String> RETENTION_KEYS = Set.of("data", "purposes", "purposesFulfilled", "events", "asOf");
    public static final Set<String> RETENTION_EXPECT_KEYS = Set.of("action", "until", "clauses", "codes");

    /** One entry of a scenario file as read: a scenario ready to run, or a failure that needs no decision. */
    sealed interface Entry permits Case, Broken {
    }

    /** One parsed scenario: how to decide it and compare the answer with the expectation. */
    record Case(String name, int line, String kind, Check check) implements Entry {
    }

    /**
     * A malformed scenario, or a problem of the file outside its scenarios (kind {@code file}), or,
     * with line 0, a file that failed whole.
     */
    record Broken(String name, int line, String kind, List<String> failures) implements Entry {
    }

    /**
     * Decides a scenario. With a null {@code trace} it asks the engine as a host does; otherwise it
     * asks the engine's core directly, telling {@code trace} of every rule that fires.
     */
    interface Check {
        Answer apply(PolicyEngine engine, Verdict.Trace trace);
    }

    /** What a scenario's answer was, as far as checks and coverage need it. */
    record Answer(List<String> failures, List<Reason> reasons, Set<String> used) {
        Answer(List<String> failures, List<Reason> reasons) {
            this(failures, reasons, Set.of());
        }
    }

    /**
     * One scenario as it ran, for coverage: its result, its kind ({@code request},
     * {@code rightsRequest}, {@code retention}, or {@code file} for a file that did not load),
     * whether the pack's rules ran at all (not for an invalid request), the DRL names of the rules
     * that fired and the clauses its answer cited.
     */
    public record Observed(ScenarioResult result, String kind, boolean evaluated, Set<String> fired,
                           Set<String> clauses) {
    }

    /** What a scenario expects; fields that do not apply to its kind stay empty. */
    record Expect(String answer, java.time.LocalDate day, List<String> clauses, List<String> codes,
                  List<String> obligations, List<String> noObligations) {
    }

    private ScenarioRunner() {
    }

    /** Runs one file; a file that does not load gives one failed result with its problems. */
    public static List<ScenarioResult> runFile(PolicyEngine engine, Path file) {
        return run(engine, file, false).stream().map(Observed::result).toList();
    }

    /**
     * Runs one file as {@link #runFile} does, also recording for each scenario the rules that
     * fired and the clauses cited (for coverage).
     */
    public static List<Observed> observeFile(PolicyEngine engine, Path file) {
        return run(engine, file, true);
    }

    private static List<Observed> run(PolicyEngine engine, Path file, boolean observe) {
        String display = file.toString();
        List<Observed> out = new ArrayList<>();
        for (Entry entry : read(display, file, Declared.of(engine), eventKeys(engine))) {
            if (entry instanceof Broken b) {
                out.add(new Observed(new ScenarioResult(b.name(), display, b.line(), b.failures()), b.kind(), false,
                        Set.of(), Set.of()));
                continue;
            }
            Case c = (Case) entry;
            Set<String> fired = new java.util.LinkedHashSet<>();
            Answer a = c.check().apply(engine, observe ? rule -> fired.add(rule.name()) : null);
            boolean evaluated = a.reasons().stream()
                    .noneMatch(r -> r.code().equals("invalid-request") && r.rule().equals("engine"));
            Set<String> clauses = new java.util.LinkedHashSet<>();
            a.reasons().forEach(r -> clauses.add(r.clause()));
            if (evaluated) {
                clauses.addAll(a.used());
            }
            out.add(new Observed(new ScenarioResult(c.name(), display, c.line(), a.failures()), c.kind(), evaluated,
                    Set.copyOf(fired), Set.copyOf(clauses)));
        }
        return out;
    }

    /**
     * The clauses of the pack's rights data a rights request brought into play, for coverage: the
     * right's, those of the grounds it names, and those its obligations cite. The rules may cite
     * only their own clause, yet the request exercised these.
     */
    private static Set<String> used(PolicyEngine engine, RightsRequest request, RightsDecision decision) {
        Pack.Rights rights = EngineAccess.engine(engine).pack().rights();
        Set<String> out = new java.util.LinkedHashSet<>();
        Pack.RightDef right = rights.requests().get(request.right());
        if (right != null) {
            out.add(right.clause());
        }
        for (List<String> grounds : List.of(request.refusalGrounds(), request.erasureGrounds())) {
            for (String g : grounds) {
                String c = g == null ? null : rights.clauseOf(g);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        decision.obligations().forEach(o -> out.add(o.clause()));
        return out;
    }

    /**
     * The clauses of the pack's retention data a query brought into play, for coverage: those of
     * the periods that apply to its data category and purposes, and of the events it names.
     */
    private static Set<String> used(PolicyEngine engine, RetentionQuery query) {
        Pack.Retention retention = EngineAccess.engine(engine).pack().retention();
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Pack.RetentionPeriod p : retention.periods()) {
            boolean data = p.data().isEmpty() || p.data().contains(query.data());
            boolean purposes = p.purposes().isEmpty() || query.purposes().stream().anyMatch(p.purposes()::contains);
            if (data && purposes && p.clause() != null) {
                out.add(p.clause());
            }
        }
        for (String key : query.events().keySet()) {
            String id = retention.eventOf(key);
            Pack.EventDef e = id == null ? null : retention.events().get(id);
            if (e != null && e.clause() != null) {
                out.add(e.clause());
            }
        }
        return out;
    }

    /**
     * What differs between an expectation and an answer; empty when it matches.
     *
     * @param answer      the answer's id (permit, fulfil, retain, ...)
     * @param day         the answer's day (respondBy, until), or null
     * @param dayName     the expectation key of that day
     */
    static List<String> compare(Expect e, String answer, java.time.LocalDate day, String dayName, List<Reason> reasons,
                                List<String> obligations) {
        List<String> failures = new ArrayList<>();
        if (!e.answer().equals(answer)) {
            failures.add("expected " + e.answer() + ", got " + answer + " " + describe(reasons));
        }
        if (e.day() != null && !e.day().equals(day)) {
            failures.add("expected " + dayName + " " + e.day() + ", got " + (day == null ? "none" : day));
        }
        for (String clause : e.clauses()) {
            if (reasons.stream().noneMatch(r -> Ids.covers(clause, r.clause()))) {
                failures.add("expected a reason citing " + clause + ", got " + describe(reasons));
            }
        }
        for (String code : e.codes()) {
            if (reasons.stream().noneMatch(r -> r.code().equals(code))) {
                failures.add("expected reason code " + code + ", got " + describe(reasons));
            }
        }
        for (String o : e.obligations()) {
            if (!obligations.contains(o)) {
                failures.add("expected obligation " + o + ", got " + obligations);
            }
        }
        for (String o : e.noObligations()) {
            if (obligations.contains(o)) {
                failures.add("expected no obligation " + o + ", got " + obligations);
            }
        }
        return failures;
    }

    private static String describe(List<Reason> reasons) {
        // an invalid request's message names the identifier that is wrong (never a value): show it
        return reasons.stream().map(r -> r.code() + " (" + r.clause() + ")"
                        + (r.code().equals("invalid-request") ? ": " + r.message() : ""))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** The keys the pack of {@code engine} (its first layer) declares for its retention events. */
    public static Set<String> eventKeys(PolicyEngine engine) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        EngineAccess.engine(engine).pack().retention().events().values().forEach(e -> {
            if (e.key() != null) {
                keys.add(e.key());
            }
        });
        return keys;
    }

    /**
     * Reads a file into its entries. Only a file that cannot be read as YAML, or that has no
     * {@code scenarios:} list (or an empty one), gives a single whole-file failure; otherwise each
     * scenario stands alone: a malformed one is one failure with its problems, and a problem outside
     * the list (an unknown top-level key) is a failure of its own, named after the file.
     */
    private static List<Entry> read(String display, Path file, Declared declared, Set<String> eventKeys) {
        String fileName = file.getFileName().toString();
        Problems yaml = new Problems();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(YamlReader.MAX_BYTES + 1);
        } catch (IOException e) {
            yaml.add(io.privacyrules.internal.yaml.Location.of(display), "cannot read the file: "
                    + e.getClass().getSimpleName(), "is the path right?");
            return whole(fileName, yaml);
        }
        Node root = YamlReader.read(display, bytes, yaml);
        if (root == null) {
            return whole(fileName, yaml);
        }
        Node listed = root instanceof Node.MapNode m ? m.get("scenarios") : null;
        Problems fileLevel = new Problems();
        Fields top = Fields.of(root, fileLevel, "the scenario file", FILE_KEYS);
        if (!(root instanceof Node.MapNode) || listed == null) {
            Problems all = merged(yaml, fileLevel);
            all.add(root.at(), "a scenario file needs a top-level 'scenarios:' list", "start the file with 'scenarios:'");
            return whole(fileName, all);
        }
        if (listed instanceof Node.ListNode l && l.items().isEmpty()
                || listed instanceof Node.ScalarNode sc && (sc.value() == null || "".equals(sc.value()))) {
            Problems all = merged(yaml, fileLevel);
            all.add(top.at("scenarios"), "the file lists no scenarios",
                    "a file that tests nothing would pass silently; add a scenario or delete the file");
            return whole(fileName, all);
        }
        if (!(listed instanceof Node.ListNode list)) {
            Problems all = merged(yaml, fileLevel);
            all.add(listed.at(), "'scenarios' must be a list, not " + listed.kind(), "start each scenario with '- name: ...'");
            return whole(fileName, all);
        }
        List<Node> items = list.items();
        List<Problems> perItem = new ArrayList<>();
        items.forEach(i -> perItem.add(new Problems()));
        attribute(yaml, (Node.MapNode) root, list, perItem, fileLevel);
        List<Entry> entries = new ArrayList<>();
        if (!fileLevel.isEmpty()) {
            List<Problem> sorted = fileLevel.sorted();
            entries.add(new Broken(fileName, Math.max(1, sorted.get(0).line()), "file", strings(sorted)));
        }
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            entries.add(scenario(items.get(i), i, names, perItem.get(i), declared, eventKeys));
        }
        return entries;
    }

    private static List<Entry> whole(String fileName, Problems problems) {
        return List.of(new Broken(fileName, 0, "file", strings(problems.sorted())));
    }

    private static List<String> strings(List<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }

    private static Problems merged(Problems a, Problems b) {
        Problems out = new Problems();
        for (Problems p : List.of(a, b)) {
            p.sorted().forEach(x -> out.add(new io.privacyrules.internal.yaml.Location(x.file(), x.line(), x.column()),
                    x.message(), x.hint()));
        }
        return out;
    }

    /**
     * Gives each problem the YAML reader found (a duplicate key, an alias, a tag) to the scenario it
     * lies in: from the scenario's first position to the next one's (or to the next top-level key
     * after the list). Problems elsewhere are the file's.
     */
    private static void attribute(Problems yaml, Node.MapNode root, Node.ListNode list, List<Problems> perItem,
                                  Problems fileLevel) {
        List<Node> items = list.items();
        int listLine = root.entries().get("scenarios").keyAt().line();
        int end = root.entries().values().stream().mapToInt(e -> e.keyAt().line()).filter(l -> l > listLine)
                .min().orElse(Integer.MAX_VALUE);
        for (Problem p : yaml.sorted()) {
            int owner = -1;
            for (int i = 0; i < items.size(); i++) {
                if (compare(p, items.get(i).at().line(), items.get(i).at().column()) >= 0
                        && (i + 1 < items.size() ? compare(p, items.get(i + 1).at().line(), items.get(i + 1).at().column()) < 0
                        : p.line() < end)) {
                    owner = i;
                }
            }
            Problems target = owner >= 0 ? perItem.get(owner) : fileLevel;
            target.add(new io.privacyrules.internal.yaml.Location(p.file(), p.line(), p.column()), p.message(), p.hint());
        }
    }

    private static int compare(Problem p, int line, int column) {
        return p.line() != line ? Integer.compare(p.line(), line) : Integer.compare(p.column(), column);
    }

    /** One scenario of the list: ready to run, or broken with every problem it has. */
    private static Entry scenario(Node item, int index, Set<String> names, Problems problems, Declared declared,
                                  Set<String> eventKeys) {
        int line = Math.max(1, item.at().line());
        String fallback = "scenario #" + (index + 1);
        if (!(item instanceof Node.MapNode)) {
            problems.add(item.at(), "a scenario must be a mapping (name, request, expect), not " + item.kind(),
                    "start it with '- name: ...'");
            return new Broken(fallback, line, "scenario", strings(problems.sorted()));
        }
        Fields s = Fields.of(item, problems, "a scenario", SCENARIO_KEYS);
        String name = s.text("name", true);
        if (name != null && !names.add(name)) {
            s.problem("name", "two scenarios are named '" + name + "'", "give each scenario its own name");
        }
        String label = name == null ? fallback : name;
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("request", "rightsRequest", "retention")) {
            if (s.has(k)) {
                kinds.add(k);
            }
        }
        if (kinds.size() != 1) {
            problems.add(s.at(), "a scenario has exactly one of request, rightsRequest, retention"
                    + (kinds.isEmpty() ? "" : "; this one has " + kinds), "");
        }
        if (!s.has("expect")) {
            problems.add(s.at(), "scenario '" + label + "' has no 'expect'", "add expect: {decision: permit} or similar");
        }
        if (kinds.size() != 1 || !s.has("expect")) {
            return new Broken(label, line, kinds.size() == 1 ? kinds.get(0) : "scenario", strings(problems.sorted()));
        }
        String kind = kinds.get(0);
        Case c = switch (kind) {
            case "request" -> {
                ProcessingRequest request = request(s.node("request"), problems);
                Expect e = expect(s.node("expect"), problems, EXPECT_KEYS, "decision", List.of("permit", "deny"), null,
                        declared);
                yield new Case(label, line, kind, (engine, trace) -> {
                    Decision d = trace == null ? engine.decide(request) : EngineAccess.single(engine).decide(request, trace);
                    return new Answer(compare(e, d.effect().id(), null, null, d.reasons(), d.obligationIds()),
                            d.reasons());
                });
            }
            case "rightsRequest" -> {
                RightsRequest request = rightsRequest(s.node("rightsRequest"), problems);
                Expect e = expect(s.node("expect"), problems, RIGHTS_EXPECT_KEYS, "outcome",
                        List.of("fulfil", "refuse", "verify-identity"), "respondBy", declared);
                yield new Case(label, line, kind, (engine, trace) -> {
                    RightsDecision d = trace == null ? engine.decide(request)
                            : EngineAccess.single(engine).decide(request, LocalDate.now(engine.clock()), trace);
                    return new Answer(compare(e, d.outcome().id(), d.respondBy(), "respondBy", d.reasons(),
                            d.obligationIds()), d.reasons(), trace == null ? Set.of() : used(engine, request, d));
                });
            }
            default -> {
                RetentionQuery query = retention(s.node("retention"), problems, eventKeys);
                Expect e = expect(s.node("expect"), problems, RETENTION_EXPECT_KEYS, "action",
                        List.of("retain", "dispose"), "until", declared);
                yield new Case(label, line, kind, (engine, trace) -> {
                    RetentionDecision d = trace == null ? engine.decide(query)
                            : EngineAccess.single(engine).decide(query, LocalDate.now(engine.clock()), trace);
                    return new Answer(compare(e, d.action().id(), d.until(), "until", d.reasons(), List.of()),
                            d.reasons(), trace == null ? Set.of() : used(engine, query));
                });
            }
        };
        return problems.isEmpty() ? c : new Broken(label, line, kind, strings(problems.sorted()));
    }

    /** Reads a {@code request} mapping (also used by the command line's decide). */
    public static ProcessingRequest request(Node node, Problems problems) {
        Fields r = Fields.of(node, problems, "the request", REQUEST_KEYS);
        ProcessingRequest.Builder b = ProcessingRequest.builder()
                .action(r.text("action", true))
                .purpose(r.text("purpose", true))
                .recipient(r.text("recipient", false))
                .destination(r.text("destination", false))
                .anonymized(r.bool("anonymized", false))
                .aggregated(r.bool("aggregated", false))
                .requiredByLaw(r.bool("requiredByLaw", false))
                .protectsChild(r.bool("protectsChild", false))
                .transferMechanism(r.text("transferMechanism", false))
                .restricted(r.bool("restricted", false));
        List<Node.ScalarNode> data = r.texts("data", true);
        if (r.has("data") && data.isEmpty() && r.node("data") instanceof Node.ListNode) {
            r.problem("data", "'data' lists no category", "a request names at least one data category");
        }
        for (Node.ScalarNode d : data) {
            b.data((String) d.value());
        }
        if (r.has("subject")) {
            Fields s = Fields.of(r.node("subject"), problems, "the subject", SUBJECT_KEYS);
            b.country(s.text("country", false));
            s.texts("objections", false).forEach(o -> b.objections((String) o.value()));
            Long age = s.integer("age", false);
            if (age != null && (age < Integer.MIN_VALUE || age > Integer.MAX_VALUE)) {
                s.problem("age", "the age is out of range", "");
            } else if (age != null) {
                b.age(age.intValue());
            }
            if (s.has("guardianConsent") && s.node("guardianConsent") instanceof Node.MapNode) {
                Fields g = Fields.of(s.node("guardianConsent"), problems, "the guardian's consent", GUARDIAN_CONSENT_KEYS);
                b.guardianConsent(kind(g));
            } else {
                b.guardianConsent(s.bool("guardianConsent", false));
            }
            for (Node c : s.list("consents", false)) {
                Fields cf = Fields.of(c, problems, "a consent", CONSENT_KEYS);
                b.consent(new Consent(cf.text("purpose", false), cf.text("recipient", false), cf.text("action", false),
                        cf.bool("withdrawn", false), kind(cf)));
            }
        }
        return b.build();
    }

    /**
     * The {@code kind} of a consent: a consent kind of the pack, or null for its default kind. An
     * undeclared kind is decided as {@code invalid-request}, naming it.
     */
    private static String kind(Fields f) {
        return f.text("kind", false);
    }

    /** Reads a {@code rightsRequest} mapping (also used by the command line's decide). */
    public static RightsRequest rightsRequest(Node node, Problems problems) {
        Fields r = Fields.of(node, problems, "the rights request", RIGHTS_KEYS);
        RightsRequest.Builder b = RightsRequest.builder()
                .right(r.text("right", true))
                .receivedOn(date(r, "receivedOn"))
                .identityVerified(r.bool("identityVerified", false))
                .repeated(r.bool("repeated", false))
                .extended(r.bool("extended", false));
        r.texts("erasureGrounds", false).forEach(g -> b.erasureGrounds((String) g.value()));
        r.texts("refusalGrounds", false).forEach(g -> b.refusalGrounds((String) g.value()));
        return b.build();
    }

    /** Reads a {@code retention} mapping with the general keys only. */
    public static RetentionQuery retention(Node node, Problems problems) {
        return retention(node, problems, Set.of());
    }

    /**
     * Reads a {@code retention} mapping (also used by the command line's decide). Events are given
     * as {@code events: {event-id: day}}, or under the keys the pack declares for them
     * ({@code eventKeys}, such as {@code contractEndedOn}).
     */
    public static RetentionQuery retention(Node node, Problems problems, Set<String> eventKeys) {
        Set<String> allowed = new java.util.HashSet<>(RETENTION_KEYS);
        allowed.addAll(eventKeys);
        Fields r = Fields.of(node, problems, "the retention query", allowed);
        RetentionQuery.Builder b = RetentionQuery.builder()
                .data(r.text("data", true))
                .asOf(date(r, "asOf"));
        for (String key : eventKeys) {
            java.time.LocalDate day = date(r, key);
            if (day != null) {
                b.event(key, day);
            }
        }
        if (r.has("events")) {
            Node ev = r.node("events");
            Fields e = Fields.of(ev, problems, "the events", ev instanceof Node.MapNode m ? m.entries().keySet() : Set.of());
            for (String key : e.entries().keySet()) {
                java.time.LocalDate day = date(e, key);
                if (day != null) {
                    b.event(key, day);
                }
            }
        }
        r.texts("purposes", true).forEach(p -> b.purposes((String) p.value()));
        r.texts("purposesFulfilled", false).forEach(p -> b.purposesFulfilled((String) p.value()));
        return b.build();
    }

    private static java.time.LocalDate date(Fields f, String key) {
        String s = f.text(key, false);
        if (s == null) {
            return null;
        }
        java.time.LocalDate d = io.privacyrules.internal.Dates.parse(s);
        if (d == null) {
            String noSuchDate = io.privacyrules.internal.Dates.noSuchDate(s);
            if (noSuchDate != null) {
                f.problem(key, noSuchDate, io.privacyrules.internal.Dates.HINT);
            } else {
                f.problem(key, "'" + key + "' must be a date YYYY-MM-DD", "");
            }
        }
        return d;
    }

    private static Expect expect(Node node, Problems problems, Set<String> keys, String answerKey, List<String> answers,
                                 String dayKey, Declared declared) {
        Fields e = Fields.of(node, problems, "expect", keys);
        String answer = e.text(answerKey, true);
        if (answer != null && !answers.contains(answer)) {
            e.problem(answerKey, answerKey + " must be one of " + String.join(", ", answers) + ", not '" + answer + "'", "");
        }
        java.time.LocalDate day = dayKey == null ? null : date(e, dayKey);
        List<String> clauses = new ArrayList<>();
        for (Node.ScalarNode c : e.texts("clauses", false)) {
            String clause = (String) c.value();
            if (!Ids.isClause(clause)) {
                problems.add(c.at(), "'" + clause + "' is not a clause reference", "write it as printed: I.1(3), III.2, VII");
            } else if (!declared.coversAClause(clause)) {
                problems.add(c.at(), "clause '" + clause + "' in clauses covers no clause the pack declares",
                        Declared.hint(clause, declared.clauses()));
            }
            clauses.add(clause);
        }
        return new Expect(answer == null ? "?" : answer, day, clauses,
                ids(e, "codes", problems, declared.codes(), "reason code", "is not one the pack can give"),
                ids(e, "obligations", problems, declared.obligations(), "obligation", "is not declared by the pack"),
                ids(e, "noObligations", problems, declared.obligations(), "obligation", "is not declared by the pack"));
    }

    private static List<String> ids(Fields e, String key, Problems problems, Set<String> known, String noun,
                                    String unknown) {
        List<String> out = new ArrayList<>();
        for (Node.ScalarNode n : e.texts(key, false)) {
            String id = (String) n.value();
            if (!Ids.isId(id)) {
                problems.add(n.at(), "'" + id + "' in " + key + " is not a kebab-case id", "");
            } else if (!known.contains(id)) {
                problems.add(n.at(), noun + " '" + id + "' in " + key + " " + unknown, Declared.hint(id, known));
            }
            out.add(id);
        }
        return out;
    }
}
