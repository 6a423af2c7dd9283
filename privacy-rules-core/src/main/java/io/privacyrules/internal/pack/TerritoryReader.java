package io.privacyrules.internal.pack;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the territorial sections of {@code policy.yaml}: {@code regions} (named sets of ISO 3166
 * countries, made of countries and other regions), {@code jurisdiction} (a country or a region)
 * and {@code transfers} (the mechanisms under which data may leave the jurisdiction). Membership
 * is resolved once here, so that a decision only looks up sets.
 */
final class TerritoryReader {
    static final Set<String> REGION_KEYS = Set.of("members", "description", "clause");
    static final Set<String> TRANSFERS_KEYS = Set.of("mechanisms");
    static final Set<String> MECHANISM_KEYS = Set.of("clause", "description", "to", "recipients", "consentKind",
            "claimed", "since");

    /** A region id: letters, digits and '-', not two upper-case letters (those are countries). */
    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*");

    /** The ISO 3166-1 alpha-2 codes Java knows. */
    static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final PackLoader loader;
    /** Region id → its members as written, with where each stands. */
    private final Map<String, List<Node.ScalarNode>> written = new LinkedHashMap<>();
    private final Map<String, Location> declaredAt = new LinkedHashMap<>();
    private final Map<String, Set<String>> resolved = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, String> clauses = new LinkedHashMap<>();

    TerritoryReader(PackLoader loader) {
        this.loader = loader;
    }

    /** Reads {@code regions}; call before {@link #territory}. */
    void readRegions(Fields top) {
        Fields f = loader.map(top, "regions", "the regions", false);
        if (f == null) {
            return;
        }
        for (Node.Entry e : f.entries().values()) {
            String id = e.key();
            if (id.length() > Ids.MAX_LENGTH || !REGION.matcher(id).matches() || ISO_COUNTRIES.contains(id)) {
                loader.problems.add(e.keyAt(), "region id '" + PackLoader.shorten(id) + "' is not a region name",
                        ISO_COUNTRIES.contains(id) ? id + " is an ISO 3166 country code; give the region another name"
                                : "use letters, digits and '-', for example EEA or adequate-countries");
                continue;
            }
            List<Node.ScalarNode> members = new ArrayList<>();
            Node list = e.value();
            if (e.value() instanceof Node.MapNode) {
                Fields r = Fields.of(e.value(), loader.problems, "region " + id, REGION_KEYS);
                String d = r.text("description", false);
                if (d != null) {
                    descriptions.put(id, d);
                }
                String c = loader.clause(r, "clause", false);
                if (c != null) {
                    clauses.put(id, c);
                }
                list = r.node("members");
                if (list == null) {
                    r.problem("members", "region " + id + " needs 'members'", "list ISO 3166 codes and other regions");
                    continue;
                }
            }
            if (list instanceof Node.ListNode l) {
                for (Node n : l.items()) {
                    if (n instanceof Node.ScalarNode sn && sn.value() instanceof String) {
                        members.add(sn);
                    } else if (n instanceof Node.ScalarNode sn && sn.value() instanceof Boolean) {
                        loader.problems.add(n.at(), "a member of region " + id + " was read as true or false",
                                "YAML reads NO, YES, ON and OFF as booleans: quote the code, for example \"NO\" for Norway");
                    } else {
                        loader.problems.add(n.at(), "a member of region " + id + " must be a country code or a region",
                                "for example DE or EU");
                    }
                }
            } else if (list instanceof Node.ScalarNode sn && sn.value() instanceof String) {
                members.add(sn);
            } else {
                loader.problems.add(list.at(), "region " + id + " must list its members", "for example [DE, FR, EU]");
            }
            if (members.isEmpty() && list instanceof Node.ListNode) {
                loader.problems.add(list.at(), "region " + id + " lists no member", "an empty region never matches");
            }
            written.put(id, members);
            declaredAt.put(id, e.keyAt());
        }
        for (String id : written.keySet()) {
            resolve(id, new ArrayList<>());
        }
    }

    /** The countries of a region, resolving regions made of regions; reports unknown members and cycles once. */
    private Set<String> resolve(String id, List<String> path) {
        Set<String> done = resolved.get(id);
        if (done != null) {
            return done;
        }
        if (path.contains(id)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            loader.problems.add(declaredAt.get(id), "regions form a cycle: " + String.join(" -> ", cycle),
                    "a region may contain another only if that one does not contain it back");
            return Set.of();
        }
        path.add(id);
        Set<String> out = new TreeSet<>();
        for (Node.ScalarNode m : written.get(id)) {
            String member = (String) m.value();
            if (written.containsKey(member)) {
                out.addAll(resolve(member, path));
            } else if (Ids.COUNTRY.matcher(member).matches()) {
                if (ISO_COUNTRIES.contains(member)) {
                    out.add(member);
                } else {
                    loader.problems.add(m.at(), "'" + member + "' is not an ISO 3166-1 country code",
                            member.equals("EL") ? "Greece is GR in ISO 3166" : member.equals("UK")
                                    ? "the United Kingdom is GB in ISO 3166" : "for example DE, FR, GB");
                }
            } else {
                loader.problems.add(m.at(), "'" + PackLoader.shorten(member) + "' is neither a country code nor a region of the pack",
                        PackLoader.hint(member, written.keySet()));
            }
        }
        path.remove(path.size() - 1);
        Set<String> copy = Set.copyOf(out);
        resolved.put(id, copy);
        return copy;
    }

    /** The ids of the regions read. */
    Set<String> regionIds() {
        return written.keySet();
    }

