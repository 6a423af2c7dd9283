package io.privacyrules.internal.engine;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsRequest;
import io.privacyrules.Subject;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.Suggest;
import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackSource;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How requests written in one pack's identifiers read in another pack's: the first pack's map file
 * {@code maps/<other-pack-id>.yaml}, or the identity where the file does not list an id. Built
 * once, when layers are loaded, and checked to be total: every action, purpose, category and
 * recipient of the source pack (and, when both packs declare rights, every right and ground) has
 * a counterpart declared in the target pack, or the load fails.
 *
 * <p>Immutable and thread-safe.
 */
public final class Translation {
    /** The keys of a map file. */
    static final Set<String> KEYS = Set.of("map", "actions", "actionsByRecipient", "purposes", "categories", "recipients",
            "rights", "refusalGrounds", "erasureGrounds", "mechanisms", "events", "consentKinds");

    /** The sections whose ids may map onto {@code ~} (no counterpart), with what they hold. */
    private static final Map<String, String> NULLABLE = Map.of("refusalGrounds", "ground", "erasureGrounds", "ground",
            "mechanisms", "mechanism", "events", "event");

    private final Pack source;
    private final Pack target;
    private final Map<String, String> actions;
    /**
     * Source action, then source recipient, to target action: where one action of the source is
     * different actions in the target's terms depending on who receives the data (handing data to a
     * host that only stores it, and to one that uses it). Read before {@link #actions}.
     */
    private final Map<String, Map<String, String>> actionsByRecipient;
    private final Map<String, String> purposes;
    private final Map<String, String> categories;
    private final Map<String, String> recipients;
    private final Map<String, String> rights;
    /** Source ground to target ground; a null value means the target knows no such ground. */
    private final Map<String, String> refusalGrounds;
    private final Map<String, String> erasureGrounds;
    /** Source transfer mechanism to target mechanism; a null value means the target has none for it. */
    private final Map<String, String> mechanisms;
    /** Source retention event to target event; a null value means the target has none for it. */
    private final Map<String, String> events;
    /** Source consent kind to target kind. */
    private final Map<String, String> consentKinds;

    private Translation(Pack source, Pack target, Map<String, Map<String, String>> sections,
                        Map<String, Map<String, String>> actionsByRecipient) {
        this.source = source;
        this.target = target;
        this.actions = sections.get("actions");
        this.actionsByRecipient = actionsByRecipient;
        this.purposes = sections.get("purposes");
        this.categories = sections.get("categories");
        this.recipients = sections.get("recipients");
        this.rights = sections.get("rights");
        this.refusalGrounds = sections.get("refusalGrounds");
        this.erasureGrounds = sections.get("erasureGrounds");
        this.mechanisms = sections.get("mechanisms");
        this.events = sections.get("events");
        this.consentKinds = sections.get("consentKinds");
    }

    /** The path of the map from a pack onto the pack {@code targetId}, relative to the pack's folder. */
    public static String file(String targetId) {
        return "maps/" + targetId + ".yaml";
    }

