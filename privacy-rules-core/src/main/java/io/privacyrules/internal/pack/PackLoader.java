package io.privacyrules.internal.pack;

import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.Dates;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Places;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.Suggest;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a pack's {@code policy.yaml} and the DRL files it lists. Every problem is
 * reported to {@link Problems}; the returned pack is meaningful only when there were none.
 */
public final class PackLoader {
    /** The pack's main file. */
    public static final String POLICY_FILE = "policy.yaml";

    /** Top-level keys of policy.yaml (kept in step with docs/policy.schema.json by a test). */
    public static final Set<String> TOP_KEYS = Set.of("pack", "title", "version", "effective", "jurisdiction",
            "source", "timeZone", "children", "defaults", "clauses", "actions", "bases", "categories", "recipients",
            "purposes", "obligations", "drl", "rules", "rights", "retention", "calendars",
            "implements", "lint", "coverage", "controller");
    public static final Set<String> ACTION_KEYS = Set.of("description", "requiresRecipient", "dpv");
    /** The keys of a legal basis written as a mapping; a basis may also be a plain description. */
    public static final Set<String> BASIS_KEYS = Set.of("description", "dpv");
    public static final Set<String> CATEGORY_KEYS = Set.of("clause", "description", "sensitive", "dpv");
    public static final Set<String> RECIPIENT_KEYS = Set.of("clause", "description", "location", "dpv");
    public static final Set<String> PURPOSE_KEYS = Set.of("clause", "description", "basis", "actions", "data",
            "dataOf", "requires", "dpv");
    public static final Set<String> OBLIGATION_KEYS = Set.of("clause", "description", "dpv");
    public static final Set<String> CHILDREN_KEYS = Set.of("under", "clause");
    public static final Set<String> DEFAULTS_KEYS = Set.of("deny", "invalidRequest");
    public static final Set<String> DEFAULT_DENY_KEYS = Set.of("clause", "code", "message");
    public static final Set<String> INVALID_KEYS = Set.of("clause");
    public static final Set<String> RIGHTS_KEYS = Set.of("calendar", "requests", "refusalGrounds",
            "unreasonableGrounds", "erasureGrounds");
    public static final Set<String> RIGHT_KEYS = Set.of("clause", "respondWithin", "days", "obligations", "dpv");
    public static final Set<String> UNREASONABLE_KEYS = Set.of("clause", "grounds");
    public static final Set<String> RETENTION_KEYS = Set.of("statutoryPeriods", "untilServiceLifeEnds");
    public static final Set<String> STATUTORY_KEYS = Set.of("clause", "data", "after", "period");
    public static final Set<String> SERVICE_LIFE_KEYS = Set.of("clause", "purposes");
    public static final Set<String> CALENDAR_KEYS = Set.of("description", "weekend", "years", "holidays", "workdays");
    public static final Set<String> HOLIDAY_KEYS = Set.of("from", "to", "name");
    /** The events a statutory period may run from, each a date of a retention query. */
    public static final List<String> EVENTS = List.of("contract-ended", "transaction-completed", "service-life-ended");
    public static final Set<String> LINT_KEYS = Set.of("acknowledged");
    public static final Set<String> ACKNOWLEDGEMENT_KEYS = Set.of("code", "about", "reason");
    public static final Set<String> COVERAGE_KEYS = Set.of("minimum");
    public static final Set<String> CONTROLLER_KEYS = Set.of("name", "department", "contact");
    public static final Set<String> RULE_KEYS = Set.of("id", "clause", "effect", "code", "message", "when", "unless",
            "obligations");

    private static final Pattern DRL_PATH = Pattern.compile("[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\\.drl");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    /**
     * A W3C DPV term as a compact IRI: a lower-case prefix ({@code dpv}, {@code pd} or another),
     * a colon, and a term starting with an upper-case letter: {@code dpv:ServiceProvision}.
     */
    public static final Pattern DPV_TERM = Pattern.compile("[a-z][a-z0-9-]*:[A-Z][A-Za-z0-9]*");
    private static final int DPV_TERM_MAX = 128;

    private final PackSource source;
    private final Problems problems;
    private final String file;
    private final Map<String, String> clauses = new LinkedHashMap<>();
    /** The dpv: terms read so far: section → (id → term). */
    private final Map<String, Map<String, String>> dpv = new LinkedHashMap<>();

    private PackLoader(PackSource source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.file = source.display(POLICY_FILE);
    }

    /** Loads the pack; check {@code problems} before using the result. Returns null if nothing could be read. */
    public static Pack load(PackSource source, Problems problems) {
        return new PackLoader(source, problems).load();
    }

