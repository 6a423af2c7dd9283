package io.privacyrules.internal.engine;

import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pack's identifiers as small integers, with what a decision derives from them worked out once:
 * the data each purpose declares and the sensitive categories as bit sets, each recipient's
 * location. Built when an engine is made; immutable and thread-safe.
 *
 * <p>Categories are numbered in the natural order of their ids, so that walking a set of them
 * by bit gives the sorted list a message's {@code {data}} shows.
 */
final class PackIndex {
    final Pack pack;
    final Map<String, Integer> actions;
    final Map<String, Integer> purposes;
    final Map<String, Integer> categories;
    final Map<String, Integer> recipients;
    /** The legal bases: those the pack declares and those its purposes name. */
    final Map<String, Integer> bases;
    /** The transfer mechanisms, in the pack's order. */
    final Map<String, Integer> mechanisms;

    final String[] categoryIds;
    /** Words of a category bit set. */
    final int dataWords;
    final long[] sensitive;
    final Pack.PurposeDef[] purposeDefs;
    /** For each purpose, the categories it does not declare; null for a purpose that allows any. */
    final long[][] undeclared;
    /** For each purpose, its basis, or -1 when it names none. */
    final int[] basisOf;
    final String[] recipientLocation;
    /** For each recipient, true when its location lies outside the jurisdiction (see {@code Request.abroad}). */
    final boolean[] recipientOutside;
    final Pack.Mechanism[] mechanismDefs;
    /** True when the jurisdiction itself counts as home (a destination the request leaves out). */
    final boolean homeIsHome;

    PackIndex(Pack pack) {
        this.pack = pack;
        this.actions = numbered(pack.actions().keySet());
        this.purposes = numbered(pack.purposes().keySet());
        List<String> sorted = new ArrayList<>(pack.categories().keySet());
        sorted.sort(null);
        this.categoryIds = sorted.toArray(String[]::new);
        this.categories = numbered(sorted);
        this.recipients = numbered(pack.recipients().keySet());
        Set<String> allBases = new LinkedHashSet<>(pack.bases().keySet());
        pack.purposes().values().forEach(p -> {
            if (p.basis() != null) {
                allBases.add(p.basis());
            }
        });
        this.bases = numbered(allBases);
        this.mechanisms = numbered(pack.transfers().mechanisms().keySet());
        this.mechanismDefs = pack.transfers().mechanisms().values().toArray(Pack.Mechanism[]::new);

        this.dataWords = Math.max(1, (categoryIds.length + 63) >>> 6);
        this.sensitive = new long[dataWords];
        for (int i = 0; i < categoryIds.length; i++) {
            if (pack.categories().get(categoryIds[i]).sensitive()) {
                sensitive[i >>> 6] |= 1L << i;
            }
        }
        int np = purposes.size();
        this.purposeDefs = new Pack.PurposeDef[np];
        this.undeclared = new long[np][];
        this.basisOf = new int[np];
        for (Map.Entry<String, Integer> e : purposes.entrySet()) {
            int i = e.getValue();
            Pack.PurposeDef p = pack.purposes().get(e.getKey());
            purposeDefs[i] = p;
            basisOf[i] = p.basis() == null ? -1 : bases.get(p.basis());
            undeclared[i] = p.data() == null ? null : outside(p);
        }
        int nr = recipients.size();
        this.recipientLocation = new String[nr];
        this.recipientOutside = new boolean[nr];
        Pack.Territory territory = pack.territory();
        for (Map.Entry<String, Integer> e : recipients.entrySet()) {
            String location = pack.recipients().get(e.getKey()).location();
            recipientLocation[e.getValue()] = location;
            recipientOutside[e.getValue()] = location != null && !territory.home(location);
        }
        this.homeIsHome = territory.home(territory.jurisdiction());
    }

    /** The categories purpose {@code p} does not allow, as a bit set. */
    private long[] outside(Pack.PurposeDef p) {
        long[] out = new long[dataWords];
        for (int i = 0; i < categoryIds.length; i++) {
            if (!p.allows(categoryIds[i])) {
                out[i >>> 6] |= 1L << i;
            }
        }
        return out;
    }

    /** A bit set of the numbers of {@code ids} in {@code numbers}; an id without a number is left out. */
    static long[] bits(Map<String, Integer> numbers, Iterable<String> ids) {
        long[] out = new long[Math.max(1, (numbers.size() + 63) >>> 6)];
        for (String id : ids) {
            Integer i = numbers.get(id);
            if (i != null) {
                out[i >>> 6] |= 1L << i;
            }
        }
        return out;
    }

    static boolean has(long[] bits, int i) {
        return i >= 0 && (bits[i >>> 6] & (1L << i)) != 0;
    }

    static boolean intersects(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            if ((a[w] & b[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> numbered(Iterable<String> ids) {
        Map<String, Integer> out = new HashMap<>();
        int i = 0;
        for (String id : ids) {
            out.put(id, i++);
        }
        return Map.copyOf(out);
    }

    @Override
    public String toString() {
        return "PackIndex" + Arrays.toString(categoryIds);
    }
}
