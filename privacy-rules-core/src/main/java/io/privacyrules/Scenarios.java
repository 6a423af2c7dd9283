package io.privacyrules;

import io.privacyrules.internal.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Runs scenario files (the format of {@code docs/scenarios.md}) against an engine. Used by the
 * command line's {@code check} and by the JUnit support; a compliance author rarely calls it
 * directly.
 *
 * <p>Stateless and thread-safe.
 */
public final class Scenarios {
    private Scenarios() {
    }

    /**
     * The scenario files at {@code fileOrDir}: the file itself, or every {@code .yaml} and
     * {@code .yml} file below the folder, in path order.
     *
     * @throws NullPointerException if {@code fileOrDir} is null
     * @throws UncheckedIOException if the folder cannot be listed
     */
    public static List<Path> files(Path fileOrDir) {
        Objects.requireNonNull(fileOrDir, "fileOrDir");
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> walk = Files.walk(fileOrDir)) {
            List<Path> out = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .toList());
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + fileOrDir, e);
        }
    }

    /**
     * Runs every scenario of every file at {@code fileOrDir}, one result per scenario. A malformed
     * scenario (an unknown key, a value of the wrong type, an expectation naming an identifier the
     * pack does not declare) is one failed result listing its problems with {@code file:line:column};
     * the file's other scenarios still run. A file that cannot be read as YAML, or has no
     * {@code scenarios:} list, gives one failed result for the whole file
     * ({@link ScenarioResult#fileFailed()}). It never throws for a bad file.
     *
     * @throws NullPointerException if an argument is null
     */
    public static List<ScenarioResult> run(PolicyEngine engine, Path fileOrDir) {
        Objects.requireNonNull(engine, "engine");
        List<ScenarioResult> out = new ArrayList<>();
        for (Path file : files(fileOrDir)) {
            out.addAll(ScenarioRunner.runFile(engine, file));
        }
        return out;
    }
}
