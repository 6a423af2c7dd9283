package io.privacyrules.junit;

import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.tools.Coverage;
import io.privacyrules.internal.tools.CoverageReport;
import io.privacyrules.internal.tools.LoadedPack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * How much of a pack its scenario files exercise, as a JUnit assertion: the build fails when clause
 * or rule coverage drops below the pack's {@code coverage.minimum} (or a minimum given here).
 *
 * <pre>{@code
 * class MyPackTest {
 *     @Test
 *     void scenariosCoverThePack() {
 *         PackCoverage.assertCovered("rules/my-pack", "rules/my-pack/scenarios");
 *     }
 * }
 * }</pre>
 *
 * <p>A clause or rule is covered when some scenario made it fire and some scenario of its kind ran
 * without it firing; see {@code docs/authoring-guide.md}. Stateless and thread-safe.
 */
public final class PackCoverage {
    private PackCoverage() {
    }

    /**
     * The coverage of a pack by its scenarios.
     *
     * @param clausePercent  covered clauses, in percent
     * @param rulePercent    covered rules, in percent
     * @param minimum        the pack's {@code coverage.minimum}, or null when it sets none
     * @param uncovered      one line per uncovered clause or rule, saying what is missing
     * @param summary        {@code clauses 97.9% (48 of 49), rules 98.0% (50 of 51)}
     */
    public record Report(double clausePercent, double rulePercent, Integer minimum, List<String> uncovered, String summary) {
        /**
         * @param clausePercent covered clauses, in percent
         * @param rulePercent   covered rules, in percent
         * @param minimum       the pack's {@code coverage.minimum}, or null when it sets none
         * @param uncovered     one line per uncovered clause or rule
         * @param summary       the one-line summary
         * @throws NullPointerException if a list or the summary is null
         */
        public Report {
            uncovered = List.copyOf(uncovered);
            Objects.requireNonNull(summary, "summary");
        }

        /**
         * True when both clause and rule coverage reach {@code minimum} percent.
         *
         * @param minimum a percentage from 0 to 100
         * @return whether both clause and rule coverage reach it
         */
        public boolean meets(double minimum) {
            return clausePercent + 1e-9 >= minimum && rulePercent + 1e-9 >= minimum;
        }
    }

    /**
     * Runs the scenarios at each of {@code fileOrDirs} against the pack at {@code policy} (a folder
     * or {@code classpath:NAME}) and measures their coverage. Scenarios that fail still count.
     *
     * @param policy     a pack folder, or {@code classpath:NAME}
     * @param fileOrDirs scenario files or folders
     * @return the coverage
     * @throws NullPointerException                 if an argument is null
     * @throws io.privacyrules.PolicyLoadException if the pack does not load
     */
    public static Report of(String policy, String... fileOrDirs) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fileOrDirs, "fileOrDirs");
        LoadedPack pack = LoadedPack.load(policy);
        List<Path> paths = new ArrayList<>();
        for (String f : fileOrDirs) {
            paths.add(Path.of(Objects.requireNonNull(f, "fileOrDirs element")));
        }
        List<ScenarioRunner.Observed> observed = Coverage.observe(pack.policyEngine(), paths);
        CoverageReport r = Coverage.of(pack, observed);
        List<String> lines = new ArrayList<>(r.lines());
        lines.remove(lines.size() - 1);
        return new Report(r.clausePercent(), r.rulePercent(), r.packMinimum(), lines, r.summary() + " over " + r.scenarios() + " scenarios");
    }

    /**
     * Fails unless the scenarios reach the pack's {@code coverage.minimum}.
     *
     * @param policy     a pack folder, or {@code classpath:NAME}
     * @param fileOrDirs scenario files or folders
     * @return the coverage, when it reaches the minimum
     * @throws AssertionFailedError if coverage is below the minimum (listing what is uncovered), or
     *                              if the pack sets no {@code coverage.minimum}
     * @throws NullPointerException if an argument is null
     */
    public static Report assertCovered(String policy, String... fileOrDirs) {
        Report r = of(policy, fileOrDirs);
        if (r.minimum() == null) {
            throw new AssertionFailedError("the pack " + policy + " sets no coverage.minimum; add coverage: {minimum: 90} "
                    + "to its policy.yaml, or call assertCovered(minimum, ...)");
        }
        return check(r, r.minimum(), "the pack's coverage.minimum");
    }

    /**
     * Fails unless the scenarios reach {@code minimum} percent of clause and of rule coverage.
     *
     * @param minimum    a percentage from 0 to 100
     * @param policy     a pack folder, or {@code classpath:NAME}
     * @param fileOrDirs scenario files or folders
     * @return the coverage, when it reaches the minimum
     * @throws IllegalArgumentException if {@code minimum} is not between 0 and 100
     * @throws AssertionFailedError     if coverage is below it, listing what is uncovered
     * @throws NullPointerException     if an argument is null
     */
    public static Report assertCovered(double minimum, String policy, String... fileOrDirs) {
        if (!(minimum >= 0 && minimum <= 100)) {
            throw new IllegalArgumentException("minimum must be a percentage from 0 to 100, not " + minimum);
        }
        return check(of(policy, fileOrDirs), minimum, "the minimum");
    }

    private static Report check(Report r, double minimum, String what) {
        if (!r.meets(minimum)) {
            throw new AssertionFailedError("coverage " + r.summary() + " is below " + what + " of "
                    + CoverageReport.show(minimum) + ":\n" + String.join("\n", r.uncovered()));
        }
        return r;
    }
}
