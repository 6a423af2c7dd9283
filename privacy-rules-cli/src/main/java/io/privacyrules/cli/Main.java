package io.privacyrules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.privacyrules.Decision;
import io.privacyrules.Obligation;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyInfo;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyLoadException;
import io.privacyrules.Problem;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import io.privacyrules.Terms;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.tools.Coverage;
import io.privacyrules.internal.tools.CoverageReport;
import io.privacyrules.internal.tools.Explain;
import io.privacyrules.internal.tools.HtmlReport;
import io.privacyrules.internal.tools.LintReport;
import io.privacyrules.internal.tools.GapReport;
import io.privacyrules.internal.tools.Lint;
import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.tools.PackDiff;
import io.privacyrules.internal.tools.PackDoc;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/privacy-rules}: {@code check} (with {@code --coverage}, {@code --min-coverage},
 * {@code --report}), {@code decide} (with {@code --explain} or {@code --dpv}), {@code lint},
 * {@code diff}, {@code doc} and {@code demo}. Exit codes: 0 success; 1 scenarios failed, coverage under the minimum, lint errors,
 * or a denied decision with {@code --exit-code}; 2 bad usage or a policy that does not load; for
 * {@code diff} 0 no change, 3 minor changes only, 4 a major change, 5 a right reduced. No stack
 * trace is shown without {@code --verbose}.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: privacy-rules check  --policy POLICY [--policy LAYER]... [--coverage] [--min-coverage N] [--report DIR] FILE_OR_DIR...",
            "       privacy-rules decide --policy POLICY [--policy LAYER]... [--request FILE|-] [--exit-code] [--dpv | --explain [--format text|json]]",
            "         (a processing request, a rights request or a retention query, told apart by its keys;",
            "         --dpv adds the W3C DPV terms of a processing or rights request)",
            "       privacy-rules lint   --policy POLICY [--format text|json]",
            "       privacy-rules lint   --policy COMPANY --against LAW [--format text|json|markdown]",
            "       privacy-rules diff   OLD_POLICY NEW_POLICY [--format text|json] [--examples N]",
            "       privacy-rules doc    --policy POLICY [--format markdown|html] [--out FILE]",
            "       privacy-rules demo   [--policy POLICY]",
            "Exit codes: 0 success; 1 scenarios failed, coverage under the minimum, lint errors, a gap (lint --against),",
            "or (decide --exit-code) a denied decision; 2 bad usage or a policy that does not load; diff: 3 minor",
            "changes only, 4 a major change (clear notice), 5 a right reduced (consent), as the pack's changes section says.",
            "POLICY is a pack folder (rules/bmw-connected-drive-cn) or classpath:NAME.",
            "Add --verbose to any command to see stack traces.");
    static final String DEFAULT_POLICY = "classpath:bmw-connected-drive-cn";

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private boolean verbose;

    Main(PrintStream out, PrintStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    /**
     * Runs {@code bin/privacy-rules} with {@code args} and exits with the command's exit code.
     *
     * @param args the command and its options, as {@code --help} lists them
     */
    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("--verbose");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.exit(new Main(System.out, System.err, System.in).run(args));
    }

    /** Runs a command; returns the exit code. */
    int run(String[] argv) {
        List<String> args = new ArrayList<>(List.of(argv));
        verbose = args.remove("--verbose");
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).println(USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        String command = args.remove(0);
        try {
            return switch (command) {
                case "check" -> check(args);
                case "decide" -> decide(args);
                case "demo" -> demo(args);
                case "lint" -> lint(args);
                case "diff" -> diff(args);
                case "doc" -> doc(args);
                default -> usage("unknown command '" + command + "'");
            };
        } catch (PolicyLoadException e) {
            for (Problem p : e.problems()) {
                err.println("error: " + p);
            }
            if (verbose) {
                e.printStackTrace(err);
            }
            return 2;
        } catch (UsageException e) {
            return usage(e.getMessage());
        } catch (RuntimeException e) {
            err.println("error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            return 2;
        }
    }

    private int usage(String message) {
        err.println("error: " + message);
        err.println(USAGE);
        return 2;
    }

    // ---- check ------------------------------------------------------------------------------

    private int check(List<String> args) {
        List<String> policies = options(args, "--policy");
        String policy = policies.get(0);
        boolean coverage = args.remove("--coverage");
        String minText = option(args, "--min-coverage", false);
        String reportDir = option(args, "--report", false);
        Double min = null;
        if (minText != null) {
            try {
                min = Double.valueOf(minText);
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (min.isNaN() || min < 0 || min > 100) {
                throw new UsageException("--min-coverage is a percentage from 0 to 100, not '" + minText + "'");
            }
        }
        if (args.isEmpty()) {
            throw new UsageException("check needs at least one scenario file or folder");
        }
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (coverage || min != null || reportDir != null) {
            if (policies.size() > 1) {
                throw new UsageException("coverage and reports are measured one pack at a time; give one --policy");
            }
            return checkWithTools(policy, args, coverage || min != null, min, reportDir);
        }
        PolicyEngine engine = PolicyEngine.layered(policies);
        int[] counts = runScenarios(args, path -> Scenarios.run(engine, path));
        out.println(counts[0] + " passed, " + counts[1] + " failed");
        return checkExit(counts, false);
    }

    /**
     * 1 when anything failed (a scenario, a scenario file that failed whole, a path, the coverage
     * minimum), else 0. A scenario file that does not load counts as failed, as the scenario-format
     * contract says; 2 is kept for bad usage and a policy that does not load.
     */
    private static int checkExit(int[] counts, boolean belowMinimum) {
        return counts[1] > 0 || counts[2] > 0 || belowMinimum ? 1 : 0;
    }

    /**
     * Runs {@code run} on each path, printing a line for every failure and for a path that does
     * not exist; returns {passed, failed, files that failed whole}.
     */
    private int[] runScenarios(List<String> args, java.util.function.Function<Path, List<ScenarioResult>> run) {
        int[] counts = {0, 0, 0};
        for (String a : args) {
            Path path = Path.of(a);
            if (!Files.exists(path)) {
                out.println("FAIL " + a + ": no such file or folder");
                counts[1]++;
                continue;
            }
            if (Files.isDirectory(path) && Scenarios.files(path).isEmpty()) {
                out.println("FAIL " + a + ": no scenario files (*.yaml, *.yml) in this folder");
                counts[1]++;
                continue;
            }
            for (ScenarioResult r : run.apply(path)) {
                if (r.passed()) {
                    counts[0]++;
                } else {
                    counts[1]++;
                    counts[2] += r.fileFailed() ? 1 : 0;
                    out.println(r);
                }
            }
        }
        return counts;
    }

    /** check with --coverage, --min-coverage or --report: the same scenario lines, then coverage, then the count. */
    private int checkWithTools(String policy, List<String> args, boolean coverage, Double min, String reportDir) {
        LoadedPack loaded = LoadedPack.load(policy);
        List<ScenarioRunner.Observed> observed = new ArrayList<>();
        int[] counts = runScenarios(args, path -> {
            List<ScenarioRunner.Observed> o = Coverage.observe(loaded.policyEngine(), List.of(path));
            observed.addAll(o);
            return o.stream().map(ScenarioRunner.Observed::result).toList();
        });
        int passed = counts[0];
        int failed = counts[1];
        CoverageReport report = Coverage.of(loaded, observed);
        boolean belowMinimum = false;
        if (coverage) {
            report.lines().forEach(out::println);
            Double threshold = min != null ? min : report.packMinimum() == null ? null : report.packMinimum().doubleValue();
            if (threshold != null) {
                belowMinimum = !report.meets(threshold);
                String source = min != null ? "--min-coverage" : "coverage.minimum of the pack";
                out.println("minimum " + CoverageReport.show(threshold) + " (" + source + "): "
                        + (belowMinimum ? "NOT MET" : "met"));
            }
        }
        if (reportDir != null) {
            Path file = HtmlReport.write(Path.of(reportDir), loaded, observed, report, Lint.run(loaded));
            out.println("report: " + file);
        }
        out.println(passed + " passed, " + failed + " failed");
        return checkExit(counts, belowMinimum);
    }

    // ---- decide -----------------------------------------------------------------------------

    private int decide(List<String> args) {
        List<String> policies = options(args, "--policy");
        String policy = policies.get(0);
        String requestFile = option(args, "--request", false);
        boolean exitCode = args.remove("--exit-code");
        boolean explain = args.remove("--explain");
        boolean dpv = args.remove("--dpv");
        if (dpv && explain) {
            throw new UsageException("--dpv goes with a plain decide, not with --explain");
        }
        boolean json = !explain || format(args);
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument '" + args.get(0) + "'");
        }
        String display = requestFile == null || requestFile.equals("-") ? "<stdin>" : requestFile;
        byte[] bytes;
        try {
            bytes = requestFile == null || requestFile.equals("-")
                    ? in.readNBytes(YamlReader.MAX_BYTES + 1)
                    : readFile(Path.of(requestFile));
        } catch (IOException e) {
            err.println("error: " + display + ":0:0: cannot read the request: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getClass().getSimpleName()));
            return 2;
        }
        if (explain && policies.size() > 1) {
            throw new UsageException("--explain traces one pack at a time; give one --policy");
        }
        LoadedPack loaded = explain ? LoadedPack.load(policy) : null;
        PolicyEngine engine = explain ? loaded.policyEngine() : PolicyEngine.layered(policies);
        Problems problems = new Problems();
        Node root = YamlReader.read(display, bytes, problems);
        String kind = "request";
        if (root instanceof Node.MapNode map && map.entries().size() == 1) {
            String only = map.entries().keySet().iterator().next();
            if (only.equals("request") || only.equals("rightsRequest") || only.equals("retention")) {
                kind = only;
                root = map.get(only);
            }
        }
        if (root instanceof Node.MapNode map && kind.equals("request")) {
            // A bare mapping is told apart by its keys: a right, or a retention question.
            if (map.entries().containsKey("right")) {
                kind = "rightsRequest";
            } else if (map.entries().containsKey("purposes") || map.entries().containsKey("asOf")) {
                kind = "retention";
            }
        }
        Object request = root == null ? null : switch (kind) {
            case "rightsRequest" -> ScenarioRunner.rightsRequest(root, problems);
            case "retention" -> ScenarioRunner.retention(root, problems, ScenarioRunner.eventKeys(engine));
            default -> ScenarioRunner.request(root, problems);
        };
        if (!problems.isEmpty()) {
            for (Problem p : problems.sorted()) {
                err.println("error: " + p);
            }
            return 2;
        }
        boolean negative;
        if (explain) {
            return explain(loaded, request, json, exitCode);
        }
        if (dpv && request instanceof RetentionQuery) {
            throw new UsageException("--dpv gives the DPV terms of a processing or rights request, not of a retention query");
        }
        if (request instanceof RightsRequest r) {
            RightsDecision d = engine.decide(r);
            Map<String, Object> m = answer("outcome", d.outcome().id(), "respondBy", d.respondBy(), d.reasons(),
                    d.obligationIds(), d.policy());
            if (dpv) {
                m.put("dpv", dpv(engine.terms(r)));
            }
            out.println(toJson(m));
            negative = d.outcome() != Outcome.FULFIL;
        } else if (request instanceof RetentionQuery q) {
            RetentionDecision d = engine.decide(q);
            out.println(json("action", d.action().id(), "until", d.until(), d.reasons(), null, d.policy()));
            negative = false;
        } else {
            ProcessingRequest p = (ProcessingRequest) request;
            Decision d = engine.decide(p);
            Map<String, Object> m = answer("decision", d.effect().id(), null, null, d.reasons(), d.obligationIds(), d.policy());
            if (dpv) {
                m.put("dpv", dpv(engine.terms(p)));
            }
            out.println(toJson(m));
            negative = !d.permitted();
        }
        return exitCode && negative ? 1 : 0;
    }

    /** decide --explain: the answer with the rules that fired, those that did not match and why, and how they combined. */
    private int explain(LoadedPack loaded, Object request, boolean json, boolean exitCode) {
        PolicyEngine engine = loaded.policyEngine();
        java.time.LocalDate today = java.time.LocalDate.now(engine.clock());
        Explain.Explanation e;
        Map<String, Object> answer;
        boolean negative;
        if (request instanceof RightsRequest r) {
            RightsDecision d = engine.decide(r);
            e = Explain.of(loaded, r, today);
            answer = answer("outcome", d.outcome().id(), "respondBy", d.respondBy(), d.reasons(), d.obligationIds(), d.policy());
            negative = d.outcome() != Outcome.FULFIL;
        } else if (request instanceof RetentionQuery q) {
            RetentionDecision d = engine.decide(q);
            e = Explain.of(loaded, q, today);
            answer = answer("action", d.action().id(), "until", d.until(), d.reasons(), null, d.policy());
            negative = false;
        } else {
            Decision d = engine.decide((ProcessingRequest) request);
            e = Explain.of(loaded, (ProcessingRequest) request);
            answer = answer("decision", d.effect().id(), null, null, d.reasons(), d.obligationIds(), d.policy());
            negative = !d.permitted();
        }
        if (json) {
            answer.put("explain", e.toMap());
            out.println(toJson(answer));
        } else {
            out.println("policy: " + loaded.pack().info().id() + " " + loaded.pack().info().version());
            e.lines().forEach(out::println);
        }
        return exitCode && negative ? 1 : 0;
    }

    private static byte[] readFile(Path file) throws IOException {
        try (InputStream s = Files.newInputStream(file)) {
            return s.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    /**
     * The {@code dpv} object of {@code decide --dpv}: {@code action}, {@code purpose}, {@code basis},
     * {@code recipient}, {@code right} (each only when the pack gives a term) and {@code data}
     * (category to term, only when some category has one).
     */
    static Map<String, Object> dpv(Terms terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "action", terms.action());
        putIfPresent(m, "purpose", terms.purpose());
        putIfPresent(m, "basis", terms.basis());
        putIfPresent(m, "recipient", terms.recipient());
        putIfPresent(m, "right", terms.right());
        if (!terms.data().isEmpty()) {
            m.put("data", terms.data());
        }
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static String json(Decision d) {
        return json("decision", d.effect().id(), null, null, d.reasons(), d.obligationIds(), d.policy());
    }

    /**
     * The JSON of an answer, keyed as in scenario files: {@code decision} (permit, deny),
     * {@code outcome} (fulfil, refuse, verify-identity) or {@code action} (retain, dispose); the day
     * when there is one ({@code respondBy}, {@code until}); {@code reasons}; {@code obligations}
     * (not for retention); {@code policy} and {@code policyVersion}.
     */
    static String json(String answerKey, String answer, String dayKey, java.time.LocalDate day, List<Reason> given,
                       List<String> obligations, PolicyInfo policy) {
        return toJson(answer(answerKey, answer, dayKey, day, given, obligations, policy));
    }

    /** The answer as the map {@link #json} writes. */
    static Map<String, Object> answer(String answerKey, String answer, String dayKey, java.time.LocalDate day,
                                      List<Reason> given, List<String> obligations, PolicyInfo policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(answerKey, answer);
        if (dayKey != null) {
            m.put(dayKey, day == null ? null : day.toString());
        }
        List<Map<String, String>> reasons = new ArrayList<>();
        for (Reason r : given) {
            Map<String, String> rm = new LinkedHashMap<>();
            rm.put("code", r.code());
            rm.put("clause", r.clause());
            rm.put("message", r.message());
            rm.put("rule", r.rule());
            rm.put("pack", r.pack());
            reasons.add(rm);
        }
        m.put("reasons", reasons);
        if (obligations != null) {
            m.put("obligations", obligations);
        }
        m.put("policy", policy.id());
        m.put("policyVersion", policy.version());
        return m;
    }

    // ---- lint -------------------------------------------------------------------------------

    private int lint(List<String> args) {
        String policy = option(args, "--policy", true);
        String against = option(args, "--against", false);
        if (against != null) {
            return gaps(policy, against, args);
        }
        boolean json = format(args);
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument '" + args.get(0) + "'");
        }
        LintReport report = Lint.run(LoadedPack.load(policy));
        if (json) {
            out.println(toJson(report.toMap()));
        } else {
            report.findings().forEach(f -> out.println(f.line()));
            out.println(report.summary());
        }
        return report.failed() ? 1 : 0;
    }

    /**
     * {@code lint --policy COMPANY --against LAW}: every case the company permits and the law
     * layer denies; exit 1 when there is one, as lint does for an error.
     */
    private int gaps(String policy, String against, List<String> args) {
        String format = option(args, "--format", false);
        if (format != null && !List.of("text", "json", "markdown").contains(format)) {
            throw new UsageException("--format is text, json or markdown, not '" + format + "'");
        }
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument '" + args.get(0) + "'");
        }
        GapReport report = GapReport.of(policy, against);
        if ("json".equals(format)) {
            out.println(toJson(report.toMap()));
        } else if ("markdown".equals(format)) {
            out.print(report.markdown(gapCommand(policy, against)));
        } else {
            report.lines().forEach(out::println);
        }
        return report.any() ? 1 : 0;
    }

    /** The command that writes the committed gap report, as the report names it. */
    static String gapCommand(String policy, String against) {
        return GapReport.command(policy, against);
    }

    // ---- doc --------------------------------------------------------------------------------

    /** doc: the pack as a readable document, Markdown (the default) or HTML, on stdout or in --out. */
    private int doc(List<String> args) {
        String policy = option(args, "--policy", true);
        String formatText = option(args, "--format", false);
        String outFile = option(args, "--out", false);
        PackDoc.Format format = formatText == null ? PackDoc.Format.MARKDOWN : PackDoc.Format.of(formatText);
        if (format == null) {
            throw new UsageException("--format is markdown or html, not '" + formatText + "'");
        }
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument '" + args.get(0) + "'");
        }
        String text = PackDoc.render(LoadedPack.load(policy), format);
        if (outFile == null) {
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            Files.writeString(Path.of(outFile), text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            err.println("error: " + outFile + ": cannot write the document: " + e.getClass().getSimpleName());
            return 2;
        }
        out.println("doc: " + outFile);
        return 0;
    }

    // ---- diff -------------------------------------------------------------------------------

    private int diff(List<String> args) {
        boolean json = format(args);
        String examples = option(args, "--examples", false);
        int n = 5;
        if (examples != null) {
            try {
                n = Integer.parseInt(examples);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new UsageException("--examples is a whole number, not '" + examples + "'");
            }
        }
        for (String a : args) {
            if (a.startsWith("--")) {
                throw new UsageException("unknown option '" + a + "'");
            }
        }
        if (args.size() != 2) {
            throw new UsageException("diff compares two packs: diff OLD NEW");
        }
        PackDiff.Report report = PackDiff.compare(LoadedPack.load(args.get(0)), LoadedPack.load(args.get(1)));
        if (json) {
            out.println(toJson(report.toMap()));
        } else {
            report.lines(n).forEach(out::println);
        }
        return report.exitCode();
    }

    /** Reads {@code --format text|json}; true for json. */
    private static boolean format(List<String> args) {
        String format = option(args, "--format", false);
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw new UsageException("--format is text or json, not '" + format + "'");
        }
        return "json".equals(format);
    }

    static String toJson(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- demo -------------------------------------------------------------------------------

    private int demo(List<String> args) {
        String policy = option(args, "--policy", false);
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument '" + args.get(0) + "'");
        }
        String location = policy == null ? DEFAULT_POLICY : policy;
        PolicyEngine engine = PolicyEngine.load(location);
        out.println("privacy-rules demo: " + engine.policy().title() + ", version " + engine.policy().version()
                + " (" + engine.policy().id() + ")");
        out.println();
        List<Demo.Step> steps;
        try {
            steps = Demo.steps(location, engine);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the pack's scenario files", e);
        }
        if (steps.isEmpty()) {
            out.println("The pack has no scenario files (scenarios/*.yaml beside its policy.yaml); the demo shows"
                    + " requests taken from them.");
            return 0;
        }
        for (Demo.Step step : steps) {
            if (step.question() instanceof ProcessingRequest q) {
                Decision d = engine.decide(q);
                out.println((d.permitted() ? "PERMIT  " : "DENY    ") + step.story());
                reasons(d.reasons());
                for (Obligation o : d.obligations()) {
                    out.println("        obligation " + o.id() + " (" + o.clause() + "): " + o.description());
                }
            } else if (step.question() instanceof RightsRequest q) {
                RightsDecision d = engine.decide(q);
                out.println(String.format("%-8s", d.outcome().id().toUpperCase(java.util.Locale.ROOT)) + step.story()
                        + (d.respondBy() == null ? "" : " (respond by " + d.respondBy() + ")"));
                reasons(d.reasons());
                for (Obligation o : d.obligations()) {
                    out.println("        obligation " + o.id() + " (" + o.clause() + "): " + o.description());
                }
            } else if (step.question() instanceof RetentionQuery q) {
                RetentionDecision d = engine.decide(q);
                out.println(String.format("%-8s", d.action().id().toUpperCase(java.util.Locale.ROOT)) + step.story()
                        + (d.until() == null ? "" : " (until " + d.until() + ")"));
                reasons(d.reasons());
            }
            out.println();
        }
        return 0;
    }

    private void reasons(List<Reason> reasons) {
        for (Reason r : reasons) {
            out.println("        " + r.clause() + "  " + r.code() + ": " + r.message());
        }
    }

    // ---- options ----------------------------------------------------------------------------

    /** Every value of an option that may be given more than once; at least one is required. */
    private static List<String> options(List<String> args, String name) {
        List<String> values = new ArrayList<>();
        values.add(option(args, name, true));
        while (args.contains(name)) {
            values.add(option(args, name, true));
        }
        return values;
    }

    private static String option(List<String> args, String name, boolean required) {
        int i = args.indexOf(name);
        if (i < 0) {
            if (required) {
                throw new UsageException("missing " + name);
            }
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        String value = args.get(i + 1);
        args.remove(i + 1);
        args.remove(i);
        return value;
    }

    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
