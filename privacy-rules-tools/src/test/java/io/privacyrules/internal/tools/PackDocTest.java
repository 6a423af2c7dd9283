package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.privacyrules.internal.pack.Condition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/privacy-rules doc: the pack as a document, and the committed rendering of the seed pack. */
class PackDocTest {
    /** The seed pack's rendering, committed so that a change to the pack shows in review. */
    static final Path COMMITTED = Path.of("..", "docs", "seed-pack-rules.md");
    static final String REGENERATE = "bin/privacy-rules doc --policy rules/bmw-connected-drive-cn --out docs/seed-pack-rules.md";

    @Test
    void theCommittedRenderingOfTheSeedPackIsUpToDate() throws IOException {
        String fresh = PackDoc.render(ToolPacks.seed(), PackDoc.Format.MARKDOWN);
        String committed = Files.exists(COMMITTED)
                ? Files.readString(COMMITTED, StandardCharsets.UTF_8).replace("\r\n", "\n") : "";
        if (!fresh.equals(committed)) {
            fail("docs/seed-pack-rules.md is not the rendering of the seed pack as it is now"
                    + firstDifference(committed, fresh) + ". Regenerate it from the repository's root with:\n  "
                    + REGENERATE + "\nand commit it with the change to the pack.");
        }
    }

