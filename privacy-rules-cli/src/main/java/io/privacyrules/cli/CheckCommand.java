package io.privacyrules.cli;

import io.privacyrules.PolicyEngine;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.tools.Coverage;
import io.privacyrules.internal.tools.CoverageReport;
import io.privacyrules.internal.tools.HtmlReport;
import io.privacyrules.internal.tools.Lint;
import io.privacyrules.internal.tools.LoadedPack;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code check}: runs scenario files against a pack or layered packs, one line per failure and the
 * count last; with {@code --coverage}, {@code --min-coverage} or {@code --report}, also what the
 * scenarios exercised (one pack only).
 */
@Command(name = "check", separator = " ",
        synopsisHeading = "%nusage: ", descriptionHeading = "%n", parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        header = "Run scenario files against a pack or layered packs; with --coverage or --report, what they exercised.", sortOptions = false,
        description = "Run scenario files against the pack, or against the layered engine when --policy is given more than once. "
                + "A folder stands for every .yaml and .yml file below it. Each failure prints one line; the last line counts.",
        exitCodeListHeading = Exit.HEADING,
        exitCodeList = {
            "0:every scenario passed (and the coverage minimum, if any, was met)",
            "1:a scenario failed, a file did not load or lists no scenarios, a path does not exist, a folder holds no "
                    + "scenario files, or coverage is below the minimum",
            "2:bad usage, or a policy that does not load",
        },
        footerHeading = "%n",
        footer = "POLICY is a pack folder (rules/pulsetrack-eu) or classpath:NAME.")
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "POLICY", required = true,
            description = "the pack; again, once per further layer of the same engine (the company's pack first, then a law layer)")
    List<String> policies;

    @Option(names = "--coverage", description = "also print clause and rule coverage; one --policy only")
    boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "N",
            description = "fail (exit 1) below N percent, 0 to 100; implies --coverage; one --policy only")
    String minCoverage;

    @Option(names = "--report", paramLabel = "DIR", description = "write a one-page HTML report, DIR/index.html; one --policy only")
    String report;

    @Parameters(paramLabel = "FILE_OR_DIR...", hideParamSyntax = true, arity = "0..*", description = "scenario files, or folders of them")
    List<String> paths = new ArrayList<>();

    @Mixin
    Common common;

    @Spec
    CommandSpec spec;

    private final Context context;

    CheckCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Double min = null;
        if (minCoverage != null) {
            try {
                min = Double.valueOf(minCoverage);
            } catch (NumberFormatException e) {
                min = Double.NaN;
            }
            if (min.isNaN() || min < 0 || min > 100) {
                throw new ParameterException(spec.commandLine(),
                        "--min-coverage is a percentage from 0 to 100, not '" + minCoverage + "'");
            }
        }
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "check needs at least one scenario file or folder");
        }
        if (coverage || min != null || report != null) {
            if (policies.size() > 1) {
                throw new ParameterException(spec.commandLine(),
                        "coverage and reports are measured one pack at a time; give one --policy");
            }
            return withTools(coverage || min != null, min);
        }
        PolicyEngine engine = PolicyEngine.layered(policies);
        int[] counts = runScenarios(path -> Scenarios.run(engine, path));
        context.out().println(counts[0] + " passed, " + counts[1] + " failed");
        return exit(counts, false);
    }

    /**
     * 1 when anything failed (a scenario, a scenario file that failed whole, a path, the coverage
     * minimum), else 0. A scenario file that does not load counts as failed, as the scenario-format
     * contract says; 2 is kept for bad usage and a policy that does not load.
     */
    private static int exit(int[] counts, boolean belowMinimum) {
        return counts[1] > 0 || counts[2] > 0 || belowMinimum ? Exit.FAILED : Exit.OK;
    }

    /**
     * Runs {@code run} on each path, printing a line for every failure and for a path that does
     * not exist; returns {passed, failed, files that failed whole}.
     */
    private int[] runScenarios(Function<Path, List<ScenarioResult>> run) {
        PrintStream out = context.out();
        int[] counts = {0, 0, 0};
        for (String a : paths) {
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

    /** With --coverage, --min-coverage or --report: the same scenario lines, then coverage, then the count. */
    private int withTools(boolean printCoverage, Double min) {
        PrintStream out = context.out();
        LoadedPack loaded = LoadedPack.load(policies.get(0));
        List<ScenarioRunner.Observed> observed = new ArrayList<>();
        int[] counts = runScenarios(path -> {
            List<ScenarioRunner.Observed> o = Coverage.observe(loaded.policyEngine(), List.of(path));
            observed.addAll(o);
            return o.stream().map(ScenarioRunner.Observed::result).toList();
        });
        CoverageReport coverageReport = Coverage.of(loaded, observed);
        boolean belowMinimum = false;
        if (printCoverage) {
            coverageReport.lines().forEach(out::println);
            Double threshold = min != null ? min
                    : coverageReport.packMinimum() == null ? null : coverageReport.packMinimum().doubleValue();
            if (threshold != null) {
                belowMinimum = !coverageReport.meets(threshold);
                String source = min != null ? "--min-coverage" : "coverage.minimum of the pack";
                out.println("minimum " + CoverageReport.show(threshold) + " (" + source + "): "
                        + (belowMinimum ? "NOT MET" : "met"));
            }
        }
        if (report != null) {
            Path file = HtmlReport.write(Path.of(report), loaded, observed, coverageReport, Lint.run(loaded));
            out.println("report: " + file);
        }
        out.println(counts[0] + " passed, " + counts[1] + " failed");
        return exit(counts, belowMinimum);
    }
}
