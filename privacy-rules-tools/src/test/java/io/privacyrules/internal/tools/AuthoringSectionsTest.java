package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyLoadException;
import io.privacyrules.Problem;
import io.privacyrules.internal.pack.Pack;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader reads implements, lint, coverage and controller, and reports every mistake in them with its line. */
class AuthoringSectionsTest {
    @Test
    void theSeedPackDeclaresThem() {
        Pack.Authoring a = ToolPacks.seed().pack().authoring();
        assertEquals(List.of("I", "III", "IV.2", "V", "VI", "VII"), a.implementsClauses());
        assertEquals(95, a.coverageMinimum());
        assertEquals("recipient-abroad-forbidden", a.acknowledged().get(0).code());
        assertEquals("bmw-ag", a.acknowledged().get(0).about());
        assertEquals("China Unicom Network Communication Co., Ltd. Shanghai Branch", a.controller().name());
    }

    @Test
    void mistakesAreLoadErrorsWithTheirLines(@TempDir Path dir) {
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "policy.yaml", "implements: [I, III, IV.2, V, VI, VII]", "implements: [I, IX, I, not a clause]");
        ToolPacks.edit(pack, "policy.yaml", "  minimum: 95", "  minimum: 150");
        ToolPacks.edit(pack, "policy.yaml", "  acknowledged:\n", "  acknowledge: []\n  acknowledged:\n    - {code: never-fires, about: x}\n");
        ToolPacks.edit(pack, "policy.yaml", "  contact: \"Phone", "  phone: \"Phone");
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PolicyEngine.load(pack));
        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        int implementsLine = ToolPacks.lineOf(pack, "implements: [");
        assertTrue(has(problems, implementsLine, "clause IX is not declared in 'clauses'"), problems::toString);
        assertTrue(has(problems, implementsLine, "clause I is listed twice in 'implements'"), problems::toString);
        assertTrue(has(problems, implementsLine, "'not a clause' is not a clause reference"), problems::toString);
        assertTrue(has(problems, ToolPacks.lineOf(pack, "  minimum: 150"), "coverage.minimum is a percentage from 0 to 100"),
                problems::toString);
        assertTrue(has(problems, ToolPacks.lineOf(pack, "  acknowledge: []"), "unknown key 'acknowledge' in the lint section"),
                problems::toString);
        assertTrue(has(problems, ToolPacks.lineOf(pack, "{code: never-fires, about: x}"), "an acknowledged finding needs the key 'reason'"),
                problems::toString);
        assertTrue(has(problems, ToolPacks.lineOf(pack, "  phone: \"Phone"), "unknown key 'phone' in the controller section"),
                problems::toString);
        assertEquals(7, problems.size(), problems::toString);
    }

    private static boolean has(List<String> problems, int line, String text) {
        return problems.stream().anyMatch(p -> p.contains("policy.yaml:" + line + ":") && p.contains(text));
    }
}
