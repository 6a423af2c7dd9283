package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.internal.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage counts a rule or clause as exercised when it fired in one scenario and not in another of its kind. */
class CoverageTest {
    private static CoverageReport.Item item(List<CoverageReport.Item> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
    }

    @Test
    void theSeedScenariosReachThePacksMinimum() {
        CoverageReport r = Coverage.of(ToolPacks.seed(), ToolPacks.seedObserved());
        assertEquals(95, r.packMinimum());
        assertTrue(r.clausePercent() >= 95 && r.rulePercent() >= 95, r.summary());
        assertTrue(r.meets(r.packMinimum()), r.summary());
        assertEquals(51, r.rules().size());
        // the implemented clauses: I, III, IV.2, V, VI, VII and their items
        assertEquals(49, r.clauses().size());
        assertTrue(r.clauses().stream().noneMatch(i -> i.id().equals("II") || i.id().equals("VIII") || i.id().equals("IV")));
        assertTrue(r.scenarios() > 250);
    }

    @Test
    void aRuleThatMatchesEveryRightsRequestIsNeverSeenNotFiring() {
        CoverageReport r = Coverage.of(ToolPacks.seed(), ToolPacks.seedObserved());
        CoverageReport.Item fulfil = item(r.rules(), "rights-fulfil");
        assertFalse(fulfil.covered());
        assertEquals("never seen not firing", fulfil.missing());
        assertEquals(0, fulfil.notFired());
        assertTrue(fulfil.at().file().endsWith("rights.drl"), fulfil.at()::toString);
        assertEquals(List.of(fulfil), r.uncoveredRules());
        assertEquals(List.of("V"), r.uncoveredClauses().stream().map(CoverageReport.Item::id).toList());
        assertTrue(r.lines().get(0).startsWith("UNCOVERED clause V (Your rights): never seen not firing"), r.lines()::toString);
    }

    @Test
    void aRuleIsSeenNotFiringOnlyInScenariosOfItsKind() {
        List<ScenarioRunner.Observed> purposes = Coverage.observe(ToolPacks.seed().policyEngine(),
                List.of(ToolPacks.SCENARIOS.resolve("01-purposes.yaml")));
        CoverageReport r = Coverage.of(ToolPacks.seed(), purposes);
        CoverageReport.Item erasure = item(r.rules(), "rights-erasure-ground");
        assertEquals(0, erasure.fired());
        assertEquals(0, erasure.notFired(), "processing requests say nothing about a rights rule");
        assertEquals("never exercised", erasure.missing());
        CoverageReport.Item marketing = item(r.rules(), "marketing-needs-consent");
        assertTrue(marketing.covered(), marketing::toString);
        assertFalse(r.meets(95), r.summary());
        assertTrue(r.rulePercent() < 50, r.summary());
    }

    @Test
    void invalidRequestsDoNotCountAsSeenNotFiring(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: unknown purpose
                    request: {action: use, purpose: astrology, data: [identity.name]}
                    expect: {decision: deny, codes: [invalid-request]}
                """);
        CoverageReport r = Coverage.of(ToolPacks.seed(), Coverage.observe(ToolPacks.seed().policyEngine(), List.of(file)));
        assertTrue(r.rules().stream().allMatch(i -> i.fired() == 0 && i.notFired() == 0), r.lines()::toString);
        // the clause the engine cites for invalid requests did fire
        assertEquals(1, item(r.clauses(), "I").fired());
        assertEquals("0.0%", CoverageReport.show(r.rulePercent()));
    }

    @Test
    void rightsAndRetentionScenariosExerciseTheClausesOfTheirRightsGroundsAndPeriods(@TempDir Path dir) {
        // Rules that cite only their own clause (V, V.8, I): before strict authoring the clauses of
        // the rights, grounds and statutory periods were "never exercised (fired in 0, not fired in 0
        // scenarios)" however many rights and retention scenarios ran.
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "rules/rights.drl", "out.fulfil(5, $r.getRightClause(), ", "out.fulfil(5, ");
        ToolPacks.edit(pack, "rules/rights.drl", "out.refuse(1, $r.clauseOf($ground), ", "out.refuse(1, ");
        ToolPacks.edit(pack, "rules/retention.drl", "out.retainUntil($r.untilOf($p), $r.clauseOf($p), \"statutory-retention\"",
                "out.retainUntil($r.untilOf($p), \"statutory-retention\"");
        LoadedPack loaded = LoadedPack.load(pack.toString());
        List<ScenarioRunner.Observed> observed = Coverage.observe(loaded.policyEngine(),
                List.of(ToolPacks.SCENARIOS.resolve("07-rights.yaml"), ToolPacks.SCENARIOS.resolve("08-retention.yaml")));
        CoverageReport r = Coverage.of(loaded, observed);
        for (String clause : List.of("V.1", "V.4", "V.6", "V.8(1)", "V.8(8)")) {
            CoverageReport.Item i = item(r.clauses(), clause);
            assertTrue(i.fired() > 0 && i.notFired() > 0, i::toString);
        }
        // a clause is seen not firing only in scenarios of its kind: rights, here
        long rights = observed.stream().filter(o -> o.kind().equals("rightsRequest") && o.evaluated()).count();
        CoverageReport.Item access = item(r.clauses(), "V.1");
        assertEquals(rights, access.fired() + access.notFired(), access::toString);
        CoverageReport.Item contract = item(r.clauses(), "I.1");
        assertTrue(contract.fired() > 0, contract::toString);
    }

    @Test
    void percentagesAreRoundedDownAndTheThresholdIsExact() {
        assertEquals("94.9%", CoverageReport.show(100.0 * 94 / 99));
        assertEquals("100.0%", CoverageReport.show(100.0));
        CoverageReport.Item yes = new CoverageReport.Item("a", "I", "permit", null, 1, 1);
        CoverageReport.Item no = new CoverageReport.Item("b", "I", "permit", null, 1, 0);
        CoverageReport r = new CoverageReport(ToolPacks.seed().pack().info(), 2, List.of(yes), List.of(yes, no), null);
        assertTrue(r.meets(50));
        assertFalse(r.meets(50.1));
    }
}