    private Pack load() {
        byte[] bytes;
        try {
            bytes = source.read(POLICY_FILE, YamlReader.MAX_BYTES);
        } catch (IOException e) {
            problems.add(Location.of(file), "cannot read the file: " + e.getClass().getSimpleName(), "");
            return null;
        }
        if (bytes == null) {
            problems.add(Location.of(file), "no " + POLICY_FILE + " here",
                    "a pack is a folder with a policy.yaml; is the path or classpath name right?");
            return null;
        }
        Node root = YamlReader.read(file, bytes, problems);
        if (root == null) {
            return null;
        }
        Fields top = Fields.of(root, problems, "the pack", TOP_KEYS);

        String id = top.text("pack", true);
        if (id != null && !Ids.isId(id)) {
            top.problem("pack", "the pack id '" + id + "' is not a lower-case kebab-case id", "for example my-company-eu");
        }
        String title = top.text("title", true);
        String version = top.text("version", true);
        LocalDate effective = date(top, "effective");
        String jurisdiction = country(top, "jurisdiction", true);
        top.text("source", false);
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        String zoneText = top.text("timeZone", false);
        if (zoneText != null) {
            try {
                zone = java.time.ZoneId.of(zoneText);
            } catch (java.time.DateTimeException e) {
                top.problem("timeZone", "'" + shorten(zoneText) + "' is not a time zone", "for example Asia/Shanghai");
            }
        }

        readClauses(top);
        Map<String, Pack.ActionDef> actions = readActions(top);
        Map<String, String> bases = readBases(top);
        Map<String, Pack.CategoryDef> categories = readCategories(top);
        Map<String, Pack.RecipientDef> recipients = readRecipients(top);
        Map<String, Obligation> obligations = readObligations(top);
        Vocabulary vocabulary = new Vocabulary(actions.keySet(), bases.keySet(), categories.keySet(),
                recipients.keySet(), new LinkedHashSet<>(), obligations.keySet());
        Map<String, Pack.PurposeDef> purposes = readPurposes(top, vocabulary);
        Pack.ChildRule children = readChildren(top);
        Pack.Defaults defaults = readDefaults(top);
        List<Pack.RuleDef> rules = readRules(top, vocabulary, purposes);
        List<Pack.DrlSource> drl = readDrl(top);
        Map<String, WorkingCalendar> calendars = readCalendars(top);
        Pack.Rights rights = readRights(top, obligations.keySet(), calendars);
        Pack.Retention retention = readRetention(top, categories.keySet(), purposes.keySet());
        Pack.Authoring authoring = readAuthoring(top);

        PolicyInfo info = new PolicyInfo(nn(id), nn(version), effective == null ? LocalDate.EPOCH : effective,
                nn(title), jurisdiction == null ? "ZZ" : jurisdiction, revision(bytes, drl));
        return new Pack(info, zone, Map.copyOf(clauses), actions, bases, categories, recipients, purposes, obligations,
                children, defaults, rules, drl, rights, retention, authoring, Pack.Dpv.of(dpv));
    }

