package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import io.privacyrules.internal.tools.Lint;
import io.privacyrules.internal.tools.LintReport;
import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.tools.PackDiff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The company pack of the fictional PulseTrack EU policy (rules/pulsetrack-eu): its own scenarios
 * as dynamic tests, their coverage against the pack's minimum (100%), a clean lint, and the pack in
 * the jar the same as in the folder.
 */
class PulseTrackPackTest {
    static final String PACK = "../rules/pulsetrack-eu";
    static final String SCENARIOS = PACK + "/scenarios";

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return PackScenarios.of("classpath:pulsetrack-eu", SCENARIOS);
    }

    /** An emptied or moved scenario folder would make the factory above pass with nothing run. */
    @Test
    void theScenariosAreThereAndPass() {
        List<ScenarioResult> results = Scenarios.run(PolicyEngine.load(PACK), Path.of(SCENARIOS));
        assertTrue(results.size() >= 80, "the issue asks for at least 80 scenarios; ran " + results.size());
        assertEquals(List.of(), results.stream().filter(r -> !r.passed()).map(ScenarioResult::toString).toList());
    }

    /** The build fails if the scenarios stop covering every clause and rule of the pack. */
    @Test
    void theScenariosCoverEveryClauseAndRule() {
        PackCoverage.Report r = PackCoverage.assertCovered(PACK, SCENARIOS);
        assertEquals(100, r.minimum());
        assertTrue(r.meets(100), r.summary());
        assertEquals(List.of(), r.uncovered());
    }

    /** bin/privacy-rules lint --policy rules/pulsetrack-eu: no finding at all, nothing acknowledged. */
    @Test
    void lintIsClean() {
        LintReport report = Lint.run(LoadedPack.load(PACK));
        assertEquals(List.of(), report.findings(), report.summary());
        assertFalse(report.failed());
    }

    @Test
    void theJarCarriesThePackAsTheFolderHasIt() {
        PolicyEngine fromJar = PolicyEngine.load("classpath:pulsetrack-eu");
        assertEquals(PolicyEngine.load(PACK).policy(), fromJar.policy());
        assertEquals("pulsetrack-eu", fromJar.policy().id());
        assertEquals("EEA", fromJar.policy().jurisdiction());
        assertEquals("2026.1", fromJar.policy().version());
    }

    /**
     * VIII ("We tell you of material changes by email before they take effect") cites no decision: it
     * is the pack's {@code changes} section, which diff reads. A processor moved abroad and a longer
     * deadline are material (a notice, exit 4); the policy asks for no consent, even for a right reduced.
     */
    @Test
    void viiiMakesRecipientAndRightsChangesMaterialWithANoticeNotAConsent(@TempDir Path dir) throws IOException {
        Path copy = copyOfThePack(dir);
        Path yaml = copy.resolve("policy.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String moved = text.replace("  hosting-provider:\n    clause: III.1\n    location: IE", "  hosting-provider:\n    clause: III.1\n    location: US")
                .replace("    access:\n      clause: V.1\n      respondWithin: P1M", "    access:\n      clause: V.1\n      respondWithin: P2M");
        assertFalse(moved.equals(text), "the edits did not apply");
        Files.writeString(yaml, moved, StandardCharsets.UTF_8);

        PackDiff.Report r = PackDiff.compare(LoadedPack.load(PACK), LoadedPack.load(copy.toString()));
        List<String> items = r.changes().stream().map(PackDiff.Change::item).toList();
        assertEquals("VIII", r.updateClause());
        assertTrue(items.contains("VIII recipients"), items::toString);
        assertTrue(items.contains("VIII rights"), items::toString);
        assertFalse(r.reduced(), "VIII asks for a notice, not a consent");
        assertEquals(4, r.exitCode());
    }

    private static Path copyOfThePack(Path dir) throws IOException {
        Path from = Path.of(PACK);
        Path to = dir.resolve("pulsetrack-eu");
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(f, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
