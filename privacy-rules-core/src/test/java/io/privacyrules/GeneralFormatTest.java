package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The general pack format (issue 12) on its test pack {@code packs/general-format}, shaped on the
 * fictional PulseTrack policy: every scenario file of the pack runs here, and the load-time
 * checks of the new sections are tested one by one.
 */
class GeneralFormatTest {
    static final Path PACK = Path.of("src/test/resources/packs/general-format");
    private static final PolicyEngine ENGINE = PolicyEngine.load(PACK);

    @TestFactory
    Stream<DynamicTest> everyScenarioOfTheTestPackPasses() {
        return Scenarios.files(PACK.resolve("scenarios")).stream().flatMap(f -> Scenarios.run(ENGINE, f).stream())
                .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertTrue(r.passed(), r.file() + ":" + r.line()
                        + ": " + r.failures())));
    }

    @Test
    void theJurisdictionIsARegion() {
        assertEquals("EEA", ENGINE.policy().jurisdiction());
    }

    private static List<Problem> problems(Path dir, String from, String to) throws Exception {
        Files.createDirectories(dir);
        String text = Files.readString(PACK.resolve("policy.yaml"));
        assertTrue(text.contains(from), from);
        Files.writeString(dir.resolve("policy.yaml"), text.replace(from, to));
        return assertThrows(PolicyLoadException.class, () -> PolicyEngine.load(dir)).problems();
    }

    private static String messages(List<Problem> problems) {
        return problems.stream().map(Problem::toString).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void aCycleOfRegionsIsALoadErrorAtItsPlace(@TempDir Path dir) throws Exception {
        List<Problem> p = problems(dir, "EEA: [EU, IS, LI, \"NO\"]", "EEA: [EU, IS, LI, EFTA]\n  EFTA: [EEA]");
        String all = messages(p);
        assertTrue(all.contains("regions form a cycle"), all);
        assertTrue(p.stream().allMatch(x -> x.line() > 0), all);
    }

    @Test
    void anUnknownMemberOfARegionIsALoadErrorWithAHint(@TempDir Path dir) throws Exception {
        String all = messages(problems(dir, "EEA: [EU, IS, LI, \"NO\"]", "EEA: [Eu, IS, LI, UK]"));
        assertTrue(all.contains("'Eu' is neither a country code nor a region of the pack (hint: did you mean 'EU'?)"), all);
        assertTrue(all.contains("'UK' is not an ISO 3166-1 country code (hint: the United Kingdom is GB"), all);
    }

    @Test
    void anUndeclaredPlaceInAConditionIsALoadError(@TempDir Path dir) throws Exception {
        String all = messages(problems(dir, "destination: {notIn: EEA}", "destination: {notIn: EAA}"));
        assertTrue(all.contains("'EAA' is neither a country code nor a region of the pack (hint: did you mean 'EEA'?)"), all);
    }

    @Test
    void anUndeclaredMechanismInAConditionIsALoadError(@TempDir Path dir) throws Exception {
        String all = messages(problems(dir, "when: {transferMechanism: occasional-consent}",
                "when: {transferMechanism: occasional-consents}"));
        assertTrue(all.contains("undeclared transfer mechanism 'occasional-consents' (hint: did you mean 'occasional-consent'?)"), all);
    }

    @Test
    void clausesMustBeWrittenInTheDeclaredStyle(@TempDir Path dir) throws Exception {
        String all = messages(problems(dir, "  VIII: Changes to this policy", "  VIII: Changes to this policy\n  \u00a7 8: Changes"));
        assertTrue(all.contains("clause \u00a7 8 is written in the section style, but clauseStyle is roman"), all);
    }

    @Test
    void numberedSectionAndArticleClausesLoadAndCover(@TempDir Path dir) throws Exception {
        for (String[] style : new String[][] {{"numbered", "3", "3.2", "4.1(a)"}, {"section", "\u00a7 4", "\u00a7 4(2)", "\u00a7 4.1"},
                {"article", "Art. 6", "Art. 6(1)(a)", "Art. 13(1)(ii)"}}) {
            Path d = dir.resolve(style[0]);
            Files.createDirectories(d);
            Files.writeString(d.resolve("policy.yaml"), String.join("\n",
                    "pack: styles", "title: Styles", "version: \"1\"", "effective: 2026-01-01", "jurisdiction: DE",
                    "clauseStyle: " + style[0],
                    "children: {under: 16, clause: \"" + style[1] + "\"}",
                    "defaults: {deny: {clause: \"" + style[1] + "\", code: nothing-permits, message: Nothing permits it.}, invalidRequest: {clause: \"" + style[1] + "\"}}",
                    "clauses: {\"" + style[1] + "\": One, \"" + style[2] + "\": Two, \"" + style[3] + "\": Three}",
                    "actions: {use: {description: Use.}}", "bases: {contract: Contract.}",
                    "categories: {a: {clause: \"" + style[2] + "\", description: A}}",
                    "recipients: {r: {clause: \"" + style[3] + "\", location: DE, description: R}}",
                    "purposes: {p: {clause: \"" + style[2] + "\", basis: contract, description: P, actions: [use], data: [a]}}",
                    "obligations: {o: {clause: \"" + style[3] + "\", description: O}}", ""));
            PolicyEngine e = PolicyEngine.load(d);
            Decision decision = e.decide(ProcessingRequest.builder().action("use").purpose("p").data("a").build());
            assertTrue(decision.permitted(), style[0]);
            assertTrue(io.privacyrules.internal.Ids.covers(style[1], style[2]), style[0]);
            assertFalse(io.privacyrules.internal.Ids.covers(style[2], style[1]), style[0]);
        }
        assertFalse(io.privacyrules.internal.Ids.covers("3", "30.1"));
        assertFalse(io.privacyrules.internal.Ids.covers("\u00a7 4", "\u00a7 40"));
    }
}
