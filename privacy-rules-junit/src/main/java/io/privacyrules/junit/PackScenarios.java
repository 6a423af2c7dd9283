package io.privacyrules.junit;

import io.privacyrules.PolicyEngine;
import io.privacyrules.ScenarioResult;
import io.privacyrules.Scenarios;
import java.net.URI;
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
     * scenarios at each of {@code fileOrDirs} as dynamic tests.
     *
     * @throws NullPointerException                 if an argument is null
     * @throws io.privacyrules.PolicyLoadException if the pack does not load
     */
    public static Stream<DynamicNode> of(String policy, String... fileOrDirs) {
        Objects.requireNonNull(policy, "policy");
        return of(PolicyEngine.load(policy), fileOrDirs);
    }

    /**
     * The scenarios at each of {@code fileOrDirs}, decided by {@code engine}, as dynamic tests.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Stream<DynamicNode> of(PolicyEngine engine, String... fileOrDirs) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(fileOrDirs, "fileOrDirs");
        List<DynamicNode> files = new ArrayList<>();
        for (String fileOrDir : fileOrDirs) {
            for (Path file : Scenarios.files(Path.of(fileOrDir))) {
                List<DynamicNode> tests = new ArrayList<>();
                for (ScenarioResult r : Scenarios.run(engine, file)) {
                    URI source = URI.create(file.toAbsolutePath().toUri() + "?line=" + Math.max(1, r.line()));
                    tests.add(DynamicTest.dynamicTest(r.name(), source, () -> {
                        if (!r.passed()) {
                            throw new AssertionFailedError(r.toString());
                        }
                    }));
                }
                files.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(), tests.stream()));
            }
        }
        return files.stream();
    }
}
