package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.ScenarioResult;
import io.privacyrules.internal.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page holds the scenario results, coverage and lint findings, escaped, on one static page. */
class HtmlReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static LintReport lint;

    @org.junit.jupiter.api.BeforeAll
    static void lint() {
        lint = Lint.run(ToolPacks.seed());
    }

    private static String page(List<ScenarioRunner.Observed> observed) {
        LoadedPack seed = ToolPacks.seed();
        return HtmlReport.render(seed.pack().info(), observed, Coverage.of(seed, observed), lint);
    }

    private static int count(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theSeedPageShowsScenariosCoverageAndLint() {
        List<ScenarioRunner.Observed> observed = ToolPacks.seedObserved();
        String html = page(observed);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Rule pack report: bmw-connected-drive-cn 2019.11</title>"));
        assertTrue(html.contains("<b>" + observed.size() + " passed</b>0 failed of " + observed.size()), html.substring(0, 3000));
        CoverageReport c = Coverage.of(ToolPacks.seed(), observed);
        assertTrue(html.contains("id=\"tile-clause-coverage\"><b>" + CoverageReport.show(c.clausePercent()) + "</b>clauses covered, minimum 95%"));
        assertEquals(observed.size(), count(html, "<tr class=\"scenario\">"));
        assertEquals(c.clauses().size() + c.rules().size(), count(html, "<span class=\"badge (ok|bad)\">(covered|never)"));
        assertEquals(c.uncoveredRules().size() + c.uncoveredClauses().size(), count(html, "<span class=\"badge bad\">never"));
        assertEquals(lint.findings().size(), count(html, "<tr class=\"finding\">"));
        assertTrue(html.contains("<span class=\"badge ack\">acknowledged error</span></td><td><code>recipient-abroad-forbidden</code>"));
        assertTrue(html.contains("Acknowledged: III.2(1)(a) names BMW AG"));
        // a static page: no script, no external resource
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href=\"http"));
    }

    @Test
    void textIsEscapedAndFailuresAreOpen() {
        List<ScenarioRunner.Observed> observed = new ArrayList<>(ToolPacks.seedObserved().subList(0, 3));
        observed.add(new ScenarioRunner.Observed(new ScenarioResult("<script>alert('x')</script> & co", "f.yaml", 7,
                List.of("expected permit, got deny [not-permitted (I)]")), "request", true, Set.of(), Set.of()));
        String html = page(observed);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
        assertTrue(html.contains("<details open><summary><code>f.yaml</code> 0 passed, 1 failed</summary>"));
        assertTrue(html.contains("<span class=\"badge bad\">fail</span> expected permit, got deny [not-permitted (I)]"));
    }

    @Test
    void writeCreatesTheFolderAndOnePage(@TempDir Path dir) throws Exception {
        LoadedPack seed = ToolPacks.seed();
        List<ScenarioRunner.Observed> observed = ToolPacks.seedObserved();
        Path file = HtmlReport.write(dir.resolve("a/b"), seed, observed, Coverage.of(seed, observed), lint);
        assertEquals(dir.resolve("a/b/index.html"), file);
        try (var files = Files.list(dir.resolve("a/b"))) {
            assertEquals(1, files.count());
        }
    }

    /**
     * Renders the page in headless Chromium and checks the screenshot is a real image of the page's
     * size. Skipped where Chromium is not installed (CI does not install it).
     */
    @Test
    void chromiumRendersThePage(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": headless rendering not checked");
        LoadedPack seed = ToolPacks.seed();
        List<ScenarioRunner.Observed> observed = ToolPacks.seedObserved();
        Path page = HtmlReport.write(dir.resolve("report"), seed, observed, Coverage.of(seed, observed), lint);
        Path png = dir.resolve("report.png");
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,2000", "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
        assertTrue(Files.exists(png), () -> "no screenshot; log: " + read(dir.resolve("chromium.log")));
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1280, image.getWidth());
        assertEquals(2000, image.getHeight());
        // not a blank page: the header is white and the body grey, with text in both
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 400; y += 3) {
            for (int x = 0; x < 1280; x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the page looks blank: " + colours.size() + " colours");
        Files.copy(png, Path.of("target", "report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
