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
import java.util.Collection;
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
 *
 * <p>This class reads the header (id, title, version, dates, time zone) and {@code clauses}, runs
 * one reader per section in an order where each section finds the ids it names already declared
 * ({@link TerritoryReader}, {@link VocabularyReader}, {@link SubjectReader}, {@link PurposeReader},
 * {@link RuleReader}, {@link DrlFileReader}, {@link CalendarReader}, {@link RightsReader},
 * {@link RetentionReader}, {@link AuthoringReader}), and holds the checks they share: ids,
 * references, clauses, dates, countries, periods and DPV terms ({@link SectionReader}).
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
    static final Pattern EVENT_KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
    public static final Set<String> CALENDAR_KEYS = Set.of("description", "weekend", "years", "holidays", "workdays");
    public static final Set<String> HOLIDAY_KEYS = Set.of("from", "to", "name");
    public static final Set<String> LINT_KEYS = Set.of("acknowledged");
    public static final Set<String> ACKNOWLEDGEMENT_KEYS = Set.of("code", "about", "reason");
    public static final Set<String> COVERAGE_KEYS = Set.of("minimum");
    public static final Set<String> CONTROLLER_KEYS = Set.of("name", "department", "contact");
    public static final Set<String> RULE_KEYS = Set.of("id", "clause", "effect", "code", "message", "when", "unless",
            "obligations");

    static final Pattern DRL_PATH = Pattern.compile("[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*\\.drl");
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

    /** Where the pack is read from, for the DRL files. */
    PackSource source() {
        return source;
    }

    /** policy.yaml as named in messages. */
    String file() {
        return file;
    }

    /** Regions, the jurisdiction and transfers; set before any section reader runs. */
    TerritoryReader territory() {
        return territory;
    }

    /** The consent kinds, read before any condition. */
    Pack.ConsentKinds consentKinds() {
        return consentKinds;
    }

    /** The declared clauses so far, reference to title. */
    Map<String, String> clauses() {
        return clauses;
    }

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
                top.problem("timeZone", "'" + shorten(zoneText) + "' is not a time zone", "an IANA zone id, for example Europe/Berlin or America/New_York");
            }
        }

        // One reader per section, in this order: each later section names ids the earlier ones declare.
        VocabularyReader declared = new VocabularyReader(this);
        SubjectReader subject = new SubjectReader(this);
        RuleReader ruleReader = new RuleReader(this);
        AuthoringReader authoringReader = new AuthoringReader(this);
        Map<String, Pack.ActionDef> actions = declared.readActions(top);
        Map<String, String> bases = declared.readBases(top);
        Map<String, Pack.CategoryDef> categories = declared.readCategories(top);
        Map<String, Pack.RecipientDef> recipients = declared.readRecipients(top);
        Map<String, Obligation> obligations = declared.readObligations(top);
        consentKinds = subject.readConsentKinds(top);
        Pack.Transfers transfers = territory.readTransfers(top, recipients.keySet(), consentKinds.ids());
        Vocabulary vocabulary = new Vocabulary(actions.keySet(), bases.keySet(), categories.keySet(),
                recipients.keySet(), new LinkedHashSet<>(), obligations.keySet(), transfers.mechanisms().keySet());
        Map<String, Pack.PurposeDef> purposes = new PurposeReader(this).readPurposes(top, vocabulary);
        Pack.ChildRule children = subject.readChildren(top);
        Pack.Defaults defaults = ruleReader.readDefaults(top);
        List<Pack.RuleDef> rules = ruleReader.readRules(top, vocabulary, purposes);
        List<Pack.DrlSource> drl = new DrlFileReader(this).readDrl(top);
        Map<String, WorkingCalendar> calendars = new CalendarReader(this).readCalendars(top);
        Pack.Rights rights = new RightsReader(this).readRights(top, obligations.keySet(), calendars);
        Pack.Retention retention = new RetentionReader(this).readRetention(top, categories.keySet(), purposes.keySet());
        Pack.Authoring authoring = authoringReader.readAuthoring(top);
        Pack.Objections objections = subject.readObjections(top, purposes.keySet());

        PolicyInfo info = new PolicyInfo(nn(id), nn(version), effective == null ? LocalDate.EPOCH : effective,
                nn(title), jurisdiction == null ? "ZZ" : jurisdiction, revision(bytes, drl));
        return new Pack(info, zone, Map.copyOf(clauses), actions, bases, categories, recipients, purposes, obligations,
                children, defaults, rules, drl, rights, retention, authoring, Pack.Dpv.of(dpv),
                territory.territory(jurisdiction), transfers, objections, consentKinds, authoringReader.readChanges(top));
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
    String clauseExamples() {
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

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    static <T> Set<T> ordered(Set<T> set) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    java.time.Period period(Fields f, String key) {
        return period(f, key, false);
    }

    /** As {@link #period(Fields, String)}; {@code zero} allows {@code P0D}. */
    java.time.Period period(Fields f, String key, boolean zero) {
        String s = f.text(key, true);
        if (s == null) {
            return null;
        }
        try {
            java.time.Period p = java.time.Period.parse(s);
            if (p.isNegative() || p.isZero() && !zero) {
                f.problem(key, zero ? "the period must not be negative" : "the period must be positive", "");
                return null;
            }
            return p;
        } catch (DateTimeParseException e) {
            f.problem(key, "'" + shorten(s) + "' is not an ISO-8601 period", "for example P30D or P3Y");
            return null;
        }
    }

    // ---- helpers --------------------------------------------------------------------------

    interface EntryReader {
        void read(String key, Fields fields);
    }

    void forEachEntry(Fields top, String section, String noun, Set<String> keys, EntryReader reader) {
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

    static Set<String> allKeys(Node.MapNode n) {
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
    void dpv(Fields f, String section, String id) {
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
    String country(Fields f, String key, boolean required) {
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

    void checkPlaceholders(String message, Location at) {
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
