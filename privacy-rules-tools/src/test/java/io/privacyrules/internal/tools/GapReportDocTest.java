package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gap reports committed in docs/ are current: each is regenerated from the packs as they are and
 * compared with the page. Each report also has to show a gap checked here by hand, so that a report
 * that lost its point (an empty grid, a map that hides the law) fails even when regenerated.
 */
class GapReportDocTest {

    /** One committed report: the company pack, the law layer, the page, and what the report must show. */
    record Committed(String company, String law, String page, Consumer<GapReport> mustShow) {
        Path path() {
            return Path.of("..", "docs", page);
        }

        String command() {
            return GapReport.command("rules/" + company, "rules/" + law);
        }

        @Override
        public String toString() {
            return "docs/" + page;
        }
    }

    static Stream<Committed> reports() {
        return Stream.of(
                new Committed("bmw-connected-drive-cn", "pipl-baseline", "gap-report-pipl.md", GapReportDocTest::affiliateAndDealerSharing),
                new Committed("pulsetrack-eu", "gdpr-baseline", "gap-report-gdpr.md", GapReportDocTest::processorsWithoutTheLawsBasis));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void theCommittedGapReportIsCurrent(Committed c) throws IOException {
        GapReport report = GapReport.of("../rules/" + c.company(), "../rules/" + c.law());
        c.mustShow().accept(report);
        String fresh = report.markdown(c.command());
        String committed = Files.exists(c.path()) ? Files.readString(c.path(), StandardCharsets.UTF_8).replace("\r\n", "\n") : "";
        if (!fresh.equals(committed)) {
            fail(c + " is not the gap report of the packs as they are now. Regenerate it from the repository's root with:\n  "
                    + c.command() + " > " + c + "\nand commit it with the change.");
        }
    }

    /** Issue 8: the seed's affiliate and dealer sharing of III.2(1) on an explicit consent, which Art. 23 wants separate. */
    static void affiliateAndDealerSharing(GapReport report) {
        for (String recipient : new String[] {"bmw-affiliate", "authorized-dealer"}) {
            assertTrue(report.gaps().stream().anyMatch(g -> "share".equals(g.action()) && recipient.equals(g.recipient())
                    && g.companyClauses().stream().anyMatch(c -> c.startsWith("III.2(1)"))
                    && g.lawClauses().contains("Art. 23") && g.closedByStrongerConsent()),
                    () -> "no III.2(1) / Art. 23 gap for " + recipient + ":\n" + String.join("\n", report.lines()));
        }
    }

    static final List<String> PULSETRACK_PROCESSORS = List.of("email-delivery", "hosting-provider", "payment-processor", "support-software");

    /**
     * PulseTrack's III.1 permits handing data to any of its four processors for any purpose; the law
     * sees a disclosure on the purpose's own basis. Connected-app sharing rests on consent, so without
     * one Art. 6(1)(a) denies; health data for legal compliance, with no law requiring it, has no
     * condition of Art. 9(2), which an explicit consent would give.
     */
    static void processorsWithoutTheLawsBasis(GapReport report) {
        for (String processor : PULSETRACK_PROCESSORS) {
            assertTrue(report.gaps().stream().anyMatch(g -> "entrust".equals(g.action()) && processor.equals(g.recipient())
                    && g.companyClauses().equals(List.of("III.1")) && g.lawClauses().equals(List.of("Art. 6(1)(a)"))
                    && g.lawCodes().equals(List.of("consent-required")) && !g.closedByStrongerConsent()),
                    () -> "no III.1 / Art. 6(1)(a) gap for " + processor + ":\n" + String.join("\n", report.lines()));
            assertTrue(report.gaps().stream().anyMatch(g -> "entrust".equals(g.action()) && processor.equals(g.recipient())
                    && g.lawClauses().equals(List.of("Art. 9(1)")) && g.closedByStrongerConsent()
                    && g.example().endsWith("ordinary consent naming purpose, recipient and action")),
                    () -> "no III.1 / Art. 9(1) gap an explicit consent closes for " + processor + ":\n"
                            + String.join("\n", report.lines()));
        }
        assertTrue(report.lines().stream().anyMatch(l -> l.contains("; an explicit consent closes it;")),
                () -> String.join("\n", report.lines()));
    }

    /** The first GDPR gap by hand: PulseTrack alone permits it, PulseTrack under the law denies it on Art. 6(1)(a). */
    @Test
    void theProcessorGapIsRealWhenDecidedByHand() {
        ProcessingRequest r = ProcessingRequest.builder().action("entrust").purpose("connected-app-sharing")
                .data("activity.gps-track").recipient("hosting-provider").build();
        assertTrue(PolicyEngine.load("../rules/pulsetrack-eu").decide(r).permitted());
        Decision both = PolicyEngine.layered("../rules/pulsetrack-eu", "../rules/gdpr-baseline").decide(r);
        assertEquals(List.of("Art. 6(1)(a)"), both.clauses(), both::toString);
        assertEquals("gdpr-baseline", both.reasons().get(0).pack());
    }

    @Test
    void anArticleFitsTheKind() {
        assertEquals("a separate", GapReport.withArticle("separate"));
        assertEquals("an explicit", GapReport.withArticle("explicit"));
    }
}
