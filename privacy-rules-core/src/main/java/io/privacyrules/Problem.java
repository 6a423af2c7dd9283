package io.privacyrules;

import java.util.Objects;

/**
 * One problem found while loading a rule pack or a scenario file, with where it is and how to fix it.
 *
 * <p>Messages name keys and identifiers, never personal data values. Immutable and thread-safe.
 *
 * @param file    the file, as given to the loader (a path, or {@code classpath:NAME/FILE})
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong
 * @param hint    how to fix it, or an empty string
 */
public record Problem(String file, int line, int column, String message, String hint) {
    /**
     * @throws NullPointerException if any argument is null
     */
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    /** {@code file:line:column: message (hint: ...)}, on one line. */
    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column;
        return hint.isEmpty() ? where + ": " + message : where + ": " + message + " (hint: " + hint + ")";
    }
}
