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
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.tools.Coverage;
import io.privacyrules.internal.tools.CoverageReport;
import io.privacyrules.internal.tools.Explain;
import io.privacyrules.internal.tools.HtmlReport;
import io.privacyrules.internal.tools.LintReport;
import io.privacyrules.internal.tools.Lint;
import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.tools.PackDiff;
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
 * {@code --report}), {@code decide} (with {@code --explain}), {@code lint}, {@code diff} and
 * {@code demo}. Exit codes: 0 success; 1 scenarios failed, coverage under the minimum, lint errors,
 * or a denied decision with {@code --exit-code}; 2 bad usage or a policy that does not load; for
 * {@code diff} 0 no change, 3 minor changes only, 4 a major change, 5 a right reduced. No stack
 * trace is shown without {@code --verbose}.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: privacy-rules check  --policy POLICY [--coverage] [--min-coverage N] [--report DIR] FILE_OR_DIR...",
            "       privacy-rules decide --policy POLICY [--request FILE|-] [--exit-code] [--explain [--format text|json]]",
            "         (a processing request, a rights request or a retention query, told apart by its keys)",
            "       privacy-rules lint   --policy POLICY [--format text|json]",
            "       privacy-rules diff   OLD_POLICY NEW_POLICY [--format text|json] [--examples N]",
            "       privacy-rules demo   [--policy POLICY]",
            "Exit codes: 0 success; 1 scenarios failed, coverage under the minimum, lint errors, or (decide --exit-code)",
            "a denied decision; 2 bad usage or a policy that does not load; diff: 3 minor changes only, 4 a major",
            "change (clear notice, VIII), 5 a right reduced (explicit consent, VIII).",
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
        String policy = option(args, "--policy", true);
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
            return checkWithTools(policy, args, coverage || min != null, min, reportDir);
        }
        PolicyEngine engine = PolicyEngine.load(policy);
        int[] counts = runScenarios(args, path -> Scenarios.run(engine, path));
        out.println(counts[0] + " passed, " + counts[1] + " failed");
        return counts[1] == 0 ? 0 : 1;
    }

    /**
     * Runs {@code run} on each path, printing a line for every failure and for a path that does
     * not exist; returns {passed, failed}.
     */
    private int[] runScenarios(List<String> args, java.util.function.Function<Path, List<ScenarioResult>> run) {
        int[] counts = {0, 0};
        for (String a : args) {
            Path path = Path.of(a);
            if (!Files.exists(path)) {
                out.println("FAIL " + a + ": no such file or folder");
                counts[1]++;
                continue;
            }
            for (ScenarioResult r : run.apply(path)) {
                if (r.passed()) {
                    counts[0]++;
                } else {
                    counts[1]++;
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
        return failed == 0 && !belowMinimum ? 0 : 1;
    }

    // ---- decide -----------------------------------------------------------------------------

    private int decide(List<String> args) {
        String policy = option(args, "--policy", true);
        String requestFile = option(args, "--request", false);
        boolean exitCode = args.remove("--exit-code");
        boolean explain = args.remove("--explain");
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
            err.println("error: " + display + ":0:0: cannot read the request: " + e.getClass().getSimpleName());
            return 2;
        }
        LoadedPack loaded = explain ? LoadedPack.load(policy) : null;
        PolicyEngine engine = explain ? loaded.policyEngine() : PolicyEngine.load(policy);
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
            case "retention" -> ScenarioRunner.retention(root, problems);
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
        if (request instanceof RightsRequest r) {
            RightsDecision d = engine.decide(r);
            out.println(json("outcome", d.outcome().id(), "respondBy", d.respondBy(), d.reasons(), d.obligationIds(), d.policy()));
            negative = d.outcome() != Outcome.FULFIL;
        } else if (request instanceof RetentionQuery q) {
            RetentionDecision d = engine.decide(q);
            out.println(json("action", d.action().id(), "until", d.until(), d.reasons(), null, d.policy()));
            negative = false;
        } else {
            Decision d = engine.decide((ProcessingRequest) request);
            out.println(json(d));
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
        PolicyEngine engine = PolicyEngine.load(policy == null ? DEFAULT_POLICY : policy);
        out.println("privacy-rules demo: " + engine.policy().title() + ", version " + engine.policy().version()
                + " (" + engine.policy().id() + ")");
        out.println();
        for (Demo.Step step : Demo.steps()) {
            Decision d = engine.decide(step.request());
            out.println((d.permitted() ? "PERMIT  " : "DENY    ") + step.story());
            for (Reason r : d.reasons()) {
                out.println("        " + r.clause() + "  " + r.code() + ": " + r.message());
            }
            for (Obligation o : d.obligations()) {
                out.println("        obligation " + o.id() + " (" + o.clause() + "): " + o.description());
            }
            out.println();
        }
        return 0;
    }

    // ---- options ----------------------------------------------------------------------------

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
