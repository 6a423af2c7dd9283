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
            "implements", "lint", "coverage", "controller", "clauseStyle", "regions", "transfers", "objections", "consentKinds", "changes");
    public static final Set<String> CHANGES_KEYS = Set.of("clause", "major", "consentForReducedRights");
    public static final Set<String> CONSENT_KIND_KEYS = Set.of("clause", "description", "default");
    public static final Set<String> ACTION_KEYS = Set.of("description", "requiresRecipient", "dpv");
    /** The keys of a legal basis written as a mapping; a basis may also be a plain description. */
    public static final Set<String> BASIS_KEYS = Set.of("description", "dpv");
    public static final Set<String> CATEGORY_KEYS = Set.of("clause", "description", "sensitive", "dpv");
    public static final Set<String> REGION_KEYS = TerritoryReader.REGION_KEYS;
    public static final Set<String> TRANSFERS_KEYS = TerritoryReader.TRANSFERS_KEYS;
    public static final Set<String> MECHANISM_KEYS = TerritoryReader.MECHANISM_KEYS;
    public static final Set<String> OBJECTION_KEYS = Set.of("clause", "description", "purposes", "directMarketing");
    public static final Set<String> RECIPIENT_KEYS = Set.of("clause", "description", "location", "dpv");
    public static final Set<String> PURPOSE_KEYS = Set.of("clause", "description", "basis", "actions", "data",
            "dataOf", "requires", "dpv", "directMarketing");
    public static final Set<String> OBLIGATION_KEYS = Set.of("clause", "description", "dpv");
    public static final Set<String> CHILDREN_KEYS = Set.of("under", "clause", "byCountry", "byCountryClause",
            "minimumAge", "minimumClause");
    public static final Set<String> DEFAULTS_KEYS = Set.of("deny", "invalidRequest");
    public static final Set<String> DEFAULT_DENY_KEYS = Set.of("clause", "code", "message");
    public static final Set<String> INVALID_KEYS = Set.of("clause");
    public static final Set<String> RIGHTS_KEYS = Set.of("calendar", "requests", "refusalGrounds",
            "unreasonableGrounds", "erasureGrounds", "extension", "onNonWorkingDay", "refusalObligations");
    public static final Set<String> RIGHT_KEYS = Set.of("clause", "respondWithin", "days", "obligations", "dpv",
            "extension");
    public static final Set<String> EXTENSION_KEYS = Set.of("within", "clause", "obligations", "refusals");
    public static final Set<String> UNREASONABLE_KEYS = Set.of("clause", "grounds");
    public static final Set<String> RETENTION_KEYS = Set.of("events", "periods");
    public static final Set<String> EVENT_KEYS = Set.of("clause", "description", "key");
    public static final Set<String> PERIOD_KEYS = Set.of("clause", "data", "purposes", "after", "period");
    /** A key a retention event may declare for query files: a lower camel-case name such as {@code contractEndedOn}. */
    private static final Pattern EVENT_KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    public static final Set<String> CALENDAR_KEYS = Set.of("description", "weekend", "years", "holidays", "workdays");
    public static final Set<String> HOLIDAY_KEYS = Set.of("from", "to", "name");
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
    final Problems problems;
    private final String file;
    /** Reads regions, the jurisdiction and transfers; set at the start of {@link #load()}. */
    private TerritoryReader territory;
    /** The consent kinds, read before any condition. */
    private Pack.ConsentKinds consentKinds = Pack.ConsentKinds.NONE;
    private final Map<String, String> clauses = new LinkedHashMap<>();
    /** The clause style the pack declares, or null when it declares none (any style is accepted). */
    private Ids.ClauseStyle clauseStyle;
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
        // The clauses first (regions cite them), then regions: the jurisdiction and the recipients'
        // locations may name one.
        clauseStyle = readClauseStyle(top);
        readClauses(top);
        territory = new TerritoryReader(this);
        territory.readRegions(top);
        String jurisdiction = territory.place(top, "jurisdiction", true);
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

        Map<String, Pack.ActionDef> actions = readActions(top);
        Map<String, String> bases = readBases(top);
        Map<String, Pack.CategoryDef> categories = readCategories(top);
        Map<String, Pack.RecipientDef> recipients = readRecipients(top);
        Map<String, Obligation> obligations = readObligations(top);
        consentKinds = readConsentKinds(top);
        Pack.Transfers transfers = territory.readTransfers(top, recipients.keySet(), consentKinds.ids());
        Vocabulary vocabulary = new Vocabulary(actions.keySet(), bases.keySet(), categories.keySet(),
                recipients.keySet(), new LinkedHashSet<>(), obligations.keySet(), transfers.mechanisms().keySet());
        Map<String, Pack.PurposeDef> purposes = readPurposes(top, vocabulary);
        Pack.ChildRule children = readChildren(top);
        Pack.Defaults defaults = readDefaults(top);
        List<Pack.RuleDef> rules = readRules(top, vocabulary, purposes);
        List<Pack.DrlSource> drl = readDrl(top);
        Map<String, WorkingCalendar> calendars = readCalendars(top);
        Pack.Rights rights = readRights(top, obligations.keySet(), calendars);
        Pack.Retention retention = readRetention(top, categories.keySet(), purposes.keySet());
        Pack.Authoring authoring = readAuthoring(top);
        Pack.Objections objections = readObjections(top, purposes.keySet());

        PolicyInfo info = new PolicyInfo(nn(id), nn(version), effective == null ? LocalDate.EPOCH : effective,
                nn(title), jurisdiction == null ? "ZZ" : jurisdiction, revision(bytes, drl));
        return new Pack(info, zone, Map.copyOf(clauses), actions, bases, categories, recipients, purposes, obligations,
                children, defaults, rules, drl, rights, retention, authoring, Pack.Dpv.of(dpv),
                territory.territory(jurisdiction), transfers, objections, consentKinds, readChanges(top));
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

    static String nn(String s) {
        return s == null ? "?" : s;
    }

    /** The ids declared so far, for checking references. */
    private record Vocabulary(Set<String> actions, Set<String> bases, Set<String> categories, Set<String> recipients,
                              Set<String> purposes, Set<String> obligations, Set<String> mechanisms) {
        Set<String> of(Condition.Kind kind) {
            return switch (kind) {
                case MECHANISMS -> mechanisms;
                case ACTIONS -> actions;
                case BASES -> bases;
                case RECIPIENTS -> recipients;
                case PURPOSES, PURPOSE -> purposes;
                default -> Set.of();
            };
        }
    }

    // ---- sections -------------------------------------------------------------------------

    /** {@code clauseStyle}: how the policy numbers its clauses; null when the pack does not say. */
    private Ids.ClauseStyle readClauseStyle(Fields top) {
        String s = top.text("clauseStyle", false);
        if (s == null) {
            return null;
        }
        Ids.ClauseStyle style = Ids.ClauseStyle.of(s);
        if (style == null) {
            top.problem("clauseStyle", "clauseStyle '" + shorten(s) + "' is not one of " + Ids.ClauseStyle.ids(),
                    choice(s, Ids.ClauseStyle.ids()));
        }
        return style;
    }

    /** The examples of a clause reference in the pack's style (or in every style). */
    private String clauseExamples() {
        return clauseStyle != null ? clauseStyle.examples : "I.1(3), 3.2, \u00a7 4(2), Art. 13(1)(ii)";
    }

    private void readClauses(Fields top) {
        Fields f = map(top, "clauses", "the clauses", true);
        if (f == null) {
            return;
        }
        for (Node.Entry e : f.entries().values()) {
            if (!Ids.isClause(e.key())) {
                problems.add(e.keyAt(), "'" + shorten(e.key()) + "' is not a clause reference",
                        "write it as printed in the policy, for example " + clauseExamples());
                continue;
            }
            if (clauseStyle != null && !clauseStyle.matches(e.key())) {
                Ids.ClauseStyle written = Ids.ClauseStyle.ofReference(e.key());
                problems.add(e.keyAt(), "clause " + e.key() + " is written in the " + written.id
                        + " style, but clauseStyle is " + clauseStyle.id, "write it like " + clauseStyle.examples
                        + ", or change clauseStyle");
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
            String location = territory.place(f, "location", true);
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
                    nn(basis), acts, any ? null : data, requires, e.keyAt(), p.bool("directMarketing", false)));
        }
        // Resolve dataOf: a purpose's data plus the data of the purposes it names, transitively.
        Map<String, Pack.PurposeDef> resolved = new LinkedHashMap<>();
        for (Pack.PurposeDef p : out.values()) {
            Set<String> data = resolveData(p.id(), out, dataOf, new LinkedHashSet<>());
            resolved.put(p.id(), new Pack.PurposeDef(p.id(), p.clause(), p.description(), p.basis(), ordered(p.actions()),
                    data == null ? null : ordered(data), p.requires(), p.at(), p.directMarketing()));
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
        Map<String, Integer> byCountry = new LinkedHashMap<>();
        if (f.has("byCountry")) {
            Node n = f.node("byCountry");
            Fields b = Fields.of(n, problems, "children.byCountry", n instanceof Node.MapNode m ? m.entries().keySet() : Set.of());
            for (Node.Entry e : b.entries().values()) {
                if (!Ids.COUNTRY.matcher(e.key()).matches() || !TerritoryReader.ISO_COUNTRIES.contains(e.key())) {
                    problems.add(e.keyAt(), "'" + shorten(e.key()) + "' is not an ISO 3166-1 country code",
                            "children.byCountry lists countries of residence, for example AT: 14");
                    continue;
                }
                Long age = b.integer(e.key(), true);
                if (age != null && (age < 1 || age > 25)) {
                    b.problem(e.key(), "a child's age threshold must be between 1 and 25 years", "");
                } else if (age != null) {
                    byCountry.put(e.key(), age.intValue());
                }
            }
        }
        String byCountryClause = clause(f, "byCountryClause", false);
        Long minimum = f.integer("minimumAge", false);
        if (minimum != null && (minimum < 1 || minimum > 25)) {
            f.problem("minimumAge", "children.minimumAge must be between 1 and 25 years", "the age below which the service is refused");
            minimum = null;
        }
        String minimumClause = clause(f, "minimumClause", minimum != null);
        if (minimum == null && f.has("minimumClause")) {
            f.problem("minimumClause", "minimumClause needs a minimumAge", "add minimumAge: 13, or remove minimumClause");
        }
        return new Pack.ChildRule(under == null ? 0 : under.intValue(), nn(clause(f, "clause", true)),
                java.util.Collections.unmodifiableMap(byCountry), byCountryClause,
                minimum == null ? null : minimum.intValue(), minimumClause);
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

    java.time.Period period(Fields f, String key) {
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
        // rights.extension: the extension every right may have, unless a right says its own.
        Pack.Extension shared = f.has("extension") ? extension(f.node("extension"), obligations, false) : null;
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
            Pack.Extension ext = r.has("extension") ? extension(r.node("extension"), obligations, working) : shared;
            if (ext != null && within == null && r.has("extension")) {
                r.problem("extension", "an extension needs the right's respondWithin to extend", "add respondWithin: P1M");
            }
            if (ext != null && working && (ext.within().getYears() != 0 || ext.within().getMonths() != 0)) {
                r.problem(r.has("extension") ? "extension" : "days", "working days are extended in days only",
                        "write the extension's within in days, for example P20D");
            }
            requests.put(key, new Pack.RightDef(key, nn(clause(r, "clause", true)), within,
                    working, List.copyOf(obls), within == null ? null : ext));
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
        String onNonWorking = f.text("onNonWorkingDay", false);
        boolean roll = false;
        if (onNonWorking != null) {
            switch (onNonWorking) {
                case "next-working-day" -> roll = true;
                case "keep" -> roll = false;
                default -> f.problem("onNonWorkingDay", "onNonWorkingDay must be 'keep' or 'next-working-day'",
                        choice(onNonWorking, List.of("keep", "next-working-day")));
            }
            if (roll && calendarId == null) {
                f.problem("onNonWorkingDay", "rolling a deadline to the next working day needs the rights 'calendar'",
                        "calendar: my-calendar");
            }
        }
        List<String> refusalObligations = new ArrayList<>();
        if (f.has("refusalObligations") && f.texts("refusalObligations", false).isEmpty()) {
            f.problem("refusalObligations", "'refusalObligations' lists none", "name at least one, or remove the key");
        }
        for (Node.ScalarNode o : f.texts("refusalObligations", false)) {
            if (reference((String) o.value(), o.at(), obligations, "obligation")) {
                refusalObligations.add((String) o.value());
            }
        }
        return new Pack.Rights(calendar, requests, refusal, unreasonableClause, ordered(unreasonable), erasure, roll,
                List.copyOf(refusalObligations));
    }

    /** {@code extension: {within, clause, obligations, refusals}}: a deadline the host may extend. */
    private Pack.Extension extension(Node node, Set<String> obligations, boolean working) {
        Fields e = Fields.of(node, problems, "the extension", EXTENSION_KEYS);
        java.time.Period within = period(e, "within");
        String clause = clause(e, "clause", true);
        List<String> obls = new ArrayList<>();
        if (e.has("obligations") && e.texts("obligations", false).isEmpty()) {
            e.problem("obligations", "'obligations' lists none", "name at least one, or remove the key");
        }
        for (Node.ScalarNode o : e.texts("obligations", false)) {
            if (reference((String) o.value(), o.at(), obligations, "obligation")) {
                obls.add((String) o.value());
            }
        }
        // refusals: false keeps a refusal to the first period (GDPR Art. 12(4): within one month of receipt).
        boolean refusals = e.bool("refusals", true);
        if (within == null || clause == null) {
            return null;
        }
        return new Pack.Extension(within, clause, List.copyOf(obls), refusals);
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
                    problems.add(e.value().at(), "'" + shorten(c) + "' is not a clause reference", "for example " + clauseExamples());
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
        Map<String, Pack.EventDef> events = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        forEachEntry(f, "events", "event", EVENT_KEYS, false, (id, e) -> {
            String key = e.text("key", false);
            if (key != null && (!EVENT_KEY.matcher(key).matches() || Set.of("data", "purposes", "purposesFulfilled", "events", "asOf").contains(key))) {
                e.problem("key", "'" + shorten(key) + "' cannot be the key of an event",
                        "a lower camel-case name that is not already a key of a retention query, for example contractEndedOn");
                key = null;
            } else if (key != null && keys.containsKey(key)) {
                e.problem("key", "events " + keys.get(key) + " and " + id + " have the same key " + key, "give each its own");
                key = null;
            } else if (key != null) {
                keys.put(key, id);
            }
            events.put(id, new Pack.EventDef(id, clause(e, "clause", false), e.text("description", true), key));
        });
        List<Pack.RetentionPeriod> periods = new ArrayList<>();
        forEachEntry(f, "periods", "retention period", PERIOD_KEYS, false, (id, p) -> {
            Set<String> data = new LinkedHashSet<>();
            if (p.has("data") && p.texts("data", false).isEmpty()) {
                p.problem("data", "a retention period lists no data category", "name the categories it keeps, or remove the key");
            }
            for (Node.ScalarNode c : p.texts("data", false)) {
                if (reference((String) c.value(), c.at(), categories, "data category")) {
                    data.add((String) c.value());
                }
            }
            Set<String> served = new LinkedHashSet<>();
            if (p.has("purposes") && p.texts("purposes", false).isEmpty()) {
                p.problem("purposes", "a retention period lists no purpose", "name the purposes it keeps records for, or remove the key");
            }
            for (Node.ScalarNode c : p.texts("purposes", false)) {
                if (reference((String) c.value(), c.at(), purposes, "purpose")) {
                    served.add((String) c.value());
                }
            }
            if (!p.has("data") && !p.has("purposes")) {
                p.problem("clause", "retention period " + id + " names neither data nor purposes",
                        "give data: [...] (kept whatever the purposes), purposes: [...] (kept while one is unfulfilled), or both");
            }
            List<String> after = new ArrayList<>();
            if (p.has("after") && p.texts("after", false).isEmpty()) {
                p.problem("after", "'after' names no event", "name the event the period runs from");
            }
            for (Node.ScalarNode ev : p.texts("after", true)) {
                String event = (String) ev.value();
                if (events.containsKey(event)) {
                    after.add(event);
                } else {
                    problems.add(ev.at(), "undeclared event '" + shorten(event) + "'", events.isEmpty()
                            ? "declare it under retention.events, for example " + event + ": {description: ...}"
                            : hint(event, events.keySet()));
                }
            }
            java.time.Period length = java.time.Period.ZERO;
            if (p.has("period")) {
                length = java.util.Objects.requireNonNullElse(period(p, "period"), java.time.Period.ZERO);
            }
            periods.add(new Pack.RetentionPeriod(id, nn(clause(p, "clause", true)), Set.copyOf(data), Set.copyOf(served),
                    List.copyOf(after), length));
        });
        return new Pack.Retention(java.util.Collections.unmodifiableMap(events), List.copyOf(periods));
    }

    // ---- changes -------------------------------------------------------------------------------

    /** {@code changes}: the update clause and what counts as a major change; read by diff only. */
    private Pack.Changes readChanges(Fields top) {
        if (!top.has("changes")) {
            return null;
        }
        Fields f = Fields.of(top.node("changes"), problems, "the changes section", CHANGES_KEYS);
        String clause = clause(f, "clause", true);
        Map<String, String> major = new LinkedHashMap<>();
        if (f.has("major")) {
            Node n = f.node("major");
            Set<String> kinds = io.privacyrules.internal.tools.PackDiffKinds.KINDS;
            Fields m = Fields.of(n, problems, "changes.major", kinds);
            for (String kind : m.entries().keySet()) {
                if (kinds.contains(kind)) {
                    String c = clause(m, kind, true);
                    if (c != null) {
                        major.put(kind, c);
                    }
                }
            }
        }
        boolean consent = f.bool("consentForReducedRights", false);
        return clause == null ? null : new Pack.Changes(clause, java.util.Collections.unmodifiableMap(major), consent);
    }

    // ---- consent kinds -------------------------------------------------------------------------

    /** {@code consentKinds}: the kinds of consent, weakest first, one of them the default. */
    private Pack.ConsentKinds readConsentKinds(Fields top) {
        Map<String, Pack.ConsentKindDef> kinds = new LinkedHashMap<>();
        List<String> defaults = new ArrayList<>();
        Location[] secondDefault = {null};
        forEachEntry(top, "consentKinds", "consent kind", CONSENT_KIND_KEYS, false, (id, f) -> {
            if (f.bool("default", false)) {
                defaults.add(id);
                if (defaults.size() == 2) {
                    secondDefault[0] = f.at("default");
                }
            }
            kinds.put(id, new Pack.ConsentKindDef(id, nn(clause(f, "clause", true)), nn(f.text("description", true))));
        });
        if (secondDefault[0] != null) {
            problems.add(secondDefault[0], "consent kinds " + defaults.get(0) + " and " + defaults.get(1)
                    + " are both the default", "mark one kind default: true");
        }
        String dflt = !defaults.isEmpty() ? defaults.get(0) : kinds.isEmpty() ? null : kinds.keySet().iterator().next();
        return new Pack.ConsentKinds(java.util.Collections.unmodifiableMap(kinds), dflt);
    }

    /** Checks a consent kind named in a condition; reports it and returns false when undeclared. */
    private boolean consentKind(String kind, Location at) {
        if (consentKinds.kinds().containsKey(kind)) {
            return true;
        }
        problems.add(at, "undeclared consent kind '" + shorten(kind) + "'", consentKinds.kinds().isEmpty()
                ? "declare the pack's consent kinds under 'consentKinds', weakest first"
                : hint(kind, consentKinds.kinds().keySet()));
        return false;
    }

    // ---- objections -----------------------------------------------------------------------------

    /** {@code objections}: kinds of objection besides a single purpose, each with its clause. */
    private Pack.Objections readObjections(Fields top, Set<String> purposes) {
        Map<String, Pack.ObjectionKind> kinds = new LinkedHashMap<>();
        forEachEntry(top, "objections", "objection", OBJECTION_KEYS, false, (id, f) -> {
            if (purposes.contains(id)) {
                problems.add(f.at(), "objection '" + id + "' has the id of a purpose",
                        "an objection to a purpose is written with the purpose's id; give this kind another id");
            }
            Set<String> covered = new LinkedHashSet<>();
            if (f.has("purposes") && f.texts("purposes", false).isEmpty()) {
                f.problem("purposes", "'purposes' lists none", "name the purposes it covers, or remove the key");
            }
            for (Node.ScalarNode p : f.texts("purposes", false)) {
                if (reference((String) p.value(), p.at(), purposes, "purpose")) {
                    covered.add((String) p.value());
                }
            }
            boolean dm = f.bool("directMarketing", false);
            if (covered.isEmpty() && !dm) {
                f.problem("clause", "objection " + id + " covers no purpose",
                        "give purposes: [...], or directMarketing: true to cover the purposes marked directMarketing");
            }
            kinds.put(id, new Pack.ObjectionKind(id, nn(clause(f, "clause", true)), f.text("description", false),
                    Set.copyOf(covered), dm));
        });
        return new Pack.Objections(java.util.Collections.unmodifiableMap(kinds));
    }

    // ---- authoring: implements, lint, coverage, controller -----------------------------------

    /** The sections the authoring tools read; they never change a decision. */
    private Pack.Authoring readAuthoring(Fields top) {
        List<String> implemented = new ArrayList<>();
        for (Node.ScalarNode n : top.texts("implements", false)) {
            String c = (String) n.value();
            if (!Ids.isClause(c)) {
                problems.add(n.at(), "'" + shorten(c) + "' is not a clause reference", "for example " + clauseExamples());
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
                if (v != null && !consentKind(v, e.value().at())) {
                    continue;
                } else if (v != null && !f.has("consent")) {
                    problems.add(e.value().at(), "consentKind qualifies a consent test, and this condition has none",
                            "add a consent test to the same condition, for example consent: naming-recipient");
                } else {
                    consentKind = v;
                }
                continue;
            }
            if (key == Condition.Key.GUARDIAN_CONSENT && e.value() instanceof Node.ScalarNode s
                    && s.value() instanceof String kind) {
                // guardianConsent: <kind>: the guardian's consent is of this kind or a stronger one.
                if (consentKind(kind, e.value().at())) {
                    tests.put(Condition.Key.GUARDIAN_CONSENT_KIND, kind);
                }
                continue;
            }
            switch (key.kind) {
                case PLACES -> {
                    Condition.PlaceTest t = placeTest(e);
                    if (t != null) {
                        tests.put(key, t);
                    }
                }
                case ACTIONS, PURPOSES, BASES, RECIPIENTS, MECHANISMS -> {
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
                                key == Condition.Key.GUARDIAN_CONSENT ? "or a consent kind of the pack, for a guardian's consent of that kind" : "");
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
        if (consentKind != null && tests.get(Condition.Key.CONSENT) instanceof Condition.ConsentTest t) {
            tests.put(Condition.Key.CONSENT, t.ofKind(consentKind));
        }
        return new Condition(tests, node == null ? f.at() : node.at());
    }

    /** {@code destination: {in: EEA}} or {@code {notIn: [EEA, adequate]}}: places are countries or regions. */
    private Condition.PlaceTest placeTest(Node.Entry e) {
        if (!(e.value() instanceof Node.MapNode m) || m.entries().size() != 1) {
            problems.add(e.value().at(), "'" + e.key() + "' takes {in: PLACE} or {notIn: PLACE}",
                    "for example " + e.key() + ": {notIn: EEA}; a place is a country code or a region, or a list of them");
            return null;
        }
        Fields f = Fields.of(e.value(), problems, "'" + e.key() + "'", Set.of("in", "notIn"));
        boolean in = f.has("in");
        String key = in ? "in" : "notIn";
        if (!f.has(key)) {
            return null; // reported by Fields
        }
        List<String> places = new ArrayList<>();
        List<Node.ScalarNode> written = f.texts(key, true);
        if (written.isEmpty()) {
            f.problem(key, "'" + key + "' lists no place", "name at least one country or region");
        }
        for (Node.ScalarNode p : written) {
            if (territory.checkPlace((String) p.value(), p.at())) {
                places.add((String) p.value());
            }
        }
        return places.isEmpty() ? null : new Condition.PlaceTest(in, List.copyOf(places));
    }

    private static String noun(Condition.Kind kind) {
        return switch (kind) {
            case MECHANISMS -> "transfer mechanism";
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

    interface EntryReader {
        void read(String key, Fields fields);
    }

    private void forEachEntry(Fields top, String section, String noun, Set<String> keys, EntryReader reader) {
        forEachEntry(top, section, noun, keys, true, reader);
    }

    void forEachEntry(Fields top, String section, String noun, Set<String> keys, boolean required,
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

    Fields map(Fields top, String key, String what, boolean required) {
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

    boolean checkId(String id, Location at, String noun) {
        if (Ids.isId(id)) {
            return true;
        }
        problems.add(at, noun + " id '" + shorten(id) + "' is not a lower-case id",
                "use lower-case letters, digits, '-' and '.', starting with a letter (at most " + Ids.MAX_LENGTH + ")");
        return false;
    }

    boolean reference(String id, Location at, Collection<String> declared, String noun) {
        if (declared.contains(id)) {
            return true;
        }
        problems.add(at, "undeclared " + noun + " '" + shorten(id) + "'", hint(id, declared));
        return false;
    }

    static String hint(String word, Collection<String> candidates) {
        String near = Suggest.nearest(word, candidates);
        return near != null ? "did you mean '" + near + "'?" : "declare it, or use one of: " + String.join(", ", candidates);
    }

    static String choice(String word, List<String> options) {
        String near = Suggest.nearest(word, options);
        return near != null ? "did you mean '" + near + "'?" : "write one of: " + String.join(", ", options);
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    String clause(Fields f, String key, boolean required) {
        String c = f.text(key, required);
        if (c == null) {
            return null;
        }
        Location at = f.at(key);
        if (!Ids.isClause(c)) {
            problems.add(at, "'" + shorten(c) + "' is not a clause reference",
                    "write it as printed in the policy, for example " + clauseExamples());
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

    LocalDate date(Fields f, String key) {
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
