package io.privacyrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as the scenario-format contract fixes it: output, exit codes, no stack traces. */
class MainTest {
    static final String PACK = "../rules/bmw-connected-drive-cn";
    static final String SCENARIOS = PACK + "/scenarios";

    record Run(int exit, String out, String err) {
    }

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void checkRunsTheSeedScenariosFromTheFolder() {
        Run r = run("", "check", "--policy", PACK, SCENARIOS);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(lastLine(r.out()).matches("[1-9][0-9]* passed, 0 failed"), r.out());
    }

    @Test
    void checkRunsTheSeedScenariosFromTheClasspath() {
        Run r = run("", "check", "--policy", "classpath:bmw-connected-drive-cn", SCENARIOS);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(lastLine(r.out()).endsWith(" passed, 0 failed"), r.out());
    }

    @Test
    void aFailingScenarioPrintsWhatDifferedAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: marketing without consent is not permitted
                    request: {action: use, purpose: marketing, data: [contact.email]}
                    expect: {decision: permit}
                """);
        Run r = run("", "check", "--policy", PACK, file.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("FAIL marketing without consent is not permitted (" + file + ":2)"), r.out());
        assertTrue(r.out().contains("expected permit, got deny"), r.out());
        assertEquals("0 passed, 1 failed", lastLine(r.out()));
    }

    @Test
    void aPackThatDoesNotLoadExitsTwoWithOneLinePerProblemAndNoStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "pack: broken\ntitel: x\n");
        Run r = run("", "check", "--policy", dir.toString(), SCENARIOS);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("policy.yaml:2:1: unknown key 'titel'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void hostileScenarioFilesFailWithOneLineEachAndNoStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("alias.yaml"), "a: &a [x, x, x]\nscenarios: [*a, *a]\n");
        Files.writeString(dir.resolve("deep.yaml"), "scenarios: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        Files.write(dir.resolve("binary.yaml"), new byte[] {'s', ':', 0, 1, 2, (byte) 0xff});
        Files.writeString(dir.resolve("big.yaml"), "scenarios:\n# " + "x".repeat(2_000_000) + "\n");
        Files.writeString(dir.resolve("types.yaml"), "scenarios:\n  - name: t\n    request: {action: [collect], "
                + "purpose: {a: 1}, data: 3, subject: {age: twelve}}\n    expect: {decision: [permit]}\n");
        Run r = run("", "check", "--policy", PACK, dir.toString());
        // deep, binary and big are not YAML that can be read: they fail whole and count as failed
        assertEquals(1, r.exit(), r.toString());
        // alias.yaml: its unknown key 'a' and its two scenarios (aliases); types.yaml: its one scenario
        assertEquals("0 passed, 7 failed", lastLine(r.out()));
        for (String name : List.of("alias", "deep", "binary", "big")) {
            assertTrue(r.out().lines().filter(l -> l.startsWith("FAIL " + name + ".yaml (")).count() == 1, r.out());
        }
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("FAIL scenario #")).count(), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("FAIL t (")).count(), r.out());
        assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), r.toString());
    }

    @Test
    void aMalformedScenarioIsOneFailureAndAFileThatFailsWholeCountsAsFailed(@TempDir Path dir) throws Exception {
        Path mixed = dir.resolve("mixed.yaml");
        Files.writeString(mixed, """
                scenarios:
                  - name: good
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                  - name: typo
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decison: permit}
                """);
        Run one = run("", "check", "--policy", PACK, mixed.toString());
        assertEquals(1, one.exit(), one.toString());
        assertEquals("1 passed, 1 failed", lastLine(one.out()));
        assertTrue(one.out().contains("FAIL typo (" + mixed + ":5): " + mixed + ":7:13: expect needs the key 'decision'"), one.out());
        assertTrue(one.out().contains(mixed + ":7:14: unknown key 'decison' in expect (hint: did you mean 'decision'?)"), one.out());
        Path notYaml = dir.resolve("not-yaml.yaml");
        Files.writeString(notYaml, "scenarios: [\n");
        Run two = run("", "check", "--policy", PACK, mixed.toString(), notYaml.toString());
        assertEquals(1, two.exit(), two.toString());
        assertEquals("1 passed, 2 failed", lastLine(two.out()));
        assertTrue(two.out().contains("FAIL not-yaml.yaml (" + notYaml + ":0): " + notYaml + ":2:1: YAML syntax error"), two.out());
    }

    @Test
    void decidePrintsTheDecisionAsJson() throws Exception {
        Run r = run("""
                action: share
                purpose: service-analytics
                data: [identity.gender]
                recipient: authorized-dealer
                subject: {age: 40, consents: [{recipient: authorized-dealer}]}
                """, "decide", "--policy", PACK, "--request", "-");
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("permit", json.get("decision").asText());
        assertEquals("2019.11", json.get("policyVersion").asText());
        assertTrue(json.get("obligations").toString().contains("aggregate"), r.out());
        JsonNode reason = json.get("reasons").get(0);
        assertTrue(reason.has("code") && reason.has("clause") && reason.has("message"), r.out());
    }

    @Test
    void decideAcceptsARequestWrappedInRequestAndExitsOneOnDenyWithExitCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, "request: {action: cross-border-transfer, purpose: contract-fulfilment, data: [vehicle.location]}\n");
        Run plain = run("", "decide", "--policy", "classpath:bmw-connected-drive-cn", "--request", file.toString());
        assertEquals(0, plain.exit(), plain.toString());
        assertTrue(plain.out().contains("\"decision\" : \"deny\""), plain.out());
        Run withCode = run("", "decide", "--policy", PACK, "--request", file.toString(), "--exit-code");
        assertEquals(1, withCode.exit());
    }

    @Test
    void decideRejectsATypoInTheRequest() {
        Run r = run("{action: use, purpose: marketing, data: [contact.email], recipent: bmw}", "decide", "--policy", PACK);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("<stdin>:1:") && r.err().contains("did you mean 'recipient'"), r.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("", "check", SCENARIOS).exit());
        assertEquals(2, run("", "frobnicate").exit());
        assertEquals(2, run("").exit());
        assertEquals(0, run("", "--help").exit());
    }

    @Test
    void demoPrintsDecisionsWithReasons() {
        Run r = run("", "demo");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("PERMIT") && r.out().contains("DENY"), r.out());
        assertTrue(r.out().contains("VII  cross-border-transfer-forbidden"), r.out());
        assertTrue(r.out().contains("invalid-request"), r.out());
    }
}
