package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tools use the core's internals only through the seam that {@code io.privacyrules.internal.Authoring}
 * documents: its own methods and the types it lists. A tool that needs more widens the seam there
 * (and in docs/architecture.md) first.
 */
class SeamTest {
    /** The core's internal types the tools may name, as Authoring's javadoc lists them. */
    static final Set<String> SEAM = Set.of(
            "io.privacyrules.internal.Authoring",
            "io.privacyrules.internal.Ids",
            "io.privacyrules.internal.engine.Engine",
            "io.privacyrules.internal.engine.Decider",
            "io.privacyrules.internal.pack.Pack",
            "io.privacyrules.internal.pack.Condition",
            "io.privacyrules.internal.pack.WorkingCalendar",
            "io.privacyrules.internal.pack.ChangeKinds",
            "io.privacyrules.internal.drl.RuleMeta",
            "io.privacyrules.internal.drl.Verdict",
            "io.privacyrules.internal.drl.Request",
            "io.privacyrules.internal.scenario.ScenarioRunner",
            "io.privacyrules.internal.yaml.Location",
            "io.privacyrules.internal.yaml.Node");
    static final Pattern INTERNAL = Pattern.compile("io\\.privacyrules\\.internal\\.(?:[a-z]+\\.)?[A-Z][A-Za-z0-9]*");
    static final Pattern SCENARIO_RUNNER = Pattern.compile("ScenarioRunner\\.([A-Za-z]+)");

    @Test
    void theToolsNameNoInternalTypeOutsideTheSeam() {
        Set<String> outside = new TreeSet<>();
        Set<String> runnerMembers = new TreeSet<>();
        for (Path file : sources()) {
            String text = read(file);
            Matcher m = INTERNAL.matcher(text);
            while (m.find()) {
                String type = m.group();
                if (!type.startsWith("io.privacyrules.internal.tools.") && !SEAM.contains(type)) {
                    outside.add(type + " in " + file.getFileName());
                }
            }
            Matcher r = SCENARIO_RUNNER.matcher(text);
            while (r.find()) {
                runnerMembers.add(r.group(1));
            }
        }
        assertEquals(Set.of(), outside, "internal types the tools use that Authoring does not list");
        assertEquals(Set.of("Observed"), runnerMembers, "of ScenarioRunner, the tools read only the Observed record");
    }

    private static Iterable<Path> sources() {
        try (Stream<Path> s = Files.walk(Path.of("src", "main", "java"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
