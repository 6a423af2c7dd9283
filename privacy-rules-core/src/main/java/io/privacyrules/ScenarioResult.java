package io.privacyrules;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scenario of a scenario file, or of a file that did not load.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name     the scenario's name (for a file that did not load, the file name)
 * @param file     the scenario file
 * @param line     the line the scenario starts at; 0 for a file that failed whole (it is not YAML, or
 *                 has no {@code scenarios:} list), whose scenarios did not run
 * @param failures what differed from the expectation, one sentence each; empty when it passed
 */
public record ScenarioResult(String name, String file, int line, List<String> failures) {
    /**
     * @throws NullPointerException if any argument is null
     */
    public ScenarioResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    }

    /**
     * True for the one result of a file that failed whole: it could not be read as YAML, or it has
     * no {@code scenarios:} list (or an empty one), so none of its scenarios ran. A malformed
     * scenario is not such a result: it fails alone, and the file's other scenarios run.
     */
    public boolean fileFailed() {
        return line == 0 && !passed();
    }

    /** True when the decision matched every expectation. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code PASS|FAIL name (file:line)} and, for a failure, what differed. */
    @Override
    public String toString() {
        String head = (passed() ? "PASS " : "FAIL ") + name + " (" + file + ":" + line + ")";
        return passed() ? head : head + ": " + String.join("; ", failures);
    }
}
