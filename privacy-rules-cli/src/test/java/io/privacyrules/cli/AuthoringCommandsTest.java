package io.privacyrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint, check --coverage / --report, decide --explain and diff as a compliance author runs them. */
class AuthoringCommandsTest {
    static final String PACK = MainTest.PACK;
    static final String SCENARIOS = MainTest.SCENARIOS;

    private static MainTest.Run run(String stdin, String... args) {
        return MainTest.run(stdin, args);
    }

    private static int lineOf(String text) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(PACK, "policy.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static Path copySeed(Path dir) throws Exception {
        Path src = Path.of(PACK);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path rel = src.relativize(p);
                if (!rel.startsWith("scenarios")) {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dir.resolve(rel.toString()));
                    } else {
                        Files.copy(p, dir.resolve(rel.toString()));
                    }
                }
            }
        }
        return dir;
    }

    @Test
    void lintReportsTheBmwAgConflictAcknowledgedAndExitsZero() throws Exception {
        MainTest.Run r = run("", "lint", "--policy", PACK);
        assertEquals(0, r.exit(), r.toString());
        String policy = Path.of(PACK, "policy.yaml").toString();
        String conflict = r.out().lines().filter(l -> l.contains("recipient-abroad-forbidden")).findFirst().orElseThrow();
        assertTrue(conflict.startsWith("ACKNOWLEDGED recipient-abroad-forbidden " + policy + ":" + lineOf("  bmw-ag:") + " "), conflict);
        assertTrue(conflict.contains(policy + ":" + lineOf("- id: stays-in-the-prc")), conflict);
        assertTrue(r.out().lines().allMatch(l -> l.matches("(ERROR|WARNING|INFO|ACKNOWLEDGED) [a-z-]+ \\S+:\\d+ .*")
                || l.matches("\\d+ errors, \\d+ warnings, \\d+ acknowledged \\(.*\\)")), r.out());
        assertTrue(r.out().strip().endsWith("0 errors, 4 warnings, 1 acknowledged (bmw-connected-drive-cn 2019.11)"), r.out());
    }

    @Test
    void lintExitsOneOnAnErrorAndWritesJson(@TempDir Path dir) throws Exception {
        Path pack = copySeed(dir);
        Path policy = pack.resolve("policy.yaml");
        // bmw-ag moves to France, and the acknowledgement no longer names it
        Files.writeString(policy, Files.readString(policy).replace("    location: DE", "    location: FR")
                .replace("about: bmw-ag", "about: bmw-affiliate"));
        MainTest.Run r = run("", "lint", "--policy", pack.toString(), "--format", "json");
        assertEquals(1, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("errors").asInt(), r.out());
        JsonNode bmw = null;
        for (JsonNode f : json.get("findings")) {
            if (f.get("about").asText().equals("bmw-ag")) {
                bmw = f;
            }
        }
        assertEquals("recipient-abroad-forbidden", bmw.get("code").asText());
        assertFalse(bmw.get("acknowledged").asBoolean());
        assertTrue(bmw.get("message").asText().contains("located in FR"), bmw.toString());
        assertEquals(lineOf("- id: stays-in-the-prc"), bmw.get("related").get(0).get("line").asInt());
    }

    @Test
    void checkWithCoveragePrintsTheUncoveredAndMeetsThePacksMinimum(@TempDir Path dir) {
        Path report = dir.resolve("report");
        MainTest.Run r = run("", "check", "--coverage", "--report", report.toString(), "--policy", PACK, SCENARIOS);
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains("UNCOVERED clause V (Your rights): never seen not firing (fired in 51, not fired in 0 scenarios)"), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("coverage: clauses 9\\d\\.\\d% \\(\\d+ of 49\\), rules 9\\d\\.\\d% \\(\\d+ of 51\\) over \\d+ scenarios")),
                r.out());
        assertTrue(lines.contains("minimum 95.0% (coverage.minimum of the pack): met"), r.out());
        assertTrue(lines.contains("report: " + report.resolve("index.html")), r.out());
        assertTrue(lines.get(lines.size() - 1).matches("\\d+ passed, 0 failed"), r.out());
        assertTrue(Files.isRegularFile(report.resolve("index.html")));
    }

    @Test
    void checkFailsUnderAHigherMinimum() {
        MainTest.Run r = run("", "check", "--min-coverage", "99", "--policy", PACK, SCENARIOS);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("minimum 99.0% (--min-coverage): NOT MET"), r.out());
        assertEquals(2, run("", "check", "--min-coverage", "ninety", "--policy", PACK, SCENARIOS).exit());
    }

    @Test
    void decideExplainsInTextAndJson() throws Exception {
        String request = "{action: share, purpose: customer-service, data: [identity.name], recipient: bmw-ag, "
                + "subject: {consents: [{recipient: bmw-ag}]}}";
        MainTest.Run text = run(request, "decide", "--explain", "--policy", PACK);
        assertEquals(0, text.exit(), text.toString());
        assertTrue(text.out().contains("answer: deny"), text.out());
        assertTrue(text.out().contains("  DENY    stays-in-the-prc (VII) "), text.out());
        assertTrue(text.out().contains("share-with-dealers (III.2(1)(b))") && text.out().contains("recipient is bmw-ag, needs authorized-dealer"),
                text.out());
        assertTrue(text.out().contains("deny overrides permit: the permit of share-with-bmw-and-affiliates (III.2(1)(a)) was overridden"),
                text.out());
        MainTest.Run json = run(request, "decide", "--explain", "--format", "json", "--policy", PACK, "--exit-code");
        assertEquals(1, json.exit(), json.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("deny", j.get("decision").asText());
        assertEquals("stays-in-the-prc", j.get("reasons").get(0).get("rule").asText());
        assertEquals("stays-in-the-prc", j.get("explain").get("fired").get(2).get("rule").asText());
        assertTrue(j.get("explain").get("notMatched").size() > 30);
    }

    @Test
    void diffOfARenamedRecipientIsMajorAndExitsFour(@TempDir Path dir) throws Exception {
        Path pack = copySeed(dir);
        Path policy = pack.resolve("policy.yaml");
        Files.writeString(policy, Files.readString(policy).replace("bmw-ag", "bmw-germany"));
        MainTest.Run r = run("", "diff", PACK, pack.toString());
        assertEquals(4, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("MAJOR   VIII.3 recipients      recipient bmw-ag renamed to bmw-germany (" + policy + ":"), r.out());
        assertTrue(lines.get(1).matches("behaviour: \\d+ generated requests: 0 change decision or obligations .*"), r.out());
        assertEquals("summary: 1 change: 0 reduce a right (explicit consent needed, VIII), 1 major (clear notice needed, VIII), 0 minor",
                lines.get(lines.size() - 1));
        assertEquals(2, run("", "diff", PACK).exit());
    }
}
