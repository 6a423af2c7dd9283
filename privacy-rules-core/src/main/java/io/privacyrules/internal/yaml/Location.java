package io.privacyrules.internal.yaml;

/** Where a node starts in its file: 1-based line and column. */
public record Location(String file, int line, int column) {
    /** The whole file, when no position is known. */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