    /** True when {@code place} is a known ISO country or a declared region. */
    boolean isPlace(String place) {
        return place != null && (ISO_COUNTRIES.contains(place) || written.containsKey(place));
    }

    /**
     * Reads a place (a country code or a region) at {@code key}; null when absent or wrong, with a
     * problem reported.
     */
    String place(Fields f, String key, boolean required) {
        String s = f.text(key, required);
        if (s == null) {
            return null;
        }
        if (written.containsKey(s)) {
            return s;
        }
        if (!Ids.COUNTRY.matcher(s).matches()) {
            if (written.isEmpty()) {
                f.problem(key, "'" + PackLoader.shorten(s) + "' is not a two-letter ISO 3166 country code",
                        "for example CN, DE; or declare a region under 'regions'");
            } else {
                f.problem(key, "'" + PackLoader.shorten(s) + "' is neither a two-letter ISO 3166 country code nor a region of the pack",
                        PackLoader.hint(s, written.keySet()));
            }
            return null;
        }
        if (!ISO_COUNTRIES.contains(s)) {
            f.problem(key, "'" + s + "' is not an ISO 3166-1 country code", "for example CN, DE");
            return null;
        }
        return s;
    }

    /** Checks a place named in a condition or elsewhere; reports and returns false when unknown. */
    boolean checkPlace(String place, Location at) {
        if (isPlace(place)) {
            return true;
        }
        if (Ids.COUNTRY.matcher(place).matches()) {
            loader.problems.add(at, "'" + place + "' is not an ISO 3166-1 country code", "for example DE, FR, GB");
        } else {
            loader.problems.add(at, "'" + PackLoader.shorten(place) + "' is neither a country code nor a region of the pack",
                    written.isEmpty() ? "declare it under 'regions'" : PackLoader.hint(place, written.keySet()));
        }
        return false;
    }

    Pack.Territory territory(String jurisdiction) {
        Map<String, Set<String>> regions = new LinkedHashMap<>(resolved);
        return new Pack.Territory(jurisdiction == null ? "ZZ" : jurisdiction, regions, Map.copyOf(descriptions),
                Map.copyOf(clauses));
    }

    // ---- transfers ------------------------------------------------------------------------

    /** Reads {@code transfers}: the mechanisms under which data may leave the jurisdiction. */
    Pack.Transfers readTransfers(Fields top, Collection<String> recipients, Collection<String> consentKinds) {
        if (!top.has("transfers")) {
            return Pack.Transfers.NONE;
        }
        Fields f = Fields.of(top.node("transfers"), loader.problems, "the transfers section", TRANSFERS_KEYS);
        Map<String, Pack.Mechanism> out = new LinkedHashMap<>();
        if (!f.has("mechanisms")) {
            f.problem("mechanisms", "transfers needs 'mechanisms'", "declare each mechanism with its clause");
        }
        loader.forEachEntry(f, "mechanisms", "transfer mechanism", MECHANISM_KEYS, false, (id, m) -> {
            String clause = loader.clause(m, "clause", true);
            String description = m.text("description", false);
            Set<String> to = null;
            List<String> toIds = new ArrayList<>();
            if (m.has("to")) {
                to = new TreeSet<>();
                List<Node.ScalarNode> places = m.texts("to", false);
                if (places.isEmpty()) {
                    m.problem("to", "'to' lists no place", "name the countries or regions the mechanism covers");
                }
                for (Node.ScalarNode p : places) {
                    String place = (String) p.value();
                    if (checkPlace(place, p.at())) {
                        toIds.add(place);
                        to.addAll(written.containsKey(place) ? resolved.getOrDefault(place, Set.of()) : Set.of(place));
                    }
                }
            }
            Set<String> covered = null;
            if (m.has("recipients")) {
                covered = new LinkedHashSet<>();
                List<Node.ScalarNode> rs = m.texts("recipients", false);
                if (rs.isEmpty()) {
                    m.problem("recipients", "'recipients' lists none", "name the recipients the mechanism covers, or remove the key");
                }
                for (Node.ScalarNode r : rs) {
                    if (loader.reference((String) r.value(), r.at(), recipients, "recipient")) {
                        covered.add((String) r.value());
                    }
                }
            }
            String kind = m.text("consentKind", false);
            if (kind != null && !consentKinds.contains(kind)) {
                m.problem("consentKind", "undeclared consent kind '" + PackLoader.shorten(kind) + "'",
                        PackLoader.hint(kind, consentKinds));
                kind = null;
            }
            boolean claimed = m.bool("claimed", false);
            Map<String, LocalDate> since = new LinkedHashMap<>();
            if (m.has("since")) {
                Fields s = Fields.of(m.node("since"), loader.problems, "since of mechanism " + id,
                        m.node("since") instanceof Node.MapNode mn ? mn.entries().keySet() : Set.of());
                for (Node.Entry e : s.entries().values()) {
                    if (!checkPlace(e.key(), e.keyAt())) {
                        continue;
                    }
                    LocalDate d = loader.date(s, e.key());
                    if (d != null) {
                        since.put(e.key(), d);
                    }
                }
            }
            if (to == null && covered == null && kind == null && !claimed) {
                m.problem("clause", "transfer mechanism " + id + " says nothing it covers",
                        "give 'to' (countries or regions), 'recipients', 'consentKind', or claimed: true");
            }
            out.put(id, new Pack.Mechanism(id, PackLoader.nn(clause), description, to == null ? null : Set.copyOf(to),
                    List.copyOf(toIds), covered == null ? null : Set.copyOf(covered), kind, claimed, Map.copyOf(since)));
        });
        return new Pack.Transfers(java.util.Collections.unmodifiableMap(out));
    }
}
