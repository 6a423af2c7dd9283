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

    /** One parsed scenario: how to decide it and compare the answer with the expectation. */
    record Case(String name, int line, String kind, Check check) {
    }

    /**
     * Decides a scenario. With a null {@code trace} it asks the engine as a host does; otherwise it
     * asks the engine's core directly, telling {@code trace} of every rule that fires.
     */
    interface Check {
        Answer apply(PolicyEngine engine, Verdict.Trace trace);
    }

    /** What a scenario's answer was, as far as checks and coverage need it. */
    record Answer(List<String> failures, List<Reason> reasons) {
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
        Problems problems = new Problems();
        List<Case> cases = read(display, file, problems, eventKeys(engine));
        if (!problems.isEmpty()) {
            return List.of(new Observed(new ScenarioResult(file.getFileName().toString(), display, 0,
                    problems.sorted().stream().map(Problem::toString).toList()), "file", false, Set.of(), Set.of()));
        }
        List<Observed> out = new ArrayList<>();
        for (Case c : cases) {
            Set<String> fired = new java.util.LinkedHashSet<>();
            Answer a = c.check().apply(engine, observe ? rule -> fired.add(rule.name()) : null);
            boolean evaluated = a.reasons().stream()
                    .noneMatch(r -> r.code().equals("invalid-request") && r.rule().equals("engine"));
            Set<String> clauses = new java.util.LinkedHashSet<>();
            a.reasons().forEach(r -> clauses.add(r.clause()));
            out.add(new Observed(new ScenarioResult(c.name(), display, c.line(), a.failures()), c.kind(), evaluated,
                    Set.copyOf(fired), Set.copyOf(clauses)));
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

    private static List<Case> read(String display, Path file, Problems problems, Set<String> eventKeys) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(YamlReader.MAX_BYTES + 1);
        } catch (IOException e) {
            problems.add(io.privacyrules.internal.yaml.Location.of(display), "cannot read the file: "
                    + e.getClass().getSimpleName(), "is the path right?");
            return List.of();
        }
        Node root = YamlReader.read(display, bytes, problems);
        if (root == null) {
            return List.of();
        }
        Fields top = Fields.of(root, problems, "the scenario file", FILE_KEYS);
        if (!top.has("scenarios")) {
            problems.add(root.at(), "a scenario file needs a top-level 'scenarios:' list", "");
            return List.of();
        }
        List<Case> cases = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Node listed = top.node("scenarios");
        if (listed instanceof Node.ListNode l && l.items().isEmpty()
                || listed instanceof Node.ScalarNode sc && (sc.value() == null || "".equals(sc.value()))) {
            top.problem("scenarios", "the file lists no scenarios", "a file that tests nothing would pass silently; add a scenario or delete the file");
            return List.of();
        }
        List<Node> items = top.list("scenarios", true);
        for (Node item : items) {
            Fields s = Fields.of(item, problems, "a scenario", SCENARIO_KEYS);
            String name = s.text("name", true);
            if (name != null && !names.add(name)) {
                s.problem("name", "two scenarios are named '" + name + "'", "give each scenario its own name");
            }
            List<String> kinds = new ArrayList<>();
            for (String k : List.of("request", "rightsRequest", "retention")) {
                if (s.has(k)) {
                    kinds.add(k);
                }
            }
            if (kinds.size() != 1) {
                problems.add(s.at(), "a scenario has exactly one of request, rightsRequest, retention"
                        + (kinds.isEmpty() ? "" : "; this one has " + kinds), "");
                continue;
            }
            if (!s.has("expect")) {
                problems.add(s.at(), "scenario '" + name + "' has no 'expect'", "add expect: {decision: permit} or similar");
                continue;
            }
            String kind = kinds.get(0);
            String label = name == null ? "?" : name;
            int line = s.at().line();
            switch (kind) {
                case "request" -> {
                    ProcessingRequest request = request(s.node("request"), problems);
                    Expect e = expect(s.node("expect"), problems, EXPECT_KEYS, "decision", List.of("permit", "deny"), null);
                    cases.add(new Case(label, line, kind, (engine, trace) -> {
                        Decision d = trace == null ? engine.decide(request) : EngineAccess.single(engine).decide(request, trace);
                        return new Answer(compare(e, d.effect().id(), null, null, d.reasons(), d.obligationIds()),
                                d.reasons());
                    }));
                }
                case "rightsRequest" -> {
                    RightsRequest request = rightsRequest(s.node("rightsRequest"), problems);
                    Expect e = expect(s.node("expect"), problems, RIGHTS_EXPECT_KEYS, "outcome",
                            List.of("fulfil", "refuse", "verify-identity"), "respondBy");
                    cases.add(new Case(label, line, kind, (engine, trace) -> {
                        RightsDecision d = trace == null ? engine.decide(request)
                                : EngineAccess.single(engine).decide(request, LocalDate.now(engine.clock()), trace);
                        return new Answer(compare(e, d.outcome().id(), d.respondBy(), "respondBy", d.reasons(),
                                d.obligationIds()), d.reasons());
                    }));
                }
                default -> {
                    RetentionQuery query = retention(s.node("retention"), problems, eventKeys);
                    Expect e = expect(s.node("expect"), problems, RETENTION_EXPECT_KEYS, "action",
                            List.of("retain", "dispose"), "until");
                    cases.add(new Case(label, line, kind, (engine, trace) -> {
                        RetentionDecision d = trace == null ? engine.decide(query)
                                : EngineAccess.single(engine).decide(query, LocalDate.now(engine.clock()), trace);
                        return new Answer(compare(e, d.action().id(), d.until(), "until", d.reasons(), List.of()),
                                d.reasons());
                    }));
                }
            }
        }
        return cases;
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
        try {
            return java.time.LocalDate.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            f.problem(key, "'" + key + "' must be a date YYYY-MM-DD", "");
            return null;
        }
    }

    private static Expect expect(Node node, Problems problems, Set<String> keys, String answerKey, List<String> answers,
                                 String dayKey) {
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
            }
            clauses.add(clause);
        }
        return new Expect(answer == null ? "?" : answer, day, clauses, ids(e, "codes", problems),
                ids(e, "obligations", problems), ids(e, "noObligations", problems));
    }

    private static List<String> ids(Fields e, String key, Problems problems) {
        List<String> out = new ArrayList<>();
        for (Node.ScalarNode n : e.texts(key, false)) {
            String id = (String) n.value();
            if (!Ids.isId(id)) {
                problems.add(n.at(), "'" + id + "' in " + key + " is not a kebab-case id", "");
            }
            out.add(id);
        }
        return out;
    }
}
