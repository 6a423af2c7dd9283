package io.privacyrules.internal.tools;

import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two versions of a pack and classifies every change by what the pack itself says a
 * material change is: its {@code changes} section names the policy's update clause and, for each
 * kind of change (purposes, categories, ways of use, ownership, recipients, rights, contact), the
 * clause that makes it major, that is, in need of a clear notice; a kind it does not name is
 * minor, and with {@code consentForReducedRights} a change that reduces a right needs the
 * subject's consent. A pack that declares no {@code changes} gets the cautious reading: every
 * kind is major and a reduced right needs consent. The new version's declaration counts (the
 * old one's when the new one has none). The authoring sections ({@code implements}, {@code lint},
 * {@code coverage}) change no decision and are not compared.
 *
 * <p>Ids renamed throughout (a declaration removed and an identical one added under another id)
 * are reported once, as a rename, and references to them compare equal. A behavioural diff decides
 * a fixed, generated set of requests with both versions and reports which answers changed.
 *
 * <p>This class holds the report; the comparison is in {@link StructureDiff} (the declarations)
 * and {@link BehaviourDiff} (the generated requests), over the state they share in {@link Comparison}.
 */
public final class PackDiff {

    /** The class of a change, from least to most demanding. */
    public enum Kind {
        MINOR, MAJOR, REDUCED
    }

    /**
     * One change.
     *
     * @param item  the item of Section VIII it falls under ({@code VIII.3 recipients}), or {@code -} for a minor change
     * @param at    where it is in the new version (the old one for a removal)
     */
    public record Change(Kind kind, String item, String description, Location at) {
        public String line() {
            return String.format("%-7s %-22s %s (%s)", kind.name(), item, description, LoadedPack.at(at));
        }
    }

    /** A generated request whose answer differs between the versions: ids only. */
    public record Changed(String request, String before, String after) {
        public String line() {
            return request + ": " + before + " -> " + after;
        }
    }

    /**
     * The behavioural diff: the generated requests decided by both versions.
     *
     * @param requests          how many processing requests were generated
     * @param decisions         those valid in both versions whose decision or obligations changed
     * @param newIds            how many use ids only the new version declares
     * @param newlyPermitted    of those, the ones the new version permits
     * @param oldIds            how many use ids only the old version declares
     * @param formerlyPermitted of those, the ones the old version permitted
     * @param rightsRequests    how many data-subject requests were generated
     * @param rights            those valid in both versions whose answer changed
     * @param rightsReduced     how many of those the new version answers less favourably
     */
    public record Behaviour(int requests, List<Changed> decisions, int newIds, List<Changed> newlyPermitted, int oldIds,
                            List<Changed> formerlyPermitted, int rightsRequests, List<Changed> rights, int rightsReduced) {
        public static final Behaviour NONE = new Behaviour(0, List.of(), 0, List.of(), 0, List.of(), 0, List.of(), 0);
    }

    /** The outcome of a comparison: the changes, one per line, and the behavioural diff. */
    public record Report(List<Change> changes, Behaviour behaviour, String updateClause) {
        public boolean reduced() {
            return changes.stream().anyMatch(c -> c.kind() == Kind.REDUCED);
        }

        public boolean major() {
            return changes.stream().anyMatch(c -> c.kind() != Kind.MINOR);
        }

        /** 0 no change, 3 minor changes only, 4 a major change, 5 a right reduced. */
        public int exitCode() {
            return changes.isEmpty() ? 0 : reduced() ? 5 : major() ? 4 : 3;
        }

        public long count(Kind k) {
            return changes.stream().filter(c -> c.kind() == k).count();
        }

        private String cite() {
            return updateClause == null ? "" : ", " + updateClause;
        }

