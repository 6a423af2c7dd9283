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
 * @param line     the line the scenario starts at (0 for a whole file)
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
