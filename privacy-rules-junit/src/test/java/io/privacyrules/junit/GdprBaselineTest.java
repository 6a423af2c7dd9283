package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.tools.Lint;
import io.privacyrules.internal.tools.LintReport;
import io.privacyrules.internal.tools.LoadedPack;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The GDPR law layer (rules/gdpr-baseline): its own scenarios, loaded from the bundled packs
 * (classpath:gdpr-baseline), and their coverage; and PulseTrack held against it (the company first,
 * the law second, through rules/pulsetrack-eu/maps/gdpr-baseline.yaml), with the layered scenarios
 * of rules/pulsetrack-eu/scenarios-gdpr.
 */
class GdprBaselineTest {
    static final String PACK = "../rules/gdpr-baseline";
    static final String SCENARIOS = PACK + "/scenarios";
    static final String LAYERED_SCENARIOS = "../rules/pulsetrack-eu/scenarios-gdpr";
    static final String COMPANY = "pulsetrack-eu";
    static final String LAW = "gdpr-baseline";

    @TestFactory
    Stream<DynamicNode> baselineScenarios() {
        return PackScenarios.of("classpath:gdpr-baseline", SCENARIOS);
    }

    static PolicyEngine pulseTrackUnderTheLaw() {
        return PolicyEngine.layered("classpath:pulsetrack-eu", "classpath:gdpr-baseline");
    }

    @TestFactory
    Stream<DynamicNode> pulseTrackUnderTheBaseline() {
        return PackScenarios.of(pulseTrackUnderTheLaw(), LAYERED_SCENARIOS);
    }

    /** The folder's four files are there and every scenario passes (a moved folder would run nothing). */
    @Test
    void theLayeredScenariosAreThereAndPass() {
        List<ScenarioResult> results = Scenarios.run(pulseTrackUnderTheLaw(), Path.of(LAYERED_SCENARIOS));
        assertTrue(results.size() >= 90, "ran " + results.size());
        assertEquals(4, results.stream().map(ScenarioResult::file).distinct().count());
        assertEquals(List.of(), results.stream().filter(r -> !r.passed()).map(ScenarioResult::toString).toList());
    }

    /**
     * The files say which layer decides, and a scenario's expectations cannot say that a layer did
     * not: a deny carries the reasons of the layers that denied. So every processing deny is decided
     * again here. In 01 both layers deny (or the request is invalid, checked once in the company's
     * terms); in 02 PulseTrack alone permits and only the law denies; in 03 only PulseTrack denies.
     */
    @Test
    void eachFileDeniesWithTheLayersItSays() throws IOException {
        PolicyEngine layered = pulseTrackUnderTheLaw();
        PolicyEngine company = PolicyEngine.load("classpath:pulsetrack-eu");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (ProcessingCase c : denies("01-where-the-layers-agree.yaml")) {
            Set<String> packs = packs(layered.decide(c.request()));
            if (!packs.equals(Set.of(COMPANY, LAW)) && !invalid(layered.decide(c.request()))) {
                wrong.add("01 " + c.name() + ": denied by " + packs);
            }
            checked++;
        }
        for (ProcessingCase c : denies("02-where-the-law-is-stricter.yaml")) {
            if (!company.decide(c.request()).permitted() || !packs(layered.decide(c.request())).equals(Set.of(LAW))) {
                wrong.add("02 " + c.name() + ": PulseTrack alone " + company.decide(c.request()).effect()
                        + ", denied by " + packs(layered.decide(c.request())));
            }
            checked++;
        }
        for (ProcessingCase c : denies("03-where-the-company-is-stricter.yaml")) {
            if (!packs(layered.decide(c.request())).equals(Set.of(COMPANY))) {
                wrong.add("03 " + c.name() + ": denied by " + packs(layered.decide(c.request())));
            }
            checked++;
        }
        assertTrue(checked >= 30, "checked " + checked);
        assertEquals(List.of(), wrong);
    }

    record ProcessingCase(String name, ProcessingRequest request) {
    }

    /** The processing scenarios of a file of the folder that expect a deny, with their requests. */
    static List<ProcessingCase> denies(String file) throws IOException {
        Path path = Path.of(LAYERED_SCENARIOS, file);
        Problems problems = new Problems();
        Node root = YamlReader.read(path.toString(), Files.readAllBytes(path), problems);
        List<ProcessingCase> out = new ArrayList<>();
        for (Node n : ((Node.ListNode) ((Node.MapNode) root).get("scenarios")).items()) {
            Node.MapNode scenario = (Node.MapNode) n;
            Node request = scenario.get("request");
            Node.MapNode expect = (Node.MapNode) scenario.get("expect");
            if (request != null && "deny".equals(((Node.ScalarNode) expect.get("decision")).value())) {
                out.add(new ProcessingCase((String) ((Node.ScalarNode) scenario.get("name")).value(),
                        ScenarioRunner.request(request, problems)));
            }
        }
        assertTrue(problems.isEmpty(), () -> path + ": " + problems.sorted());
        assertFalse(out.isEmpty(), path + " has no deny");
        return out;
    }

    static Set<String> packs(Decision d) {
        return d.reasons().stream().map(Reason::pack).collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean invalid(Decision d) {
        return d.reasons().stream().anyMatch(r -> r.code().equals("invalid-request"));
    }

    /** The bundled copy is the folder's: the same pack, version and jurisdiction. */
    @Test
    void theBundledPackIsTheFolder() {
        PolicyEngine bundled = PolicyEngine.load("classpath:gdpr-baseline");
        PolicyEngine folder = PolicyEngine.load(java.nio.file.Path.of(PACK));
        assertEquals(folder.policy(), bundled.policy());
        assertEquals("EEA", bundled.policy().jurisdiction());
    }

    /**
     * bin/privacy-rules lint --policy rules/gdpr-baseline: no error, no warning; the acknowledged findings
     * are the categories only maps reach (unused-id) and the bases that need no consent, whose special
     * categories the Art. 9(1) rule denies (sensitive-without-consent), each with its reason in policy.yaml.
     */
    @Test
    void lintHasNothingUnacknowledged() {
        LintReport report = Lint.run(LoadedPack.load(PACK));
        assertEquals(0, report.errors() + report.warnings(), report.summary());
        assertEquals(Set.of("unused-id", "sensitive-without-consent"),
                report.findings().stream().map(f -> f.code()).collect(Collectors.toSet()), report.summary());
        assertTrue(report.findings().stream().allMatch(f -> f.acknowledged() != null && !f.acknowledged().isBlank()));
    }

    /** The build fails if the baseline's scenarios drop below the minimum the pack sets (100%). */
    @Test
    void theBaselineScenariosCoverEveryClauseAndRule() {
        PackCoverage.Report r = PackCoverage.assertCovered(PACK, SCENARIOS);
        assertEquals(100, r.minimum());
        assertTrue(r.clausePercent() >= 100 && r.rulePercent() >= 100, r.summary());
    }
}