    /** 12 hex digits of a SHA-256 over policy.yaml and the DRL files' contents, wherever they were loaded from. */
    private static String revision(byte[] policy, List<Pack.DrlSource> drl) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(policy);
            for (Pack.DrlSource d : drl) {
                sha.update((byte) 0);
                sha.update(d.text().getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String nn(String s) {
        return s == null ? "?" : s;
    }

    /** The ids declared so far, for checking references. */
    private record Vocabulary(Set<String> actions, Set<String> bases, Set<String> categories, Set<String> recipients,
                              Set<String> purposes, Set<String> obligations) {
        Set<String> of(Condition.Kind kind) {
            return switch (kind) {
                case ACTIONS -> actions;
                case BASES -> bases;
                case RECIPIENTS -> recipients;
                case PURPOSES, PURPOSE -> purposes;
                default -> Set.of();
            };
        }
    }

    // ---- sections -------------------------------------------------------------------------

    private void readClauses(Fields top) {
        Fields f = map(top, "clauses", "the clauses", true);
        if (f == null) {
            return;
        }
        for (Node.Entry e : f.entries().values()) {
            if (!Ids.isClause(e.key())) {
                problems.add(e.keyAt(), "'" + e.key() + "' is not a clause reference",
                        "write a Roman section with items as printed in the policy: I, I.1, III.2(1)(a)");
                continue;
            }
            String titleText = e.value() instanceof Node.ScalarNode s && s.value() instanceof String t ? t : null;
            if (titleText == null || titleText.isBlank()) {
                problems.add(e.value().at(), "clause " + e.key() + " needs a title", "the heading of the clause in the policy");
            }
            clauses.put(e.key(), titleText == null ? "" : titleText);
        }
    }

    private Map<String, Pack.ActionDef> readActions(Fields top) {
        Map<String, Pack.ActionDef> out = new LinkedHashMap<>();
        forEachEntry(top, "actions", "action", ACTION_KEYS, (key, f) -> out.put(key,
                new Pack.ActionDef(key, nn(f.text("description", true)), f.bool("requiresRecipient", false))));
        return out;
    }

    private Map<String, String> readBases(Fields top) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields f = map(top, "bases", "the legal bases", true);
        if (f == null) {
            return out;
        }
        for (Node.Entry e : f.entries().values()) {
            if (checkId(e.key(), e.keyAt(), "legal basis")) {
                String d;
                if (e.value() instanceof Node.MapNode) {
                    // The long form: {description: ..., dpv: ...}.
                    Fields b = Fields.of(e.value(), problems, "legal basis " + e.key(), BASIS_KEYS);
                    d = b.text("description", true);
                    dpv(b, "bases", e.key());
                } else {
                    d = e.value() instanceof Node.ScalarNode s && s.value() instanceof String t ? t : null;
                    if (d == null) {
                        problems.add(e.value().at(), "legal basis " + e.key() + " needs a description (text)",
                                "write the description, or {description: ..., dpv: ...}");
                    }
                }
                out.put(e.key(), nn(d));
            }
        }
        return out;
    }

    private Map<String, Pack.CategoryDef> readCategories(Fields top) {
        Map<String, Pack.CategoryDef> out = new LinkedHashMap<>();
        forEachEntry(top, "categories", "data category", CATEGORY_KEYS, (key, f) -> out.put(key,
                new Pack.CategoryDef(key, clause(f, "clause", true), nn(f.text("description", true)),
                        f.bool("sensitive", false))));
        return out;
    }

    private Map<String, Pack.RecipientDef> readRecipients(Fields top) {
        Map<String, Pack.RecipientDef> out = new LinkedHashMap<>();
        forEachEntry(top, "recipients", "recipient", RECIPIENT_KEYS, (key, f) -> {
            String location = country(f, "location", true);
            out.put(key, new Pack.RecipientDef(key, clause(f, "clause", true), nn(f.text("description", true)),
                    location == null ? "ZZ" : location));
        });
        return out;
    }

    private Map<String, Obligation> readObligations(Fields top) {
        Map<String, Obligation> out = new LinkedHashMap<>();
        forEachEntry(top, "obligations", "obligation", OBLIGATION_KEYS, (key, f) -> out.put(key,
                new Obligation(key, nn(clause(f, "clause", true)), nn(f.text("description", true)))));
        return out;
    }

    private Map<String, Pack.PurposeDef> readPurposes(Fields top, Vocabulary vocabulary) {
        Fields f = map(top, "purposes", "the purposes", true);
        Map<String, Pack.PurposeDef> out = new LinkedHashMap<>();
        if (f == null) {
            return out;
        }
        // Declare every purpose id first, so that dataOf and rules may refer to any of them.
        for (Node.Entry e : f.entries().values()) {
            if (Ids.isId(e.key())) {
                vocabulary.purposes().add(e.key());
            }
        }
        Map<String, List<Node.ScalarNode>> dataOf = new LinkedHashMap<>();
        for (Node.Entry e : f.entries().values()) {
            if (!checkId(e.key(), e.keyAt(), "purpose")) {
                continue;
            }
            Fields p = Fields.of(e.value(), problems, "purpose " + e.key(), PURPOSE_KEYS);
            dpv(p, "purposes", e.key());
            String basis = p.text("basis", true);
            if (basis != null) {
                reference(basis, p.at("basis"), vocabulary.bases(), "legal basis");
            }
            Set<String> acts = new LinkedHashSet<>();
            for (Node.ScalarNode a : p.texts("actions", true)) {
                if (reference((String) a.value(), a.at(), vocabulary.actions(), "action")) {
                    acts.add((String) a.value());
                }
            }
            if (p.has("actions") && acts.isEmpty() && p.texts("actions", false).isEmpty()) {
                p.problem("actions", "purpose " + e.key() + " lists no action", "for example [collect, use]");
            }
            Set<String> data = new LinkedHashSet<>();
            boolean any = false;
            Node dataNode = p.node("data");
            if (dataNode instanceof Node.ScalarNode s && "any".equals(s.value())) {
                any = true;
            } else if (dataNode != null) {
                if (p.texts("data", false).isEmpty()) {
                    p.problem("data", "purpose " + e.key() + " lists no data", "list categories, or write data: any");
                }
                for (Node.ScalarNode c : p.texts("data", false)) {
                    if (reference((String) c.value(), c.at(), vocabulary.categories(), "data category")) {
                        if (!data.add((String) c.value())) {
                            problems.add(c.at(), "data category " + c.value() + " is listed twice", "remove one");
                        }
                    }
                }
            }
            List<Node.ScalarNode> of = p.texts("dataOf", false);
            if (p.has("dataOf") && of.isEmpty()) {
                p.problem("dataOf", "'dataOf' lists no purpose", "name a purpose whose data this one uses");
            }
            for (Node.ScalarNode o : of) {
                reference((String) o.value(), o.at(), vocabulary.purposes(), "purpose");
            }
            if (dataNode == null && of.isEmpty()) {
                p.problem("data", "purpose " + e.key() + " declares no data",
                        "add data: [category, ...], data: any, or dataOf: [another-purpose]");
            }
            dataOf.put(e.key(), of);
            List<Condition> requires = p.has("requires")
                    ? List.of(condition(p.node("requires"), vocabulary, "requires of purpose " + e.key()))
                    : List.of();
            out.put(e.key(), new Pack.PurposeDef(e.key(), clause(p, "clause", true), nn(p.text("description", true)),
                    nn(basis), acts, any ? null : data, requires, e.keyAt()));
        }
        // Resolve dataOf: a purpose's data plus the data of the purposes it names, transitively.
        Map<String, Pack.PurposeDef> resolved = new LinkedHashMap<>();
        for (Pack.PurposeDef p : out.values()) {
            Set<String> data = resolveData(p.id(), out, dataOf, new LinkedHashSet<>());
            resolved.put(p.id(), new Pack.PurposeDef(p.id(), p.clause(), p.description(), p.basis(), ordered(p.actions()),
                    data == null ? null : ordered(data), p.requires(), p.at()));
        }
        return resolved;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    /** The data of a purpose and of the purposes it names in dataOf; null means any category. */
    private Set<String> resolveData(String id, Map<String, Pack.PurposeDef> purposes,
                                    Map<String, List<Node.ScalarNode>> dataOf, Set<String> visiting) {
        Pack.PurposeDef p = purposes.get(id);
        if (p == null || !visiting.add(id)) {
            return new LinkedHashSet<>();
        }
        if (p.data() == null) {
            return null;
        }
        Set<String> data = new LinkedHashSet<>(p.data());
        for (Node.ScalarNode o : dataOf.getOrDefault(id, List.of())) {
            Set<String> more = resolveData((String) o.value(), purposes, dataOf, visiting);
            if (more == null) {
                return null;
            }
            data.addAll(more);
        }
        return data;
    }

    private static <T> Set<T> ordered(Set<T> set) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    private Pack.ChildRule readChildren(Fields top) {
        if (!top.has("children")) {
            problems.add(top.at(), "missing section 'children'", "children: {under: 14, clause: VI}");
            return new Pack.ChildRule(0, "?");
        }
        Fields f = Fields.of(top.node("children"), problems, "the children section", CHILDREN_KEYS);
        Long under = f.integer("under", true);
        if (under != null && (under < 1 || under > 25)) {
            f.problem("under", "children.under must be between 1 and 25 years", "the age below which a subject is a child");
        }
        return new Pack.ChildRule(under == null ? 0 : under.intValue(), nn(clause(f, "clause", true)));
    }

    private Pack.Defaults readDefaults(Fields top) {
        if (!top.has("defaults")) {
            problems.add(top.at(), "missing section 'defaults'", "see docs/pack-format.md");
            return new Pack.Defaults("?", "?", "?", "?");
        }
        Fields f = Fields.of(top.node("defaults"), problems, "the defaults", DEFAULTS_KEYS);
        Fields deny = Fields.of(f.node("deny"), problems, "defaults.deny", DEFAULT_DENY_KEYS);
        if (!f.has("deny")) {
            f.problem("deny", "defaults needs 'deny', the reason given when no rule permits", "");
        }
        Fields invalid = Fields.of(f.node("invalidRequest"), problems, "defaults.invalidRequest", INVALID_KEYS);
        if (!f.has("invalidRequest")) {
            f.problem("invalidRequest", "defaults needs 'invalidRequest' with the clause cited for invalid requests", "");
        }
        String code = deny.text("code", f.has("deny"));
        if (code != null && !Ids.isId(code)) {
            deny.problem("code", "reason code '" + code + "' is not kebab-case", "for example not-permitted");
        }
        String message = deny.text("message", f.has("deny"));
        checkPlaceholders(message, deny.at("message"));
        return new Pack.Defaults(nn(clause(deny, "clause", f.has("deny"))), nn(code), nn(message),
                nn(clause(invalid, "clause", f.has("invalidRequest"))));
    }

    private List<Pack.RuleDef> readRules(Fields top, Vocabulary vocabulary, Map<String, Pack.PurposeDef> purposes) {
        List<Pack.RuleDef> rules = new ArrayList<>();
        // Each purpose permits its own actions on its own data.
        for (Pack.PurposeDef p : purposes.values()) {
            Map<Condition.Key, Object> tests = new EnumMap<>(Condition.Key.class);
            tests.put(Condition.Key.PURPOSE, List.of(p.id()));
            tests.put(Condition.Key.ACTION, List.copyOf(p.actions()));
            tests.put(Condition.Key.DATA_DECLARED_FOR_PURPOSE, Boolean.TRUE);
            for (Condition extra : p.requires()) {
                for (Map.Entry<Condition.Key, Object> t : extra.tests().entrySet()) {
                    if (tests.containsKey(t.getKey())) {
                        problems.add(extra.at(), "requires of purpose " + p.id() + " may not test '" + t.getKey().yaml
                                + "'", "the purpose's own declarations already fix it");
                    } else {
                        tests.put(t.getKey(), t.getValue());
                    }
                }
            }
            if (p.actions().isEmpty()) {
                continue;
            }
            rules.add(new Pack.RuleDef("purpose:" + p.id(), p.clause(), Pack.Effect.PERMIT, "purpose-permitted",
                    "The policy permits " + listed(new ArrayList<>(p.actions())) + " of {data} for the purpose "
                            + p.id() + ": " + p.description(),
                    List.of(new Condition(tests, p.at())), List.of(), List.of(), p.at()));
        }
        Node node = top.node("rules");
        if (node == null) {
            return rules;
        }
        if (!(node instanceof Node.ListNode list)) {
            problems.add(node.at(), "rules must be a list of rules", "start each rule with '- id: ...'");
            return rules;
        }
        Map<String, Location> seen = new LinkedHashMap<>();
        for (Node item : list.items()) {
            Fields f = Fields.of(item, problems, "a rule", RULE_KEYS);
            String id = f.text("id", true);
            if (id != null) {
                if (!Ids.isId(id)) {
                    f.problem("id", "rule id '" + id + "' is not a lower-case kebab-case id", "for example share-with-dealers");
                    id = null;
                } else if (seen.containsKey(id)) {
                    f.problem("id", "duplicate rule id '" + id + "' (first at line " + seen.get(id).line() + ")",
                            "rule ids are unique in a pack");
                } else {
                    seen.put(id, f.at("id"));
                }
            }
            String clause = clause(f, "clause", true);
            String effectText = f.text("effect", true);
            Pack.Effect effect = null;
            if (effectText != null) {
                switch (effectText) {
                    case "permit" -> effect = Pack.Effect.PERMIT;
                    case "deny" -> effect = Pack.Effect.DENY;
                    case "oblige" -> effect = Pack.Effect.OBLIGE;
                    default -> f.problem("effect", "effect '" + effectText + "' is not permit, deny or oblige",
                            choice(effectText, List.of("permit", "deny", "oblige")));
                }
            }
            boolean speaks = effect != Pack.Effect.OBLIGE;
            String code = f.text("code", speaks);
            if (code != null && !Ids.isId(code)) {
                f.problem("code", "reason code '" + code + "' is not kebab-case", "for example consent-required");
            }
            String message = f.text("message", speaks);
            checkPlaceholders(message, f.at("message"));
            List<String> obligations = new ArrayList<>();
            if (f.has("obligations") && f.texts("obligations", false).isEmpty()) {
                f.problem("obligations", "'obligations' lists none", "name at least one, or remove the key");
            }
            for (Node.ScalarNode o : f.texts("obligations", effect == Pack.Effect.OBLIGE)) {
                if (reference((String) o.value(), o.at(), vocabulary.obligations(), "obligation")) {
                    obligations.add((String) o.value());
                }
            }
            if (effect == Pack.Effect.DENY && f.has("obligations")) {
                f.problem("obligations", "a deny rule carries no obligations", "move them to a permit or oblige rule");
            }
            List<Condition> when = conditions(f, "when", vocabulary);
            List<Condition> unless = conditions(f, "unless", vocabulary);
            if (id != null && effect != null && clause != null) {
                rules.add(new Pack.RuleDef(id, clause, effect, code, message, when, unless, List.copyOf(obligations),
                        f.at("id")));
            }
        }
        return rules;
    }

    private List<Pack.DrlSource> readDrl(Fields top) {
        List<Pack.DrlSource> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node.ScalarNode n : top.texts("drl", false)) {
            String path = (String) n.value();
            if (!DRL_PATH.matcher(path).matches()) {
                problems.add(n.at(), "'" + path + "' is not a relative path to a .drl file inside the pack",
                        "for example rules/children.drl");
                continue;
            }
            if (!seen.add(path)) {
                problems.add(n.at(), "DRL file " + path + " is listed twice", "remove one");
                continue;
            }
            try {
                byte[] bytes = source.read(path, YamlReader.MAX_BYTES);
                if (bytes == null) {
                    problems.add(n.at(), "DRL file " + path + " does not exist", "check the path; it is relative to the pack folder");
                } else if (bytes.length > YamlReader.MAX_BYTES) {
                    problems.add(Location.of(source.display(path)), "the file is larger than " + YamlReader.MAX_BYTES + " bytes", "");
                } else {
                    String text = utf8(bytes);
                    if (text == null || text.indexOf('\0') >= 0) {
                        problems.add(Location.of(source.display(path)), "the file is not UTF-8 text", "is this the right file?");
                    } else {
                        out.add(new Pack.DrlSource(source.display(path), text));
                    }
                }
            } catch (IOException e) {
                problems.add(n.at(), "cannot read DRL file " + path + ": " + e.getClass().getSimpleName(), "");
            }
        }
        checkUnlistedDrl(top, seen);
        return out;
    }

    /**
     * Reports every {@code .drl} file in the pack that {@code drl:} does not list: it would never be
     * loaded, so its rules would silently not apply. Reported at the {@code drl:} key, or at the file
     * when there is no such key. Skipped where the pack's files cannot be listed.
     */
    private void checkUnlistedDrl(Fields top, Set<String> listed) {
        List<String> found;
        try {
            found = source.drlFiles();
        } catch (IOException e) {
            problems.add(Location.of(file), "cannot list the pack's DRL files: " + e.getClass().getSimpleName(), "");
            return;
        }
        if (found == null) {
            return;
        }
        for (String path : found) {
            if (!listed.contains(path)) {
                Location at = top.has("drl") ? top.keyAt("drl") : new Location(source.display(path), 1, 1);
                problems.add(at, "DRL file " + path + " is not listed under drl:, so it is never loaded",
                        "add it to drl: or delete it");
            }
        }
    }

    private Map<String, WorkingCalendar> readCalendars(Fields top) {
        Map<String, WorkingCalendar> out = new LinkedHashMap<>();
        forEachEntry(top, "calendars", "calendar", CALENDAR_KEYS, false, (key, f) -> {
            f.text("description", true);
            Set<java.time.DayOfWeek> weekend = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
            for (Node.ScalarNode d : f.texts("weekend", true)) {
                try {
                    weekend.add(java.time.DayOfWeek.valueOf(((String) d.value()).toUpperCase(java.util.Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(d.at(), "'" + d.value() + "' is not a day of the week", "for example saturday");
                }
            }
            Set<Integer> years = new LinkedHashSet<>();
            if (f.has("years") && f.list("years", false).isEmpty()) {
                f.problem("years", "'years' lists none", "list the years whose schedule the calendar declares");
            }
            for (Node n : f.list("years", true)) {
                if (n instanceof Node.ScalarNode sn && sn.value() instanceof Long y && y >= 1900 && y <= 2200) {
                    years.add(y.intValue());
                } else {
                    problems.add(n.at(), "a year must be a whole number such as 2026", "");
                }
            }
            Set<LocalDate> holidays = new java.util.HashSet<>();
            for (Node n : f.list("holidays", false)) {
                Fields h = Fields.of(n, problems, "a holiday", HOLIDAY_KEYS);
                LocalDate from = date(h, "from");
                LocalDate to = h.has("to") ? date(h, "to") : from;
                h.text("name", false);
                if (from == null || to == null) {
                    continue;
                }
                if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
                    h.problem("to", "a holiday runs from 'from' to 'to', at most 31 days", "");
                    continue;
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    checkYear(years, d, n.at());
                    holidays.add(d);
                }
            }
            Set<LocalDate> workdays = new java.util.HashSet<>();
            for (Node n : f.list("workdays", false)) {
                String t = n instanceof Node.ScalarNode sn && sn.value() instanceof String v ? v : null;
                LocalDate d = Dates.parse(t);
                if (d == null && Dates.noSuchDate(t) != null) {
                    problems.add(n.at(), Dates.noSuchDate(t), Dates.HINT);
                } else if (d == null) {
                    problems.add(n.at(), "a make-up working day must be a date YYYY-MM-DD", "");
                } else {
                    checkYear(years, d, n.at());
                    workdays.add(d);
                }
            }
            out.put(key, new WorkingCalendar(key, Set.copyOf(weekend), Set.copyOf(years), Set.copyOf(holidays),
                    Set.copyOf(workdays)));
        });
        return out;
    }

    private void checkYear(Set<Integer> years, LocalDate d, Location at) {
        if (!years.contains(d.getYear())) {
            problems.add(at, d + " lies in a year not listed in 'years'",
                    "list the year once its whole schedule is confirmed, or remove the date");
        }
    }

    private java.time.Period period(Fields f, String key) {
        String s = f.text(key, true);
        if (s == null) {
            return null;
        }
        try {
            java.time.Period p = java.time.Period.parse(s);
            if (p.isNegative() || p.isZero()) {
                f.problem(key, "the period must be positive", "");
                return null;
            }
            return p;
        } catch (DateTimeParseException e) {
            f.problem(key, "'" + shorten(s) + "' is not an ISO-8601 period", "for example P30D or P3Y");
            return null;
        }
    }

    private Pack.Rights readRights(Fields top, Set<String> obligations, Map<String, WorkingCalendar> calendars) {
        if (!top.has("rights")) {
            return Pack.Rights.NONE;
        }
        Fields f = Fields.of(top.node("rights"), problems, "the rights section", RIGHTS_KEYS);
        String calendarId = f.text("calendar", false);
        WorkingCalendar calendar = calendarId != null && reference(calendarId, f.at("calendar"), calendars.keySet(), "calendar")
                ? calendars.get(calendarId) : null;
        Map<String, Pack.RightDef> requests = new LinkedHashMap<>();
        boolean[] needsCalendar = {false};
        forEachEntry(f, "requests", "right", RIGHT_KEYS, true, (key, r) -> {
            java.time.Period within = r.has("respondWithin") ? period(r, "respondWithin") : null;
            String days = r.text("days", false);
            boolean working = false;
            if (days != null) {
                switch (days) {
                    case "working" -> working = true;
                    case "calendar" -> working = false;
                    default -> r.problem("days", "days must be 'working' or 'calendar'", choice(days, List.of("working", "calendar")));
                }
            }
            if (working && within != null && (within.getYears() != 0 || within.getMonths() != 0)) {
                r.problem("respondWithin", "working days are counted in days only", "for example P30D");
            }
            if (working && !r.has("respondWithin")) {
                r.problem("days", "days: working needs a respondWithin to count", "add respondWithin: P30D, or remove days");
            }
            if (working && calendarId == null) {
                needsCalendar[0] = true;
            }
            List<String> obls = new ArrayList<>();
            if (r.has("obligations") && r.texts("obligations", false).isEmpty()) {
                r.problem("obligations", "'obligations' lists none", "name at least one, or remove the key");
            }
            for (Node.ScalarNode o : r.texts("obligations", false)) {
                if (reference((String) o.value(), o.at(), obligations, "obligation")) {
                    obls.add((String) o.value());
                }
            }
            requests.put(key, new Pack.RightDef(key, nn(clause(r, "clause", true)), within,
                    working, List.copyOf(obls)));
        });
        if (needsCalendar[0]) {
            f.problem("calendar", "a right counts working days, so the rights section needs a 'calendar'", "calendar: my-calendar");
        }
        Map<String, String> refusal = groundClauses(f, "refusalGrounds");
        Map<String, String> erasure = groundClauses(f, "erasureGrounds");
        String unreasonableClause = null;
        Set<String> unreasonable = new LinkedHashSet<>();
        if (f.has("unreasonableGrounds")) {
            Fields u = Fields.of(f.node("unreasonableGrounds"), problems, "unreasonableGrounds", UNREASONABLE_KEYS);
            unreasonableClause = clause(u, "clause", true);
            if (u.has("grounds") && u.texts("grounds", false).isEmpty()) {
                u.problem("grounds", "'grounds' lists none", "name at least one, or remove unreasonableGrounds");
            }
            for (Node.ScalarNode g : u.texts("grounds", true)) {
                String id = (String) g.value();
                if (checkId(id, g.at(), "ground") && (refusal.containsKey(id) || erasure.containsKey(id) || !unreasonable.add(id))) {
                    problems.add(g.at(), "ground '" + id + "' is declared twice", "each ground id is declared once");
                }
            }
        }
        for (String id : refusal.keySet()) {
            if (erasure.containsKey(id)) {
                problems.add(f.at("erasureGrounds"), "ground '" + id + "' is both a refusal and an erasure ground", "");
            }
        }
        return new Pack.Rights(calendar, requests, refusal, unreasonableClause, ordered(unreasonable), erasure);
    }

    private Map<String, String> groundClauses(Fields f, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields g = map(f, key, key, false);
        if (g == null) {
            return out;
        }
        for (Node.Entry e : g.entries().values()) {
            if (!checkId(e.key(), e.keyAt(), "ground")) {
                continue;
            }
            String c = g.text(e.key(), true);
            if (c != null) {
                if (!Ids.isClause(c)) {
                    problems.add(e.value().at(), "'" + shorten(c) + "' is not a clause reference", "for example V.8(1)");
                } else if (!clauses.containsKey(c)) {
                    problems.add(e.value().at(), "clause " + c + " is not declared in 'clauses'", hint(c, clauses.keySet()));
                } else {
                    out.put(e.key(), c);
                }
            }
        }
        return out;
    }

    private Pack.Retention readRetention(Fields top, Set<String> categories, Set<String> purposes) {
        if (!top.has("retention")) {
            return Pack.Retention.NONE;
        }
        Fields f = Fields.of(top.node("retention"), problems, "the retention section", RETENTION_KEYS);
        List<Pack.StatutoryPeriod> periods = new ArrayList<>();
        Map<String, String> dataToPeriod = new LinkedHashMap<>();
        forEachEntry(f, "statutoryPeriods", "statutory period", STATUTORY_KEYS, false, (key, p) -> {
            Set<String> data = new LinkedHashSet<>();
            if (p.has("data") && p.texts("data", false).isEmpty()) {
                p.problem("data", "a statutory period lists no data category", "name the categories it keeps");
            }
            for (Node.ScalarNode c : p.texts("data", true)) {
                String id = (String) c.value();
                if (reference(id, c.at(), categories, "data category")) {
                    if (dataToPeriod.containsKey(id)) {
                        problems.add(c.at(), "data category " + id + " already has the statutory period "
                                + dataToPeriod.get(id), "a category has at most one statutory period");
                    } else {
                        dataToPeriod.put(id, key);
                        data.add(id);
                    }
                }
            }
            String after = p.text("after", true);
            if (after != null && !EVENTS.contains(after)) {
                p.problem("after", "'" + after + "' is not one of " + EVENTS, choice(after, EVENTS));
            }
            periods.add(new Pack.StatutoryPeriod(key, nn(clause(p, "clause", true)), Set.copyOf(data), nn(after),
                    java.util.Objects.requireNonNullElse(period(p, "period"), java.time.Period.ofDays(1))));
        });
        String lifeClause = null;
        Set<String> lifePurposes = new LinkedHashSet<>();
        if (f.has("untilServiceLifeEnds")) {
            Fields l = Fields.of(f.node("untilServiceLifeEnds"), problems, "untilServiceLifeEnds", SERVICE_LIFE_KEYS);
            lifeClause = clause(l, "clause", true);
            if (l.has("purposes") && l.texts("purposes", false).isEmpty()) {
                l.problem("purposes", "'purposes' lists none", "name the purposes that last until the end of the service life");
            }
            for (Node.ScalarNode p : l.texts("purposes", true)) {
                if (reference((String) p.value(), p.at(), purposes, "purpose")) {
                    lifePurposes.add((String) p.value());
                }
            }
        }
        return new Pack.Retention(List.copyOf(periods), lifeClause, Set.copyOf(lifePurposes));
    }

    // ---- authoring: implements, lint, coverage, controller -----------------------------------

    /** The sections the authoring tools read; they never change a decision. */
    private Pack.Authoring readAuthoring(Fields top) {
        List<String> implemented = new ArrayList<>();
        for (Node.ScalarNode n : top.texts("implements", false)) {
            String c = (String) n.value();
            if (!Ids.isClause(c)) {
                problems.add(n.at(), "'" + shorten(c) + "' is not a clause reference", "for example III.2(1)(a)");
            } else if (!clauses.containsKey(c)) {
                problems.add(n.at(), "clause " + c + " is not declared in 'clauses'", hint(c, clauses.keySet()));
            } else if (implemented.contains(c)) {
                problems.add(n.at(), "clause " + c + " is listed twice in 'implements'", "remove one");
            } else {
                implemented.add(c);
            }
        }
        List<Pack.Acknowledgement> acknowledged = new ArrayList<>();
        if (top.has("lint")) {
            Fields lint = Fields.of(top.node("lint"), problems, "the lint section", LINT_KEYS);
            for (Node n : lint.list("acknowledged", false)) {
                Fields a = Fields.of(n, problems, "an acknowledged finding", ACKNOWLEDGEMENT_KEYS);
                String code = a.text("code", true);
                if (code != null && !Ids.isId(code)) {
                    a.problem("code", "'" + shorten(code) + "' is not a lint code", "for example recipient-abroad-forbidden");
                }
                String about = a.text("about", true);
                if (about != null && (about.length() > 120 || about.contains("\n"))) {
                    a.problem("about", "'about' names what the finding is about on one short line",
                            "the id, rule or clause the finding names, for example bmw-ag");
                }
                String reason = a.text("reason", true);
                if (code != null && about != null && reason != null) {
                    acknowledged.add(new Pack.Acknowledgement(code, about, reason, a.at()));
                }
            }
        }
        Integer minimum = null;
        if (top.has("coverage")) {
            Fields c = Fields.of(top.node("coverage"), problems, "the coverage section", COVERAGE_KEYS);
            Long m = c.integer("minimum", true);
            if (m != null && (m < 0 || m > 100)) {
                c.problem("minimum", "coverage.minimum is a percentage from 0 to 100", "for example 95");
            } else if (m != null) {
                minimum = m.intValue();
            }
        }
        Pack.Controller controller = null;
        if (top.has("controller")) {
            Fields c = Fields.of(top.node("controller"), problems, "the controller section", CONTROLLER_KEYS);
            controller = new Pack.Controller(c.text("name", true), c.text("department", false), c.text("contact", false));
        }
        return new Pack.Authoring(List.copyOf(implemented), List.copyOf(acknowledged), minimum, controller);
    }

    // ---- conditions -----------------------------------------------------------------------

    private List<Condition> conditions(Fields f, String key, Vocabulary vocabulary) {
        List<Condition> out = new ArrayList<>();
        for (Node n : f.list(key, false)) {
            out.add(condition(n, vocabulary, "'" + key + "' of a rule"));
        }
        return out;
    }

    private Condition condition(Node node, Vocabulary vocabulary, String what) {
        Map<Condition.Key, Object> tests = new EnumMap<>(Condition.Key.class);
        Fields f = Fields.of(node, problems, what, Set.copyOf(Condition.Key.names()));
        String consentKind = null;
        for (Node.Entry e : f.entries().values()) {
            Condition.Key key = Condition.Key.of(e.key());
            if (key == null) {
                continue; // reported by Fields
            }
            if (key == Condition.Key.CONSENT_KIND) {
                String v = f.text(e.key(), true);
                if (v != null && !Condition.CONSENT_KINDS.contains(v)) {
                    problems.add(e.value().at(), "consentKind: '" + v + "' is not one of " + Condition.CONSENT_KINDS,
                            choice(v, Condition.CONSENT_KINDS));
                } else if (v != null && !f.has("consent")) {
                    problems.add(e.value().at(), "consentKind qualifies a consent test, and this condition has none",
                            "add a consent test to the same condition, for example consent: naming-recipient");
                } else {
                    consentKind = v;
                }
                continue;
            }
            if (key == Condition.Key.GUARDIAN_CONSENT && e.value() instanceof Node.ScalarNode s
                    && "separate".equals(s.value())) {
                tests.put(Condition.Key.GUARDIAN_CONSENT_SEPARATE, Boolean.TRUE);
                continue;
            }
            switch (key.kind) {
                case ACTIONS, PURPOSES, BASES, RECIPIENTS -> {
                    List<String> ids = new ArrayList<>();
                    for (Node.ScalarNode s : f.texts(e.key(), true)) {
                        if (reference((String) s.value(), s.at(), vocabulary.of(key.kind), noun(key.kind))) {
                            ids.add((String) s.value());
                        }
                    }
                    if (!ids.isEmpty()) {
                        tests.put(key, List.copyOf(ids));
                    } else if (f.texts(e.key(), false).isEmpty()) {
                        problems.add(e.value().at(), "'" + e.key() + "' lists no " + noun(key.kind),
                                "name at least one; an empty list would make the test vanish");
                    }
                }
                case PURPOSE -> {
                    String id = f.text(e.key(), true);
                    if (id != null && reference(id, f.at(e.key()), vocabulary.purposes(), "purpose")) {
                        tests.put(key, id);
                    }
                }
                case BOOLEAN -> {
                    if (e.value() instanceof Node.ScalarNode s && s.value() instanceof Boolean b) {
                        tests.put(key, b);
                    } else {
                        problems.add(e.value().at(), "'" + e.key() + "' must be true or false",
                                key == Condition.Key.GUARDIAN_CONSENT ? "or separate, for a guardian's separate consent" : "");
                    }
                }
                case CONSENT -> {
                    String v = f.text(e.key(), true);
                    Condition.ConsentTest t = v == null ? null : Condition.ConsentTest.of(v);
                    if (t == null && v != null) {
                        problems.add(e.value().at(), "consent: '" + v + "' is not one of " + Condition.ConsentTest.names(),
                                choice(v, Condition.ConsentTest.names()));
                    } else if (t != null) {
                        tests.put(key, t);
                    }
                }
                default -> throw new IllegalStateException(key.toString());
            }
        }
        if ("separate".equals(consentKind) && tests.get(Condition.Key.CONSENT) instanceof Condition.ConsentTest t) {
            tests.put(Condition.Key.CONSENT, t.separately());
        }
        return new Condition(tests, node == null ? f.at() : node.at());
    }

    private static String noun(Condition.Kind kind) {
        return switch (kind) {
            case ACTIONS -> "action";
            case BASES -> "legal basis";
            case RECIPIENTS -> "recipient";
            default -> "purpose";
        };
    }

    /** "a", "a and b", "a, b and c". */
    private static String listed(List<String> items) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    // ---- helpers --------------------------------------------------------------------------

    private interface EntryReader {
        void read(String key, Fields fields);
    }

    private void forEachEntry(Fields top, String section, String noun, Set<String> keys, EntryReader reader) {
        forEachEntry(top, section, noun, keys, true, reader);
    }

    private void forEachEntry(Fields top, String section, String noun, Set<String> keys, boolean required,
                              EntryReader reader) {
        Fields f = map(top, section, "the " + section, required);
        if (f == null) {
            return;
        }
        for (Node.Entry e : f.entries().values()) {
            if (checkId(e.key(), e.keyAt(), noun)) {
                Fields fields = Fields.of(e.value(), problems, noun + " " + e.key(), keys);
                reader.read(e.key(), fields);
                if (keys.contains("dpv")) { // actions, categories, recipients, obligations, rights.requests
                    dpv(fields, section.equals("requests") ? "rights" : section, e.key());
                }
            }
        }
    }

    private Fields map(Fields top, String key, String what, boolean required) {
        Node n = top.node(key);
        if (n == null) {
            if (required) {
                problems.add(top.at(), "missing section '" + key + "'", "see docs/pack-format.md");
            }
            return null;
        }
        if (!(n instanceof Node.MapNode)) {
            problems.add(n.at(), what + " must be a mapping of id: ..., not " + n.kind(), "");
            return null;
        }
        return Fields.of(n, problems, what, allKeys((Node.MapNode) n));
    }

    private static Set<String> allKeys(Node.MapNode n) {
        return n.entries().keySet();
    }

    private boolean checkId(String id, Location at, String noun) {
        if (Ids.isId(id)) {
            return true;
        }
        problems.add(at, noun + " id '" + shorten(id) + "' is not a lower-case id",
                "use lower-case letters, digits, '-' and '.', starting with a letter (at most " + Ids.MAX_LENGTH + ")");
        return false;
    }

    private boolean reference(String id, Location at, Collection<String> declared, String noun) {
        if (declared.contains(id)) {
            return true;
        }
        problems.add(at, "undeclared " + noun + " '" + shorten(id) + "'", hint(id, declared));
        return false;
    }

    private static String hint(String word, Collection<String> candidates) {
        String near = Suggest.nearest(word, candidates);
        return near != null ? "did you mean '" + near + "'?" : "declare it, or use one of: " + String.join(", ", candidates);
    }

    private static String choice(String word, List<String> options) {
        String near = Suggest.nearest(word, options);
        return near != null ? "did you mean '" + near + "'?" : "write one of: " + String.join(", ", options);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private String clause(Fields f, String key, boolean required) {
        String c = f.text(key, required);
        if (c == null) {
            return null;
        }
        Location at = f.at(key);
        if (!Ids.isClause(c)) {
            problems.add(at, "'" + shorten(c) + "' is not a clause reference",
                    "write it as printed in the policy: I.1(3), III.2(1)(a), VII");
            return null;
        }
        if (!clauses.containsKey(c)) {
            problems.add(at, "clause " + c + " is not declared in 'clauses'", hint(c, clauses.keySet()));
            return null;
        }
        return c;
    }

    /** Reads the optional {@code dpv:} term of a declaration; a malformed term is a problem at its value. */
    private void dpv(Fields f, String section, String id) {
        String term = f.text("dpv", false);
        if (term == null) {
            return;
        }
        if (term.length() > DPV_TERM_MAX || !DPV_TERM.matcher(term).matches()) {
            f.problem("dpv", "'" + shorten(term) + "' is not a DPV term",
                    "write a lower-case prefix, ':' and a term starting with an upper-case letter,"
                            + " for example dpv:ServiceProvision or pd:TelephoneNumber");
            return;
        }
        dpv.computeIfAbsent(section, k -> new LinkedHashMap<>()).put(id, term);
    }

    private LocalDate date(Fields f, String key) {
        String s = f.text(key, true);
        if (s == null) {
            return null;
        }
        LocalDate d = Dates.parse(s);
        if (d == null) {
            String noSuchDate = Dates.noSuchDate(s);
            if (noSuchDate != null) {
                f.problem(key, noSuchDate, Dates.HINT);
            } else {
                f.problem(key, "'" + shorten(s) + "' is not a date", "write it as YYYY-MM-DD");
            }
        }
        return d;
    }

    /** A country code: two upper-case letters that ISO 3166-1 assigns to a country ({@link Places}). */
    private String country(Fields f, String key, boolean required) {
        String s = f.text(key, required);
        if (s != null && !Ids.COUNTRY.matcher(s).matches()) {
            f.problem(key, "'" + shorten(s) + "' is not a two-letter ISO 3166 country code", "for example CN, DE");
            return null;
        }
        if (s != null && !Places.isKnown(s)) {
            f.problem(key, "'" + s + "' is not an ISO 3166-1 country code",
                    "use the code ISO 3166-1 assigns to the country, for example CN or DE; EU, XK and ZZ are not countries");
            return null;
        }
        return s;
    }

    private void checkPlaceholders(String message, Location at) {
        if (message == null) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            if (!Verdict.PLACEHOLDERS.contains(m.group(1))) {
                problems.add(at, "unknown placeholder {" + m.group(1) + "} in a message",
                        "messages may use " + Verdict.PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList());
            }
        }
    }
}