    private static String firstDifference(String committed, String fresh) {
        List<String> a = committed.lines().toList();
        List<String> b = fresh.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end of file>";
            String y = i < b.size() ? b.get(i) : "<end of file>";
            if (!x.equals(y)) {
                return " (first difference at line " + (i + 1) + ":\n  committed: " + x + "\n  fresh:     " + y + "\n)";
            }
        }
        return "";
    }

    @Test
    void theRenderingDependsOnlyOnThePackFiles() {
        LoadedPack folder = ToolPacks.seed();
        LoadedPack classpath = LoadedPack.load("classpath:bmw-connected-drive-cn");
        for (PackDoc.Format f : PackDoc.Format.values()) {
            String a = PackDoc.render(folder, f);
            assertEquals(a, PackDoc.render(folder, f), "two renderings of one load differ");
            assertEquals(a, PackDoc.render(classpath, f), "the folder and the classpath pack render differently");
            assertFalse(a.contains(Path.of("..").toAbsolutePath().normalize().toString()), "an absolute path leaked");
            assertFalse(a.contains(folder.pack().info().revision()), "the revision hash is not part of the document");
        }
    }

    @Test
    void theSeedDocumentGoesClauseByClauseInTheOrderOfClauses() {
        String md = PackDoc.render(ToolPacks.seed(), PackDoc.Format.MARKDOWN);
        List<String> headings = md.lines().filter(l -> l.startsWith("### ")).toList();
        assertEquals(ToolPacks.seed().pack().clauses().size(), headings.size());
        assertEquals("### I Our business functions and how we collect and use your personal information", headings.get(0));
        assertEquals("### VIII.5 Changes to the responsible department, its contact or complaint channels", headings.get(headings.size() - 1));
        assertTrue(md.indexOf("### VIII How the privacy policy will be updated") < md.indexOf("### VIII.1 "));
        assertTrue(md.indexOf("### III.2(1)(a) ") < md.indexOf("### III.2(1)(b) "));
        assertTrue(md.startsWith("# BMW ConnectedDrive Privacy Policy (China)\n"), md.substring(0, 80));
        assertTrue(md.contains("| Version | 2019.11 |"));
        assertTrue(md.contains("| Effective | 2019-11-01 |"));
        assertTrue(md.contains("| Jurisdiction | CN |"));
        assertTrue(md.contains("- `contact.mobile` **(sensitive)**: Mobile phone number."));
        assertTrue(md.contains("- `bmw-ag` (in DE, abroad): "));
        assertTrue(md.contains("- `rectification`: respond within 30 working days of the calendar `prc` after the day of receipt."));
        assertTrue(md.contains("- `erasure`: respond within 30 calendar days after the day of receipt; a fulfilment carries "
                + "`notify-recipients`, `purge-backups-on-next-update`."));
        assertTrue(md.contains("- Retention period `contract-records`: records of `contract.record` are kept for 3 years "
                + "after the contract ended."));
        assertTrue(md.contains("- `share-with-dealers`: **permit** with `explicit-consent` when the action is share and "
                + "the recipient is authorized-dealer and a consent names the recipient. Message: \"The subject's explicit "
                + "consent covers sharing with authorized dealers.\""), md);
        assertTrue(md.contains("**DRL rule** `children-collect-needs-guardian-consent` in `rules/children.drl`, about "
                + "processing requests:"));
        assertTrue(md.contains("| purpose | `contract-fulfilment` | `dpv:ServiceProvision` |"));
        assertTrue(md.contains("- Action: `entrust`, `transfer`"));
    }

    @Test
    void htmlIsOnePageWithEverythingEscaped(@TempDir Path dir) {
        ToolPacks.copy(dir);
        ToolPacks.edit(dir, "policy.yaml", "description: A BMW authorized dealer.",
                "description: \"<script>alert('x')</script> & <img src=x onerror=alert(1)>\"");
        ToolPacks.edit(dir, "policy.yaml", "title: BMW ConnectedDrive Privacy Policy (China)", "title: \"A <b>bold</b> title\"");
        String html = PackDoc.render(LoadedPack.load(dir.toString()), PackDoc.Format.HTML);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "unescaped script");
        assertFalse(html.contains("<img"), "unescaped tag");
        assertFalse(html.contains("<b>"), "unescaped markup in the title");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(html.contains("src=\"") || html.contains("href=\"") || html.contains("<link"), "an external resource");
        assertTrue(html.contains("<h3 id=\"clause-III-2-1-b\">III.2(1)(b) Sharing with BMW authorized dealers</h3>"), html);
        String md = PackDoc.render(LoadedPack.load(dir.toString()), PackDoc.Format.MARKDOWN);
        assertTrue(md.contains("\\<script\\>alert('x')\\</script\\> & \\<img src=x onerror=alert(1)\\>"), md);
    }

    @Test
    void markdownEscapesMarkupAndTablePipes() {
        assertEquals("a \\*b\\* \\_c\\_ \\[d\\] \\`e\\` \\\\", DocRender.mdText("a *b* _c_ [d] `e` \\", false));
        assertEquals("x \\| y", DocRender.mdText("x | y", true));
        assertEquals("x | y", DocRender.mdText("x | y", false));
        assertEquals("\\# not a heading", DocRender.mdText("# not a heading", false));
        assertEquals("one line", DocRender.mdText("one\nline", false));
    }

    @Test
    void conditionsReadAsWords() {
        Map<Condition.Key, Object> tests = new EnumMap<>(Condition.Key.class);
        tests.put(Condition.Key.ACTION, List.of("share"));
        tests.put(Condition.Key.RECIPIENT, List.of("a", "b", "c"));
        tests.put(Condition.Key.ANONYMIZED, false);
        tests.put(Condition.Key.CONSENT, Condition.ConsentTest.NAMING_RECIPIENT);
        Condition one = new Condition(tests, null);
        Condition two = new Condition(Map.of(Condition.Key.REQUIRED_BY_LAW, true), null);
        assertEquals("the action is share and the recipient is one of a, b, c and the data is not anonymized and "
                + "a consent names the recipient; or a law requires it", DocWords.conditions(List.of(one, two)));
        assertEquals("always", DocWords.condition(new Condition(Map.of(), null)));
    }

    @Test
    void periodsReadAsWords() {
        // a period of days alone read "30", without its unit, before strict authoring
        assertEquals("30 days", DocWords.period(Period.parse("P30D")));
        assertEquals("1 day", DocWords.period(Period.parse("P1D")));
        assertEquals("14 days", DocWords.period(Period.parse("P2W")));
        assertEquals("1 month", DocWords.period(Period.parse("P1M")));
        assertEquals("2 years", DocWords.period(Period.parse("P2Y")));
        assertEquals("15 working days", DocWords.workingDays(Period.parse("P15D")));
        assertEquals("1 working day", DocWords.workingDays(Period.parse("P1D")));
        assertEquals("3 years", DocWords.period(Period.parse("P3Y")));
        assertEquals("1 year 6 months", DocWords.period(Period.parse("P1Y6M")));
        assertEquals("2 years 1 day", DocWords.period(Period.parse("P2Y1D")));
    }

    @Test
    void aStatutoryPeriodInDaysKeepsItsUnitInTheDocument(@TempDir Path dir) {
        Path pack = ToolPacks.copy(dir);
        String text = read(pack);
        int at = text.indexOf("      period: P3Y");
        ToolPacks.edit(pack, "policy.yaml", text.substring(0, at) + "      period: P3Y",
                text.substring(0, at) + "      period: P30D");
        String md = PackDoc.render(LoadedPack.load(pack.toString()), PackDoc.Format.MARKDOWN);
        assertTrue(md.contains(" are kept for 30 days after the contract ended"), md);
        assertTrue(md.contains("respond within 30 working days of the calendar"), md);
        assertTrue(md.contains("respond within 30 calendar days after"), md);
    }

    private static String read(Path pack) {
        try {
            return Files.readString(pack.resolve("policy.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
