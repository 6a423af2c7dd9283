package io.privacyrules.cli;

import static io.privacyrules.cli.MainTest.PACK;
import static io.privacyrules.cli.MainTest.SCENARIOS;
import static io.privacyrules.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What picocli generates (help, usage errors, the completion script) and the exit codes around it. */
class CommandLineTest {
    static final List<String> COMMANDS = List.of("check", "decide", "lint", "diff", "doc", "demo", "completion");

    @ParameterizedTest
    @ValueSource(strings = {"check", "decide", "lint", "diff", "doc", "demo", "completion"})
    void everyCommandHasGeneratedHelpOnStandardOutput(String command) {
        for (String help : List.of("--help", "-h")) {
            MainTest.Run r = run("", command, help);
            assertEquals(0, r.exit(), r.toString());
            assertEquals("", r.err());
            assertTrue(r.out().contains("usage: privacy-rules " + command + " "), r.out());
            assertTrue(r.out().contains("Exit codes:"), r.out());
            assertTrue(r.out().contains("--verbose"), r.out());
        }
    }

    @Test
    void theTopHelpListsEveryCommandAndEveryExitCode() {
        MainTest.Run r = run("", "--help");
        assertEquals(0, r.exit());
        for (String command : COMMANDS) {
            assertTrue(r.out().contains("privacy-rules " + command), command + "\n" + r.out());
        }
        for (String code : List.of("0", "1", "2", "3", "4", "5")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + code + "   ")), code + "\n" + r.out());
        }
        MainTest.Run none = run("");
        assertEquals(2, none.exit());
        assertEquals("", none.out());
        assertEquals(r.out(), none.err(), "no arguments: the same usage, on standard error");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown command 'frobnicate'|frobnicate",
        "missing --policy|check " + SCENARIOS,
        "--policy needs a value|lint --policy",
        "unknown option '--x'|check --policy " + PACK + " --x " + SCENARIOS,
        "unknown option '--x'|decide --policy " + PACK + " --x",
        "unexpected argument 'extra'|doc --policy " + PACK + " extra",
        "unexpected argument '--format'|decide --policy " + PACK + " --format json",
        "check needs at least one scenario file or folder|check --policy " + PACK,
        "diff compares two packs: diff OLD NEW|diff " + PACK,
        "--examples is a whole number, not 'many'|diff " + PACK + " " + PACK + " --examples many",
        "--format is text, json or markdown, not 'pdf'|lint --policy " + PACK + " --against " + PACK + " --format pdf",
        "coverage and reports are measured one pack at a time; give one --policy|check --coverage --policy a --policy b x",
        "--explain traces one pack at a time; give one --policy|decide --explain --policy a --policy b",
    })
    void aUsageErrorIsOneErrorLineThenTheUsageAndExitsTwo(String message, String args) {
        MainTest.Run r = run("action: use\n", args.split(" "));
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertEquals("error: " + message, lines.get(0), r.err());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("error: ")).count(), r.err());
        assertTrue(lines.get(1).startsWith("usage: privacy-rules "), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void verboseAddsTheStackTraceAnywhereOnTheLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "pack: broken\ntitel: x\n");
        for (List<String> args : List.of(List.of("--verbose", "lint", "--policy", dir.toString()),
                List.of("lint", "--verbose", "--policy", dir.toString()),
                List.of("lint", "--policy", dir.toString(), "--verbose"))) {
            MainTest.Run r = run("", args.toArray(String[]::new));
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().startsWith("error: "), r.err());
            assertTrue(r.err().contains("unknown key 'titel'") && r.err().contains("\tat "), r.err());
        }
        MainTest.Run quiet = run("", "lint", "--policy", dir.toString());
        assertFalse(quiet.err().contains("\tat "), quiet.err());
    }

    @Test
    void completionPrintsABashScriptForEveryCommandAndOption() {
        MainTest.Run r = run("", "completion");
        assertEquals(0, r.exit(), r.toString());
        String script = r.out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, 40));
        assertTrue(script.contains("complete -F _complete_privacy-rules"), "binds the function to privacy-rules");
        for (String command : COMMANDS) {
            assertTrue(script.contains(command), command);
        }
        for (String option : List.of("--policy", "--coverage", "--min-coverage", "--report", "--request", "--exit-code",
                "--dpv", "--explain", "--against", "--format", "--examples", "--out", "--verbose")) {
            assertTrue(script.contains(option), option);
        }
    }

    @Test
    void demoLabelsKeepASpaceAfterALongAnswer() {
        org.junit.jupiter.api.Assertions.assertEquals("RETAIN  ", DemoCommand.label("retain"));
        org.junit.jupiter.api.Assertions.assertEquals("VERIFY-IDENTITY ", DemoCommand.label("verify-identity"));
    }
}