        /** The change lines, the behaviour with up to {@code examples} examples of each kind, and the summary. */
        public List<String> lines(int examples) {
            Behaviour b = behaviour;
            List<String> out = new ArrayList<>();
            changes.forEach(c -> out.add(c.line()));
            long up = b.decisions().stream().filter(c -> c.before().startsWith("deny") && c.after().startsWith("permit")).count();
            long down = b.decisions().stream().filter(c -> c.before().startsWith("permit") && c.after().startsWith("deny")).count();
            out.add("behaviour: " + b.requests() + " generated requests: " + b.decisions().size() + " change decision or obligations ("
                    + up + " deny->permit, " + down + " permit->deny, " + (b.decisions().size() - up - down) + " obligations only); "
                    + b.newIds() + " use ids only the new version declares (" + b.newlyPermitted().size() + " permitted), "
                    + b.oldIds() + " ids only the old one declared (" + b.formerlyPermitted().size() + " were permitted); "
                    + b.rights().size() + " of " + b.rightsRequests() + " data-subject requests change answer ("
                    + b.rightsReduced() + " less favourable)");
            b.decisions().stream().limit(examples).forEach(c -> out.add("  request " + c.line()));
            b.newlyPermitted().stream().limit(examples).forEach(c -> out.add("  new request " + c.line()));
            b.formerlyPermitted().stream().limit(examples).forEach(c -> out.add("  old request " + c.line()));
            b.rights().stream().limit(examples).forEach(c -> out.add("  rights request " + c.line()));
            out.add("summary: " + (changes.isEmpty() ? "no change" : changes.size() + (changes.size() == 1 ? " change: " : " changes: ")
                    + count(Kind.REDUCED) + " reduce a right (explicit consent needed" + cite() + "), " + count(Kind.MAJOR)
                    + " major (clear notice needed" + cite() + "), " + count(Kind.MINOR) + " minor"));
            return out;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changes", changes.stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("class", c.kind().name().toLowerCase(java.util.Locale.ROOT));
                cm.put("item", c.item());
                cm.put("change", c.description());
                cm.put("file", c.at().file());
                cm.put("line", c.at().line());
                return cm;
            }).toList());
            Behaviour b = behaviour;
            m.put("requests", b.requests());
            m.put("decisionsChanged", b.decisions().stream().map(PackDiff::changedMap).toList());
            m.put("newIds", b.newIds());
            m.put("newlyPermitted", b.newlyPermitted().stream().map(PackDiff::changedMap).toList());
            m.put("oldIds", b.oldIds());
            m.put("formerlyPermitted", b.formerlyPermitted().stream().map(PackDiff::changedMap).toList());
            m.put("rightsRequests", b.rightsRequests());
            m.put("rightsAnswersChanged", b.rights().stream().map(PackDiff::changedMap).toList());
            m.put("rightsReduced", b.rightsReduced());
            m.put("exitCode", exitCode());
            return m;
        }
    }

    private static Map<String, Object> changedMap(Changed c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request", c.request());
        m.put("before", c.before());
        m.put("after", c.after());
        return m;
    }

    /** The kinds of change a pack's {@code changes.major} may name, with their words in a report. */
    public static final Map<String, String> KINDS = kinds();
    static final String PURPOSES = "purposes";
    static final String CATEGORIES = "categories";
    static final String USE = "use";
    static final String OWNERSHIP = "controller";
    static final String RECIPIENTS = "recipients";
    static final String RIGHTS = "rights";
    static final String CONTACT = "contact";
    static final String NONE = "-";

    private static Map<String, String> kinds() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put(PURPOSES, "purposes");
        k.put(CATEGORIES, "categories");
        k.put(USE, "ways of use");
        k.put(OWNERSHIP, "ownership");
        k.put(RECIPIENTS, "recipients");
        k.put(RIGHTS, "rights");
        k.put(CONTACT, "contact");
        return java.util.Collections.unmodifiableMap(k);
    }

    private PackDiff() {
    }

    /** Compares {@code oldPack} with {@code newPack}. */
    public static Report compare(LoadedPack oldPack, LoadedPack newPack) {
        StructureDiff d = new StructureDiff(oldPack, newPack);
        d.structure();
        Behaviour behaviour = new BehaviourDiff(d).behaviour();
        List<Change> changes = new ArrayList<>(d.changes);
        if (behaviour.rightsReduced() > 0 && changes.stream().noneMatch(c -> c.kind() == Kind.REDUCED)) {
            changes.add(d.change(Kind.REDUCED, RIGHTS, behaviour.rightsReduced() + " generated data-subject requests are answered"
                    + " less favourably by the new version (see behaviour)", newPack.top("rights")));
        }
        return new Report(List.copyOf(changes), behaviour, d.declared == null ? null : d.declared.clause());
    }
}
