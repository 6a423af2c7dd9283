package io.privacyrules.internal.engine;

import java.util.List;

/**
 * Identifiers to their numbers: an open-addressing table of strings, looked up by the string's
 * cached hash and compared by reference before {@code equals} (a host usually passes the same
 * string objects). Immutable once built; thread-safe.
 */
final class IdTable {
    private final String[] keys;
    private final int[] numbers;
    private final int mask;
    private final int size;

    /** Numbers {@code ids} 0, 1, 2... in their order; {@code ids} must be distinct and not null. */
    IdTable(List<String> ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.size() * 3)) << 1;
        this.keys = new String[capacity];
        this.numbers = new int[capacity];
        this.mask = capacity - 1;
        this.size = ids.size();
        for (int n = 0; n < ids.size(); n++) {
            String id = ids.get(n);
            int i = spread(id.hashCode()) & mask;
            while (keys[i] != null) {
                if (keys[i].equals(id)) {
                    throw new IllegalArgumentException("id listed twice: " + id);
                }
                i = (i + 1) & mask;
            }
            keys[i] = id;
            numbers[i] = n;
        }
    }

    /** The number of {@code id}, or -1 when it has none (also for null). */
    int get(String id) {
        if (id == null) {
            return -1;
        }
        int i = spread(id.hashCode()) & mask;
        String k;
        while ((k = keys[i]) != null) {
            if (k == id || k.equals(id)) {
                return numbers[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