    /**
     * Reads and checks the map from {@code source} (found through {@code from}) onto {@code target}.
     * Returns null when there are problems, each added to {@code problems}.
     */
    public static Translation load(PackSource from, Pack source, Pack target, Problems problems) {
        String relative = file(target.info().id());
        String display = from.display(relative);
        int before = problems.size();
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, Map<String, Location>> where = new HashMap<>();
        for (String s : KEYS) {
            if (!s.equals("map") && !s.equals("actionsByRecipient")) {
                sections.put(s, new LinkedHashMap<>());
                where.put(s, new HashMap<>());
            }
        }
        Map<String, Map<String, String>> byRecipient = new LinkedHashMap<>();
        Location fileAt = new Location(display, 1, 1);
        byte[] bytes;
        try {
            bytes = from.read(relative, YamlReader.MAX_BYTES);
        } catch (IOException e) {
            problems.add(Location.of(display), "cannot read the file: " + e.getClass().getSimpleName(), "");
            return null;
        }
        boolean present = bytes != null;
        if (present) {
            if (bytes.length > YamlReader.MAX_BYTES) {
                problems.add(Location.of(display), "the file is larger than " + YamlReader.MAX_BYTES + " bytes", "");
                return null;
            }
            Node root = YamlReader.read(display, bytes, problems);
            if (root == null) {
                return null;
            }
            Fields top = Fields.of(root, problems, "the map", KEYS);
            String onto = top.text("map", true);
            if (onto != null && !onto.equals(target.info().id())) {
                top.problem("map", "this file maps onto '" + onto + "', but it is read for pack '" + target.info().id() + "'",
                        "write map: " + target.info().id() + ", or rename the file to " + file(onto));
            }
            for (String s : sections.keySet()) {
                if (top.has(s)) {
                    read(top, s, sections.get(s), where.get(s), problems);
                }
            }
            if (top.has("actionsByRecipient")) {
                readByRecipient(top.node("actionsByRecipient"), source, target, byRecipient, problems);
            }
        }
        String hint = present ? "" : " (create " + relative + " in pack " + source.info().id() + ")";
        check(sections.get("actions"), where.get("actions"), source.actions().keySet(), target.actions().keySet(),
                "action", "actions", false, fileAt, hint, target.info().id(), problems);
        check(sections.get("purposes"), where.get("purposes"), source.purposes().keySet(), target.purposes().keySet(),
                "purpose", "purposes", false, fileAt, hint, target.info().id(), problems);
        check(sections.get("categories"), where.get("categories"), source.categories().keySet(),
                target.categories().keySet(), "data category", "categories", false, fileAt, hint, target.info().id(), problems);
        check(sections.get("recipients"), where.get("recipients"), source.recipients().keySet(),
                target.recipients().keySet(), "recipient", "recipients", false, fileAt, hint, target.info().id(), problems);
        // transfer mechanisms need not be mapped: one the map does not list carries over under its
        // own id when the target declares it, and is dropped otherwise
        checkPartial(sections.get("mechanisms"), where.get("mechanisms"), source.transfers().mechanisms().keySet(),
                target.transfers().mechanisms().keySet(), "transfer mechanism", target.info().id(), problems);
        checkPartial(sections.get("events"), where.get("events"), source.retention().events().keySet(),
                target.retention().events().keySet(), "retention event", target.info().id(), problems);
        checkPartial(sections.get("consentKinds"), where.get("consentKinds"), source.consentKinds().kinds().keySet(),
                target.consentKinds().kinds().keySet(), "consent kind", target.info().id(), problems);
        Pack.Rights sr = source.rights();
        Pack.Rights tr = target.rights();
        boolean bothRights = !sr.requests().isEmpty() && !tr.requests().isEmpty();
        Set<String> sourceRefusal = new LinkedHashSet<>(sr.refusalGrounds().keySet());
        sourceRefusal.addAll(sr.unreasonableGrounds());
        Set<String> targetRefusal = new LinkedHashSet<>(tr.refusalGrounds().keySet());
        targetRefusal.addAll(tr.unreasonableGrounds());
        if (bothRights) {
            check(sections.get("rights"), where.get("rights"), sr.requests().keySet(), tr.requests().keySet(),
                    "right", "rights", false, fileAt, hint, target.info().id(), problems);
            check(sections.get("refusalGrounds"), where.get("refusalGrounds"), sourceRefusal, targetRefusal,
                    "refusal ground", "refusalGrounds", true, fileAt, hint, target.info().id(), problems);
            check(sections.get("erasureGrounds"), where.get("erasureGrounds"), sr.erasureGrounds().keySet(),
                    tr.erasureGrounds().keySet(), "erasure ground", "erasureGrounds", true, fileAt, hint, target.info().id(), problems);
        } else {
            for (String s : List.of("rights", "refusalGrounds", "erasureGrounds")) {
                for (Location at : where.get(s).values()) {
                    problems.add(at, s + " are mapped, but " + (sr.requests().isEmpty() ? source.info().id()
                            : target.info().id()) + " declares no data-subject rights", "remove the " + s + " section");
                    break;
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Translation(source, target, sections, byRecipient);
    }

    /**
     * {@code actionsByRecipient: {their-action: {their-recipient: our-action}}}, each id checked:
     * the action and recipient against the source pack, the action it maps onto against the target.
     */
    private static void readByRecipient(Node node, Pack source, Pack target, Map<String, Map<String, String>> into,
                                        Problems problems) {
        String example = "for example actionsByRecipient: {entrust: {hosting-provider: store}}";
        if (!(node instanceof Node.MapNode m)) {
            problems.add(node.at(), "'actionsByRecipient' must map actions onto recipients and actions", example);
            return;
        }
        for (Node.Entry e : m.entries().values()) {
            if (!source.actions().containsKey(e.key())) {
                problems.add(e.keyAt(), "the mapped action '" + e.key() + "' is not declared by this pack",
                        suggest(e.key(), source.actions().keySet()));
                continue;
            }
            if (!(e.value() instanceof Node.MapNode byRecipient)) {
                problems.add(e.value().at(), "action '" + e.key() + "' must map recipients onto actions of the other pack", example);
                continue;
            }
            Map<String, String> actions = new LinkedHashMap<>();
            for (Node.Entry r : byRecipient.entries().values()) {
                if (!source.recipients().containsKey(r.key())) {
                    problems.add(r.keyAt(), "the recipient '" + r.key() + "' is not declared by this pack",
                            suggest(r.key(), source.recipients().keySet()));
                } else if (!(r.value() instanceof Node.ScalarNode v) || !(v.value() instanceof String t) || !Ids.isId(t)) {
                    problems.add(r.value().at(), "'" + e.key() + "' to '" + r.key() + "' must map onto one action of the other pack",
                            "for example " + r.key() + ": store");
                } else if (!target.actions().containsKey(t)) {
                    problems.add(r.value().at(), "action '" + e.key() + "' to '" + r.key() + "' maps onto '" + t
                            + "', which pack " + target.info().id() + " does not declare", suggest(t, target.actions().keySet()));
                } else {
                    actions.put(r.key(), t);
                }
            }
            into.put(e.key(), Map.copyOf(actions));
        }
    }

    /** The target's action for {@code action} of the source done to {@code recipient}. */
    private String action(String action, String recipient) {
        if (action != null && recipient != null && !actionsByRecipient.isEmpty()) {
            Map<String, String> byRecipient = actionsByRecipient.get(action);
            String t = byRecipient == null ? null : byRecipient.get(recipient);
            if (t != null) {
                return t;
            }
        }
        return to(actions, action);
    }

    private static void read(Fields top, String section, Map<String, String> into, Map<String, Location> where,
                             Problems problems) {
        Node node = top.node(section);
        if (!(node instanceof Node.MapNode m)) {
            problems.add(node.at(), "'" + section + "' must map ids onto ids", "for example " + section + ": {mine: theirs}");
            return;
        }
        String noCounterpart = NULLABLE.get(section);
        for (Node.Entry e : m.entries().values()) {
            if (!Ids.isId(e.key())) {
                problems.add(e.keyAt(), "'" + e.key() + "' is not an id", "ids are lower-case kebab-case, dotted for categories");
                continue;
            }
            if (e.value() instanceof Node.ScalarNode s && s.value() == null && noCounterpart != null) {
                into.put(e.key(), null);
            } else if (e.value() instanceof Node.ScalarNode s && s.value() instanceof String v && Ids.isId(v)) {
                into.put(e.key(), v);
            } else {
                problems.add(e.value().at(), "'" + e.key() + "' must map onto one id of the other pack",
                        noCounterpart != null ? "or ~ when the other pack has no such " + noCounterpart
                                : "for example " + e.key() + ": their-id");
                continue;
            }
            where.put(e.key(), e.value().at());
        }
    }

    private static void check(Map<String, String> map, Map<String, Location> where, Collection<String> sourceIds,
                              Collection<String> targetIds, String noun, String section, boolean nullable,
                              Location fileAt, String hint, String onto, Problems problems) {
        checkPartial(map, where, sourceIds, targetIds, noun, onto, problems);
        for (String id : sourceIds) {
            if (!map.containsKey(id) && !targetIds.contains(id)) {
                problems.add(fileAt, noun + " '" + id + "' has no counterpart in pack " + onto,
                        "map it under " + section + ": onto one of " + show(targetIds)
                                + (nullable ? ", or onto ~ when there is none" : "") + hint);
            }
        }
    }

    /** Each id a section lists exists in its pack: the source's on the left, the target's on the right. */
    private static void checkPartial(Map<String, String> map, Map<String, Location> where, Collection<String> sourceIds,
                                     Collection<String> targetIds, String noun, String onto, Problems problems) {
        for (Map.Entry<String, String> e : map.entrySet()) {
            Location at = where.get(e.getKey());
            if (!sourceIds.contains(e.getKey())) {
                problems.add(at, "the mapped " + noun + " '" + e.getKey() + "' is not declared by this pack", suggest(e.getKey(), sourceIds));
            } else if (e.getValue() != null && !targetIds.contains(e.getValue())) {
                problems.add(at, noun + " '" + e.getKey() + "' maps onto '" + e.getValue() + "', which pack " + onto
                        + " does not declare", suggest(e.getValue(), targetIds));
            }
        }
    }

    private static String suggest(String id, Collection<String> ids) {
        String near = Suggest.nearest(id, ids);
        return near == null ? "one of " + show(ids) : "did you mean '" + near + "'?";
    }

    private static String show(Collection<String> ids) {
        List<String> l = new ArrayList<>(ids);
        return l.size() <= 8 ? String.join(", ", l) : String.join(", ", l.subList(0, 8)) + ", ...";
    }

    /** The target pack. */
    public Pack target() {
        return target;
    }

    private static String to(Map<String, String> map, String id) {
        return id == null ? null : map.getOrDefault(id, id);
    }

    /**
     * As {@link #translate(ProcessingRequest)}, written as it was before the engine's rework for
     * speed; the differential test ({@code DifferentialTest}) compares the two. Not used to decide.
     */
    ProcessingRequest referenceTranslate(ProcessingRequest r) {
        String destination = r.destination();
        if (destination == null) {
            String home = source.info().jurisdiction();
            String located = r.recipient() == null ? null : source.recipients().get(r.recipient()).location();
            destination = located != null && !source.territory().home(located) ? located : home;
        }
        List<Consent> consents = new ArrayList<>();
        for (Consent c : r.subject().consents()) {
            if (c.withdrawn() || !Request.covers(c, r.purpose(), r.recipient(), r.action())) {
                continue;
            }
            consents.add(new Consent(to(purposes, c.purpose()), to(recipients, c.recipient()), action(c.action(), r.recipient()),
                    false, kind(c.kind())));
        }
        Subject s = r.subject();
        List<String> objections = new ArrayList<>();
        Pack.PurposeDef purpose = source.purposes().get(r.purpose());
        for (String o : s.objections()) {
            boolean kind = !source.purposes().containsKey(o);
            List<String> ts = new ArrayList<>();
            if (source.objections().covers(o, purpose)) {
                ts.add(to(purposes, r.purpose()));
            }
            if (kind && target.objections().kinds().containsKey(o)) {
                ts.add(o);
            }
            for (String t : ts) {
                if (!objections.contains(t)) {
                    objections.add(t);
                }
            }
        }
        String mechanism = mechanism(r);
        Set<String> data = new LinkedHashSet<>();
        for (String id : r.data()) {
            String t = categories.containsKey(id) ? categories.get(id) : id;
            if (t != null) {
                data.add(t);
            }
        }
        return new ProcessingRequest(action(r.action(), r.recipient()), to(purposes, r.purpose()), List.copyOf(data),
                to(recipients, r.recipient()), destination, r.anonymized(), r.aggregated(), r.requiredByLaw(),
                r.protectsChild(), new Subject(s.age(), s.guardianConsent(), consents, kind(s.guardianConsentKind()),
                s.country(), objections), mechanism, r.restricted());
    }

    /** A distinct, ordered list of the counterparts of {@code ids}, without those that have none. */
    private static List<String> all(Map<String, String> map, List<String> ids) {
        String[] out = new String[ids.size()];
        int n = 0;
        for (int i = 0; i < out.length; i++) {
            String id = ids.get(i);
            String t = map.containsKey(id) ? map.get(id) : id;
            if (t != null && !contains(out, n, t)) {
                out[n++] = t;
            }
        }
        return java.util.Arrays.asList(out).subList(0, n);
    }

    private static boolean contains(String[] a, int n, String s) {
        for (int i = 0; i < n; i++) {
            if (a[i].equals(s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request in the target pack's identifiers. The request must be valid for the source
     * pack. Only the consents that cover the request are carried over: two recipients of the
     * source may be one recipient of the target, and a consent to one must not stand for the
     * other. A recipient located outside the source's jurisdiction becomes the destination, so
     * that the request stays abroad in the target's eyes.
     */
    public ProcessingRequest translate(ProcessingRequest r) {
        String destination = r.destination();
        if (destination == null) {
            String home = source.info().jurisdiction();
            String located = r.recipient() == null ? null : source.recipients().get(r.recipient()).location();
            destination = located != null && !source.territory().home(located) ? located : home;
        }
        List<Consent> all = r.subject().consents();
        Consent[] consents = new Consent[all.size()];
        int n = 0;
        for (Consent c : all) {
            if (c.withdrawn() || !Request.covers(c, r.purpose(), r.recipient(), r.action())) {
                continue;
            }
            consents[n++] = new Consent(to(purposes, c.purpose()), to(recipients, c.recipient()), action(c.action(), r.recipient()),
                    false, kind(c.kind()));
        }
        Subject s = r.subject();
        // Only objections that cover the request are carried over, as its consents are: several
        // purposes of the source may meet on one purpose of the target, and an objection to one of
        // them must not stand for the others (GDPR Art. 21(1) is an objection to some processing).
        // An objection covering the request's purpose (the purpose itself, or a kind of objection
        // covering it) becomes an objection to the target's purpose; a kind the target declares
        // under the same id carries over as that kind too.
        List<String> objections = s.objections().isEmpty() ? List.of() : new ArrayList<>(2);
        Pack.PurposeDef purpose = s.objections().isEmpty() ? null : source.purposes().get(r.purpose());
        for (String o : s.objections()) {
            if (source.objections().covers(o, purpose)) {
                String t = to(purposes, r.purpose());
                if (!objections.contains(t)) {
                    objections.add(t);
                }
            }
            if (!source.purposes().containsKey(o) && target.objections().kinds().containsKey(o) && !objections.contains(o)) {
                objections.add(o);
            }
        }
        String mechanism = mechanism(r);
        return new ProcessingRequest(action(r.action(), r.recipient()), to(purposes, r.purpose()), all(categories, r.data()),
                to(recipients, r.recipient()), destination, r.anonymized(), r.aggregated(), r.requiredByLaw(),
                r.protectsChild(), new Subject(s.age(), s.guardianConsent(),
                n == 0 ? List.of() : List.of(n == consents.length ? consents : java.util.Arrays.copyOf(consents, n)),
                kind(s.guardianConsentKind()), s.country(), objections), mechanism, r.restricted());
    }

    /**
     * The transfer mechanism the target sees: the counterpart of the one the request names, or else
     * of the first mechanism of the source (in its order) that covers the request and whose
     * counterpart the target only counts when named ({@code claimed}). So standard contractual
     * clauses the source ties to a recipient reach a target that asks the host to name them. A
     * counterpart is the map's, or the same id when the target declares it.
     */
    private String mechanism(ProcessingRequest r) {
        if (r.transferMechanism() != null) {
            return counterpart(r.transferMechanism());
        }
        if (source.transfers().mechanisms().isEmpty() || target.transfers().mechanisms().isEmpty()) {
            return null;
        }
        Set<String> covering = new Request(source, r).getTransferMechanisms();
        for (String m : source.transfers().mechanisms().keySet()) {
            String t = covering.contains(m) ? counterpart(m) : null;
            if (t != null && target.transfers().mechanisms().get(t).claimed()) {
                return t;
            }
        }
        return null;
    }

    private String counterpart(String sourceMechanism) {
        String t = mechanisms.containsKey(sourceMechanism) ? mechanisms.get(sourceMechanism) : sourceMechanism;
        return t != null && target.transfers().mechanisms().containsKey(t) ? t : null;
    }

    /**
     * A consent kind of the source in the target's terms: the same id when the target declares it,
     * else the target's weakest kind (the cautious reading: a kind the law does not know counts
     * for no more than its weakest consent). The source's default kind stands for a consent that
     * names none.
     */
    private String kind(String sourceKind) {
        String k = sourceKind != null ? sourceKind : source.consentKinds().defaultKind();
        if (k == null || target.consentKinds().kinds().isEmpty()) {
            return null;
        }
        String t = consentKinds.getOrDefault(k, k);
        return target.consentKinds().kinds().containsKey(t) ? t : target.consentKinds().weakest();
    }

    /** True when the target pack declares data-subject rights. */
    public boolean targetDecidesRights() {
        return !target.rights().requests().isEmpty();
    }

    /** The request in the target's identifiers; grounds the target does not know are left out. */
    public RightsRequest translate(RightsRequest r) {
        return new RightsRequest(to(rights, r.right()), r.receivedOn(), r.identityVerified(),
                all(erasureGrounds, r.erasureGrounds()), all(refusalGrounds, r.refusalGrounds()), r.repeated(),
                r.extended() && target.rights().requests().containsKey(to(rights, r.right()))
                        && target.rights().requests().get(to(rights, r.right())).extension() != null);
    }

    /**
     * The query in the target's identifiers. A purpose of the target counts as fulfilled only when
     * every purpose of the record that maps onto it is fulfilled. A source purpose that a
     * retention period of the source keeps records for counts as fulfilled once that period has
     * ended for the record, as the source itself decides; the target may know no such period.
     * Events carry over under the same id when the target declares them.
     */
    public RetentionQuery translate(RetentionQuery q, java.time.LocalDate today) {
        java.time.LocalDate day = q.asOf() != null ? q.asOf() : today;
        io.privacyrules.internal.drl.Retention fact = new io.privacyrules.internal.drl.Retention(source, q, day);
        Set<String> ended = new java.util.HashSet<>();
        for (Pack.RetentionPeriod p : source.retention().periods()) {
            if (fact.getPeriodsEnded().contains(p.id())) {
                ended.addAll(p.purposes());
            }
        }
        List<String> mapped = all(purposes, q.purposes());
        List<String> fulfilled = new ArrayList<>();
        for (String p : mapped) {
            boolean all = true;
            for (String src : q.purposes()) {
                boolean done = q.purposesFulfilled().contains(src) || ended.contains(src);
                if (p.equals(to(purposes, src)) && !done) {
                    all = false;
                }
            }
            if (all) {
                fulfilled.add(p);
            }
        }
        java.util.Map<String, java.time.LocalDate> events = new java.util.LinkedHashMap<>();
        q.events().forEach((key, d) -> {
            String event = source.retention().eventOf(key);
            // the map's counterpart, else the same id when the target declares it; ~ drops it
            String t = event == null ? null : this.events.containsKey(event) ? this.events.get(event) : event;
            if (t != null && target.retention().events().containsKey(t)) {
                events.merge(t, d, (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        return new RetentionQuery(to(categories, q.data()), mapped, fulfilled, events, q.asOf());
    }
}
