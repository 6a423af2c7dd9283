package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap report of a company pack (the seed) layered with the core's small law pack (mini-law);
 * moved from the core's LayeredEngineTest with the tools.
 */
class GapReportTest {
    static final Path LAW = ToolPacks.CORE_PACKS.resolve("mini-law");
    static final Path MAP = ToolPacks.CORE_PACKS.resolve("seed-onto-mini-law.yaml");

    @Test
    void theGapReportListsAffiliateAndDealerSharingOnExplicitConsent(@TempDir Path dir) throws IOException {
        Path company = ToolPacks.copy(dir.resolve("company"));
        Files.createDirectories(company.resolve("maps"));
        Files.copy(MAP, company.resolve("maps/mini-law.yaml"));
        PolicyEngine layered = PolicyEngine.layered(company.toString(), LAW.toString());
        GapReport report = GapReport.of(layered);
        var affiliate = report.gaps().stream().filter(g -> "share".equals(g.action()) && "bmw-affiliate".equals(g.recipient())
                && g.lawClauses().contains("Art. 23")).toList();
        assertFalse(affiliate.isEmpty(), () -> String.join("\n", report.lines()));
        assertTrue(affiliate.stream().anyMatch(g -> g.companyClauses().contains("III.2(1)(a)") && g.closedByStrongerConsent()),
                () -> String.join("\n", report.lines()));
        assertTrue(report.gaps().stream().anyMatch(g -> "authorized-dealer".equals(g.recipient()) && g.lawClauses().contains("Art. 23")));
        // the law denies nothing the company itself denies: no gap cites a company deny
        assertTrue(report.gaps().stream().noneMatch(g -> g.companyClauses().contains("VII")));
        String md = report.markdown("test");
        assertTrue(md.contains("| share | bmw-affiliate | III.2(1)(a)"), md);
        assertEquals(md, GapReport.of(layered).markdown("test"), "deterministic");
    }
}
