package io.privacyrules.internal.engine;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Places;
import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
    final IdTable actions;
    final IdTable purposes;
    final IdTable categories;
    final IdTable recipients;
    /** The legal bases: those the pack declares and those its purposes name. */
    final IdTable bases;
    /** The transfer mechanisms, in the pack's order. */
    final IdTable mechanisms;
    final IdTable objectionKinds;
    /** The consent kinds, weakest first: a kind's number is its rank. */
    final IdTable consentKinds;
    /** The rank of a consent that names no kind. */
    final int defaultRank;
    /**
     * Every place a request may name: the ISO 3166-1 countries, the pack's regions and its
     * jurisdiction, each with what a decision needs to know of it.
     */
    final IdTable places;
    final String[] placeIds;
    /** A destination may name the place (a country or a region of the pack). */
    final boolean[] destination;
    /** A subject may live in the place (an ISO country). */
    final boolean[] residence;
    /** The place lies in the jurisdiction. */
    final boolean[] home;
    /** The age below which a subject living in the place (a country) is a child. */
    final int[] childUnder;
    /** The jurisdiction's number among the places. */
    final int jurisdiction;

    final String[] actionIds;
    final boolean[] requiresRecipient;
    final String[] recipientIds;
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

    PackIndex(Pack pack) {
        this.pack = pack;
        this.actionIds = pack.actions().keySet().toArray(String[]::new);
        this.actions = new IdTable(List.of(actionIds));
        this.requiresRecipient = new boolean[actionIds.length];
        for (int i = 0; i < actionIds.length; i++) {
            requiresRecipient[i] = pack.actions().get(actionIds[i]).requiresRecipient();
        }
        this.purposes = new IdTable(List.copyOf(pack.purposes().keySet()));
        List<String> sorted = new ArrayList<>(pack.categories().keySet());
        sorted.sort(null);
        this.categoryIds = sorted.toArray(String[]::new);
        this.categories = new IdTable(sorted);
        this.recipientIds = pack.recipients().keySet().toArray(String[]::new);
        this.recipients = new IdTable(List.of(recipientIds));
        Set<String> allBases = new LinkedHashSet<>(pack.bases().keySet());
        pack.purposes().values().forEach(p -> {
            if (p.basis() != null) {
                allBases.add(p.basis());
            }
        });
        this.bases = new IdTable(List.copyOf(allBases));
        this.mechanisms = new IdTable(List.copyOf(pack.transfers().mechanisms().keySet()));
        this.mechanismDefs = pack.transfers().mechanisms().values().toArray(Pack.Mechanism[]::new);
        this.objectionKinds = new IdTable(List.copyOf(pack.objections().kinds().keySet()));
        this.consentKinds = new IdTable(List.copyOf(pack.consentKinds().kinds().keySet()));
        this.defaultRank = pack.consentKinds().rank(null);

        Pack.Territory territory = pack.territory();
        Set<String> allPlaces = new LinkedHashSet<>(List.of(Locale.getISOCountries()));
        allPlaces.addAll(territory.regions().keySet());
        allPlaces.add(territory.jurisdiction());
        this.placeIds = allPlaces.toArray(String[]::new);
        this.places = new IdTable(List.of(placeIds));
        Set<String> iso = Set.of(Locale.getISOCountries());
        int n = placeIds.length;
        this.destination = new boolean[n];
        this.residence = new boolean[n];
        this.home = new boolean[n];
        this.childUnder = new int[n];
        for (int i = 0; i < n; i++) {
            String place = placeIds[i];
            destination[i] = territory.isRegion(place) || Places.isKnown(place);
            residence[i] = Ids.COUNTRY.matcher(place).matches() && iso.contains(place);
            home[i] = territory.home(place);
            childUnder[i] = pack.children().underFor(place);
        }
        this.jurisdiction = places.get(territory.jurisdiction());

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
        for (String id : pack.purposes().keySet()) {
            int i = purposes.get(id);
            Pack.PurposeDef p = pack.purposes().get(id);
            purposeDefs[i] = p;
            basisOf[i] = p.basis() == null ? -1 : bases.get(p.basis());
            undeclared[i] = p.data() == null ? null : outside(p);
        }
        int nr = recipientIds.length;
        this.recipientLocation = new String[nr];
        this.recipientOutside = new boolean[nr];
        for (int r = 0; r < nr; r++) {
            String location = pack.recipients().get(recipientIds[r]).location();
            recipientLocation[r] = location;
            recipientOutside[r] = location != null && !territory.home(location);
        }
    }

    /** The rank of a consent kind: as {@code Pack.ConsentKinds.rank}, without a map. */
    int rank(String kind) {
        return kind == null ? defaultRank : consentKinds.get(kind);
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
    static long[] bits(IdTable numbers, Iterable<String> ids) {
        long[] out = new long[Math.max(1, (numbers.size() + 63) >>> 6)];
        for (String id : ids) {
            int i = numbers.get(id);
            if (i >= 0) {
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

    @Override
    public String toString() {
        return "PackIndex[" + pack.info().id() + "]";
    }
}
