package io.privacyrules.internal.scenario;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.Effect;
import io.privacyrules.PolicyEngine;
import io.privacyrules.Problem;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.ScenarioResult;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
            "anonymized", "aggregated", "requiredByLaw", "protectsChild", "subject");
    public static final Set<String> SUBJECT_KEYS = Set.of("age", "guardianConsent", "consents");
    public static final Set<String> CONSENT_KEYS = Set.of("purpose", "recipient", "action", "withdrawn");
    public static final Set<String> EXPECT_KEYS = Set.of("decision", "clauses", "codes", "obligations", "noObligations");

    /** One parsed scenario of the {@code request} kind. */
    record Case(String name, int line, ProcessingRequest request, Expect expect, String unsupported) {
    }

    record Expect(Effect decision, List<String> clauses, List<String> codes, List<String> obligations,
                  List<String> noObligations) {
    }

    private ScenarioRunner() {
    }

    /** Runs one file; a file that does not load gives one failed result with its problems. */
    public static List<ScenarioResult> runFile(PolicyEngine engine, Path file) {
        String display = file.toString();
        Problems problems = new Problems();
        List<Case> cases = read(display, file, problems);
        if (!problems.isEmpty()) {
            return List.of(new ScenarioResult(file.getFileName().toString(), display, 0,
                    problems.sorted().stream().map(Problem::toString).toList()));
        }
        List<ScenarioResult> out = new ArrayList<>();
        for (Case c : cases) {
            if (c.unsupported() != null) {
                out.add(new ScenarioResult(c.name(), display, c.line(), List.of(c.unsupported())));
                continue;
            }
            Decision d = engine.decide(c.request());
            out.add(new ScenarioResult(c.name(), display, c.line(), compare(c.expect(), d)));
        }
        return out;
    }

    /** What differs between an expectation and a decision; empty when it matches. */
    static List<String> compare(Expect e, Decision d) {
        List<String> failures = new ArrayList<>();
        if (e.decision() != d.effect()) {
            failures.add("expected " + e.decision().id() + ", got " + d.effect().id() + " " + describe(d.reasons()));
        }
        for (String clause : e.clauses()) {
            if (d.reasons().stream().noneMatch(r -> Ids.covers(clause, r.clause()))) {
                failures.add("expected a reason citing " + clause + ", got " + describe(d.reasons()));
            }
        }
        for (String code : e.codes()) {
            if (d.reasons().stream().noneMatch(r -> r.code().equals(code))) {
                failures.add("expected reason code " + code + ", got " + describe(d.reasons()));
            }
        }
        List<String> obligations = d.obligationIds();
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
        return reasons.stream().map(r -> r.code() + " (" + r.clause() + ")").collect(Collectors.joining(", ", "[", "]"));
    }

    private static List<Case> read(String display, Path file, Problems problems) {
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
        for (Node item : top.list("scenarios", true)) {
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
            if (!kind.equals("request")) {
                cases.add(new Case(name == null ? "?" : name, s.at().line(), null, null,
                        kind + " scenarios are not supported by this version of the engine"));
                continue;
            }
            ProcessingRequest request = request(s.node("request"), problems);
            Expect expect = expect(s.node("expect"), problems);
            cases.add(new Case(name == null ? "?" : name, s.at().line(), request, expect, null));
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
                .protectsChild(r.bool("protectsChild", false));
        List<Node.ScalarNode> data = r.texts("data", true);
        if (r.has("data") && data.isEmpty() && r.node("data") instanceof Node.ListNode) {
            r.problem("data", "'data' lists no category", "a request names at least one data category");
        }
        for (Node.ScalarNode d : data) {
            b.data((String) d.value());
        }
        if (r.has("subject")) {
            Fields s = Fields.of(r.node("subject"), problems, "the subject", SUBJECT_KEYS);
            Long age = s.integer("age", false);
            if (age != null && (age < Integer.MIN_VALUE || age > Integer.MAX_VALUE)) {
                s.problem("age", "the age is out of range", "");
            } else if (age != null) {
                b.age(age.intValue());
            }
            b.guardianConsent(s.bool("guardianConsent", false));
            for (Node c : s.list("consents", false)) {
                Fields cf = Fields.of(c, problems, "a consent", CONSENT_KEYS);
                b.consent(new Consent(cf.text("purpose", false), cf.text("recipient", false), cf.text("action", false),
                        cf.bool("withdrawn", false)));
            }
        }
        return b.build();
    }

    private static Expect expect(Node node, Problems problems) {
        Fields e = Fields.of(node, problems, "expect", EXPECT_KEYS);
        String decision = e.text("decision", true);
        Effect effect = Effect.DENY;
        if ("permit".equals(decision)) {
            effect = Effect.PERMIT;
        } else if (decision != null && !"deny".equals(decision)) {
            e.problem("decision", "decision must be permit or deny, not '" + decision + "'", "");
        }
        List<String> clauses = new ArrayList<>();
        for (Node.ScalarNode c : e.texts("clauses", false)) {
            String clause = (String) c.value();
            if (!Ids.isClause(clause)) {
                problems.add(c.at(), "'" + clause + "' is not a clause reference", "write it as printed: I.1(3), III.2, VII");
            }
            clauses.add(clause);
        }
        return new Expect(effect, clauses, ids(e, "codes", problems), ids(e, "obligations", problems),
                ids(e, "noObligations", problems));
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
