package io.privacyrules.internal;

import io.privacyrules.Problem;
import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects load-time problems so that all of them are reported at once. Not thread-safe. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Location at, String message, String hint) {
        list.add(new Problem(at.file(), at.line(), at.column(), message, hint == null ? "" : hint));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The problems, sorted by file, line and column. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return copy;
    }
}
