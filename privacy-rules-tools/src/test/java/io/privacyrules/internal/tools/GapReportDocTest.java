package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The gap report of the seed pack against the PIPL baseline, committed in docs/, is current. */
class GapReportDocTest {
    static final Path COMMITTED = Path.of("..", "docs", "gap-report-pipl.md");
    static final String COMMAND = GapReport.command("rules/bmw-connected-drive-cn", "rules/pipl-baseline");

    @Test
    void theCommittedGapReportIsCurrent() throws IOException {
        GapReport report = GapReport.of("../rules/bmw-connected-drive-cn", "../rules/pipl-baseline");
        // issue 8: the report lists at least the affiliate and dealer sharing of III.2(1) on explicit consent
        for (String recipient : new String[] {"bmw-affiliate", "authorized-dealer"}) {
            assertTrue(report.gaps().stream().anyMatch(g -> "share".equals(g.action()) && recipient.equals(g.recipient())
                    && g.companyClauses().stream().anyMatch(c -> c.startsWith("III.2(1)"))
                    && g.lawClauses().contains("Art. 23") && g.closedBySeparateConsent()),
                    () -> "no III.2(1) / Art. 23 gap for " + recipient + ":\n" + String.join("\n", report.lines()));
        }
        String fresh = report.markdown(COMMAND);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n") : "";
        if (!fresh.equals(committed)) {
            fail("docs/gap-report-pipl.md is not the gap report of the packs as they are now. Regenerate it from the "
                    + "repository's root with:\n  " + COMMAND + " > docs/gap-report-pipl.md\nand commit it with the change.");
        }
    }
}
