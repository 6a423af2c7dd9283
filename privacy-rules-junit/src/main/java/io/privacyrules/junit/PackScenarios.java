package io.privacyrules.junit;

import io.privacyrules.PolicyEngine;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A pack's scenario files as JUnit 5 dynamic tests: one container per file, one test per
 * scenario, each linked to its file and line so that an IDE jumps to it.
 *
 * <pre>{@code
 * class MyPackTest {
 *     @TestFactory
 *     Stream<DynamicNode> scenarios() {
 *         return PackScenarios.of("rules/my-pack", "rules/my-pack/scenarios");
 *     }
 * }
 * }</pre>
 *
 * <p>The pack is loaded when this method is called: a pack that does not load fails the test
 * factory with every problem listed. Stateless and thread-safe.
 */
public final class PackScenarios {
    private PackScenarios() {
    }

    /**
     * Loads the pack at {@code policy} (a folder or {@code classpath:NAME}) and returns the
     * scenarios at each of {@code fileOrDirs} as dynamic tests, as {@link #of(PolicyEngine, String...)}
     * does.
     *
     * @param policy     a pack folder, or {@code classpath:NAME}
     * @param fileOrDirs scenario files or folders, at least one
     * @return one dynamic container per file, holding one dynamic test per scenario
     * @throws NullPointerException                 if an argument or an element of {@code fileOrDirs} is null
     * @throws IllegalArgumentException             if {@code fileOrDirs} is empty
     * @throws io.privacyrules.PolicyLoadException if the pack does not load; its message lists every problem
     */
    public static Stream<DynamicNode> of(String policy, String... fileOrDirs) {
        Objects.requireNonNull(policy, "policy");
        return of(PolicyEngine.load(policy), fileOrDirs);
    }

    /**
     * The scenarios at each of {@code fileOrDirs}, decided by {@code engine}, as dynamic tests.
     *
     * <p>Nothing passes by testing nothing: a path that does not exist, a folder without scenario
     * files and a file with an empty {@code scenarios:} list each give one failing test, named after
     * the path, and the other paths still run. A malformed scenario is one failing test listing its
     * problems with {@code file:line:column}, and the file's other scenarios still run; a file that
     * is not YAML, or has no {@code scenarios:} list, gives one failing test named after the file.
     *
     * @param engine     the engine that decides the scenarios
     * @param fileOrDirs scenario files or folders, at least one; a folder stands for every
     *                   {@code .yaml} and {@code .yml} file below it, in path order. Relative paths
     *                   resolve against the working directory (in a Maven build, the module's folder)
     * @return one dynamic container per file, holding one dynamic test per scenario
     * @throws NullPointerException     if an argument or an element of {@code fileOrDirs} is null
     * @throws IllegalArgumentException if {@code fileOrDirs} is empty
     */
    public static Stream<DynamicNode> of(PolicyEngine engine, String... fileOrDirs) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(fileOrDirs, "fileOrDirs");
        if (fileOrDirs.length == 0) {
            throw new IllegalArgumentException("fileOrDirs must name at least one scenario file or folder");
        }
        for (int i = 0; i < fileOrDirs.length; i++) {
            Objects.requireNonNull(fileOrDirs[i], "fileOrDirs[" + i + "]");
        }
        List<DynamicNode> files = new ArrayList<>();
        for (String fileOrDir : fileOrDirs) {
            Path path = Path.of(fileOrDir);
            if (!Files.exists(path)) {
                files.add(failing(fileOrDir, null, "no such file or folder: " + fileOrDir
                        + " (relative paths resolve against the working directory " + Path.of("").toAbsolutePath() + ")"));
                continue;
            }
            List<Path> found = Scenarios.files(path);
            if (found.isEmpty()) {
                files.add(failing(fileOrDir, path.toUri(), "no scenario files (.yaml, .yml) in the folder " + fileOrDir));
                continue;
            }
            for (Path file : found) {
                List<DynamicNode> tests = new ArrayList<>();
                for (ScenarioResult r : Scenarios.run(engine, file)) {
                    URI source = URI.create(file.toAbsolutePath().toUri() + "?line=" + Math.max(1, r.line()));
                    tests.add(DynamicTest.dynamicTest(r.name(), source, () -> {
                        if (!r.passed()) {
                            throw new AssertionFailedError(r.toString());
                        }
                    }));
                }
                if (tests.isEmpty()) {
                    tests.add(failing(file.getFileName().toString(), file.toUri(),
                            "no scenarios in " + file + ": its 'scenarios:' list is empty"));
                }
                files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(), tests.stream()));
            }
        }
        return files.stream();
    }

    private static DynamicTest failing(String name, URI source, String message) {
        return DynamicTest.dynamicTest(name, source, () -> {
            throw new AssertionFailedError(message);
        });
    }
}
