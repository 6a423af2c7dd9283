package io.privacyrules.internal.tools;

import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.WorkingCalendar;
import io.privacyrules.internal.yaml.Node;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pack as a document a person can read, generated from {@code policy.yaml} and the DRL files:
 * the header, the actions and legal bases, then clause by clause (in the order of {@code clauses:})
 * what each clause governs, the working-day calendars and the mapping to W3C DPV terms. Rendered as
 * Markdown or as one self-contained HTML page (no script, no external resource, every text
 * escaped). The output depends only on the pack's files: no time, no absolute path, no hash, so a
 * committed rendering can be compared with a fresh one.
 */
public final class PackDoc {
    /** The output formats. */
    public enum Format {
        MARKDOWN, HTML;

        /** {@code markdown} or {@code html}, or null for anything else. */
        public static Format of(String name) {
            return switch (name) {
                case "markdown" -> MARKDOWN;
                case "html" -> HTML;
                default -> null;
            };
        }
    }

    private PackDoc() {
    }

    /** The document of {@code loaded} in {@code format}. */
    public static String render(LoadedPack loaded, Format format) {
        List<Block> doc = new PackDoc.Builder(loaded).build();
        return format == Format.HTML ? html(loaded.pack().info(), doc) : markdown(doc);
    }

    // ---- the document, independent of the format -------------------------------------------------

    /** A piece of text: plain, code (an identifier or a term) or strong. */
    record Span(String text, Style style) {
    }

    enum Style {
        PLAIN, CODE, STRONG
    }

    sealed interface Block permits Heading, Para, Bullets, Table, Code {
    }

    record Heading(int level, String text, String anchor) implements Block {
    }

    record Para(List<Span> spans) implements Block {
    }

    record Bullets(List<List<Span>> items) implements Block {
    }

    record Table(List<String> header, List<List<List<Span>>> rows) implements Block {
    }

    record Code(String language, String text) implements Block {
    }

    private static Span t(String text) {
        return new Span(text, Style.PLAIN);
    }

    private static Span c(String text) {
        return new Span(text, Style.CODE);
    }

    private static Span b(String text) {
        return new Span(text, Style.STRONG);
    }

    /** A list of spans joined by a separator, each id in code. */
    private static List<Span> codes(Collection<String> ids, String separator) {
        List<Span> out = new ArrayList<>();
        for (String id : ids) {
            if (!out.isEmpty()) {
                out.add(t(separator));
            }
            out.add(c(id));
        }
        return out;
    }

    /** Collects the blocks of one pack. */
    private static final class Builder {
        private final LoadedPack loaded;
        private final Pack pack;
        private final List<Block> out = new ArrayList<>();

        Builder(LoadedPack loaded) {
            this.loaded = loaded;
            this.pack = loaded.pack();
        }

        List<Block> build() {
            header();
            vocabulary();
            out.add(new Heading(2, "Clause by clause", "clauses"));
            out.add(new Para(List.of(t("Each clause of the policy, in the order the pack declares them, with what the "
                    + "pack makes of it. Rules combine as follows: deny overrides permit, and when no rule permits a "
                    + "request it is denied with the default reason. A permit carries the obligations of the rules "
                    + "that applied."))));
            for (String clause : clauseOrder()) {
                clause(clause);
            }
            calendars();
            dpv();
            return out;
        }

        private void header() {
            PolicyInfo info = pack.info();
            out.add(new Heading(1, info.title(), "top"));
            out.add(new Para(List.of(t("Generated from the rule pack "), c(info.id()), t(" by "), c("bin/privacy-rules doc"),
                    t(". Do not edit it by hand: change the pack and generate it again."))));
            List<List<List<Span>>> rows = new ArrayList<>();
            rows.add(List.of(List.of(t("Pack")), List.of(c(info.id()))));
            rows.add(List.of(List.of(t("Version")), List.of(t(info.version()))));
            rows.add(List.of(List.of(t("Effective")), List.of(t(info.effective().toString()))));
            rows.add(List.of(List.of(t("Jurisdiction")), List.of(t(info.jurisdiction()))));
            rows.add(List.of(List.of(t("Time zone")), List.of(t(pack.timeZone().getId()))));
            String source = scalar(loaded.root().get("source"));
            if (source != null) {
                rows.add(List.of(List.of(t("Source")), List.of(t(source))));
            }
            Pack.Controller controller = pack.authoring().controller();
            if (controller != null) {
                List<String> parts = new ArrayList<>();
                parts.add(controller.name());
                if (controller.department() != null) {
                    parts.add(controller.department());
                }
                if (controller.contact() != null) {
                    parts.add(controller.contact());
                }
                rows.add(List.of(List.of(t("Controller")), List.of(t(String.join("; ", parts)))));
            }
            if (!pack.authoring().implementsClauses().isEmpty()) {
                rows.add(List.of(List.of(t("Implements")), codes(pack.authoring().implementsClauses(), ", ")));
            }
            out.add(new Table(List.of("", ""), rows));
        }

        private void vocabulary() {
            out.add(new Heading(2, "Actions", "actions"));
            List<List<List<Span>>> rows = new ArrayList<>();
            for (Pack.ActionDef a : pack.actions().values()) {
                rows.add(List.of(List.of(c(a.id())), List.of(t(a.description())),
                        List.of(t(a.requiresRecipient() ? "yes" : "no"))));
            }
            out.add(new Table(List.of("Action", "What it is", "Names a recipient"), rows));
            out.add(new Heading(2, "Legal bases", "bases"));
            rows = new ArrayList<>();
            for (Map.Entry<String, String> e : pack.bases().entrySet()) {
                rows.add(List.of(List.of(c(e.getKey())), List.of(t(e.getValue()))));
            }
            out.add(new Table(List.of("Basis", "What it is"), rows));
        }

        /** The clauses in the order of {@code clauses:} in policy.yaml. */
        private List<String> clauseOrder() {
            List<String> order = new ArrayList<>();
            if (loaded.root().get("clauses") instanceof Node.MapNode m) {
                for (String key : m.entries().keySet()) {
                    if (pack.clauses().containsKey(key)) {
                        order.add(key);
                    }
                }
            }
            pack.clauses().keySet().stream().filter(k -> !order.contains(k)).sorted(ClauseOrder.INSTANCE).forEach(order::add);
            return order;
        }

        private void clause(String clause) {
            out.add(new Heading(3, clause + " " + pack.clauses().get(clause), "clause-" + slug(clause)));
            int before = out.size();
            purposes(clause);
            categories(clause);
            recipients(clause);
            rules(clause);
            obligations(clause);
            rights(clause);
            grounds(clause);
            retention(clause);
            engineReasons(clause);
            generalFormat(clause);
            if (out.size() == before) {
                out.add(new Para(List.of(t(pack.authoring().implementsClauses().contains(clause)
                        ? "Nothing in the pack cites this clause itself; the pack implements it through its items."
                        : "Nothing in the pack cites this clause."))));
            }
        }

        private void section(String title, List<List<Span>> items) {
            if (!items.isEmpty()) {
                out.add(new Para(List.of(b(title))));
                out.add(new Bullets(items));
            }
        }

        private void purposes(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Pack.PurposeDef p : pack.purposes().values()) {
                if (!clause.equals(p.clause())) {
                    continue;
                }
                List<Span> s = new ArrayList<>(List.of(c(p.id()), t(": " + sentence(p.description()) + " Basis "),
                        c(p.basis()), t("; actions ")));
                s.addAll(codes(p.actions(), ", "));
                s.add(t("; data "));
                List<String> dataOf = rawList("purposes", p.id(), "dataOf");
                if (p.data() == null) {
                    s.add(t("any category"));
                } else {
                    if (!dataOf.isEmpty()) {
                        s.add(t("of "));
                        s.addAll(codes(dataOf, ", "));
                        s.add(t(": "));
                    }
                    s.addAll(codes(p.data(), ", "));
                }
                if (!p.requires().isEmpty()) {
                    s.add(t("; only if " + conditions(p.requires())));
                }
                s.add(t("."));
                items.add(s);
            }
            section("Purposes", items);
        }

        private void categories(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Pack.CategoryDef d : pack.categories().values()) {
                if (clause.equals(d.clause())) {
                    List<Span> s = new ArrayList<>(List.of(c(d.id())));
                    if (d.sensitive()) {
                        s.add(t(" "));
                        s.add(b("(sensitive)"));
                    }
                    s.add(t(": " + sentence(d.description())));
                    items.add(s);
                }
            }
            section("Data categories", items);
        }

        private void recipients(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Pack.RecipientDef r : pack.recipients().values()) {
                if (clause.equals(r.clause())) {
                    boolean abroad = !pack.territory().home(r.location());
                    items.add(List.of(c(r.id()), t(" (in " + r.location() + (abroad ? ", abroad" : "") + "): "
                            + sentence(r.description()))));
                }
            }
            section("Recipients", items);
        }

        private void rules(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Pack.RuleDef r : pack.rules()) {
                if (!clause.equals(r.clause()) || r.id().startsWith("purpose:")) {
                    continue;
                }
                List<Span> s = new ArrayList<>(List.of(c(r.id()), t(": "), b(r.effect().name().toLowerCase(Locale.ROOT))));
                if (r.effect() != Pack.Effect.OBLIGE) {
                    s.add(t(" with "));
                    s.add(c(r.code()));
                }
                if (!r.obligations().isEmpty()) {
                    s.add(t(r.effect() == Pack.Effect.OBLIGE ? " "
                            : r.obligations().size() == 1 ? " and the obligation " : " and the obligations "));
                    s.addAll(codes(r.obligations(), ", "));
                }
                s.add(t(r.when().isEmpty() ? " for every request" : " when " + conditions(r.when())));
                if (!r.unless().isEmpty()) {
                    s.add(t(", unless " + conditions(r.unless())));
                }
                s.add(t("."));
                if (r.effect() != Pack.Effect.OBLIGE && r.message() != null) {
                    s.add(t(" Message: \"" + r.message() + "\""));
                }
                items.add(s);
            }
            section("Rules", items);
            String prefix = drlPrefix();
            for (RuleMeta m : loaded.rules()) {
                if (m.yaml() != null || !clause.equals(m.clause())) {
                    continue;
                }
                DrlIndex.DrlRule d = loaded.drl().rule(m.name());
                String file = d == null ? "" : d.at().file().replace('\\', '/');
                if (file.startsWith(prefix)) {
                    file = file.substring(prefix.length());
                }
                String kind = d == null || d.kind() == null ? "" : switch (d.kind()) {
                    case "request" -> ", about processing requests";
                    case "rightsRequest" -> ", about data-subject requests";
                    default -> ", about retention";
                };
                out.add(new Para(List.of(b("DRL rule"), t(" "), c(m.name()), t(" in "), c(file), t(kind + ":"))));
                if (d != null) {
                    out.add(new Code("drl", d.text()));
                }
            }
        }

        /** What precedes a DRL file's path relative to the pack: the display of policy.yaml without its name. */
        private String drlPrefix() {
            String policy = loaded.policyFile().replace('\\', '/');
            return policy.endsWith("policy.yaml") ? policy.substring(0, policy.length() - "policy.yaml".length()) : "";
        }

        private void obligations(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Obligation o : pack.obligations().values()) {
                if (clause.equals(o.clause())) {
                    items.add(List.of(c(o.id()), t(": " + sentence(o.description()))));
                }
            }
            section("Obligations", items);
        }

        private void rights(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Pack.RightDef r : pack.rights().requests().values()) {
                if (!clause.equals(r.clause())) {
                    continue;
                }
                List<Span> s = new ArrayList<>(List.of(c(r.id()), t(r.within() == null ? ": no time to respond is set"
                        : ": respond within " + deadline(r))));
                if (r.workingDays() && pack.rights().calendar() != null) {
                    s.add(t(" of the calendar "));
                    s.add(c(pack.rights().calendar().id()));
                }
                s.add(t(" after the day of receipt"));
                if (!r.obligations().isEmpty()) {
                    s.add(t("; a fulfilment carries "));
                    s.addAll(codes(r.obligations(), ", "));
                }
                s.add(t("."));
                items.add(s);
            }
            section("Rights", items);
        }

        private void grounds(String clause) {
            Pack.Rights rights = pack.rights();
            List<String> refusal = keysWith(rights.refusalGrounds(), clause);
            List<String> erasure = keysWith(rights.erasureGrounds(), clause);
            List<List<Span>> items = new ArrayList<>();
            if (!refusal.isEmpty()) {
                List<Span> s = new ArrayList<>(List.of(t("Grounds to refuse a request: ")));
                s.addAll(codes(refusal, ", "));
                s.add(t("."));
                items.add(s);
            }
            if (clause.equals(rights.unreasonableClause()) && !rights.unreasonableGrounds().isEmpty()) {
                List<Span> s = new ArrayList<>(List.of(t("Grounds that make a request unreasonable: ")));
                s.addAll(codes(rights.unreasonableGrounds(), ", "));
                s.add(t("."));
                items.add(s);
            }
            if (!erasure.isEmpty()) {
                List<Span> s = new ArrayList<>(List.of(t("Grounds for erasure: ")));
                s.addAll(codes(erasure, ", "));
                s.add(t("."));
                items.add(s);
            }
            section("Grounds", items);
        }

        private void retention(String clause) {
            List<List<Span>> items = new ArrayList<>();
            for (Pack.RetentionPeriod p : pack.retention().periods()) {
                if (!clause.equals(p.clause())) {
                    continue;
                }
                List<Span> s = new ArrayList<>(List.of(t("Retention period "), c(p.id()), t(": records")));
                if (!p.data().isEmpty()) {
                    s.add(t(" of "));
                    s.addAll(codes(inPackOrder(p.data(), pack.categories().keySet()), ", "));
                }
                if (!p.purposes().isEmpty()) {
                    s.add(t(" for "));
                    s.addAll(codes(inPackOrder(p.purposes(), pack.purposes().keySet()), ", "));
                    s.add(t(", while that purpose is unfulfilled,"));
                }
                String after = p.after().stream().map(e -> pack.retention().events().get(e).description())
                        .collect(Collectors.joining(" or "));
                s.add(t(p.period().isZero() ? " are kept until " + after + "."
                        : " are kept for " + period(p.period()) + " after " + after + "."));
                items.add(s);
            }
            section("Retention", items);
        }

        /** The child threshold and the engine's own reasons, which cite a clause of the pack. */
        /** What the general format's sections say under this clause: places, transfers, consents, objections, events, changes. */
        private void generalFormat(String clause) {
            List<List<Span>> items = new ArrayList<>();
            pack.territory().clauses().forEach((region, c) -> {
                if (clause.equals(c)) {
                    List<Span> s = new ArrayList<>(List.of(t("Region "), c(region), t(": ")));
                    s.addAll(codes(new ArrayList<>(new java.util.TreeSet<>(pack.territory().regions().get(region))), ", "));
                    s.add(t("."));
                    items.add(s);
                }
            });
            for (Pack.Mechanism m : pack.transfers().mechanisms().values()) {
                if (!clause.equals(m.clause())) {
                    continue;
                }
                List<String> what = new ArrayList<>();
                if (m.to() != null) {
                    what.add("to " + String.join(", ", m.toPlaces()));
                }
                if (m.recipients() != null) {
                    what.add("for " + String.join(", ", inPackOrder(m.recipients(), pack.recipients().keySet())));
                }
                if (m.consentKind() != null) {
                    what.add("on " + an(m.consentKind()) + " consent naming the recipient or the action");
                }
                if (m.claimed()) {
                    what.add("when the request names it");
                }
                items.add(List.of(t("Transfer mechanism "), c(m.id()), t(": covers a transfer " + String.join(", ", what) + ".")));
            }
            pack.consentKinds().kinds().values().forEach(k -> {
                if (clause.equals(k.clause())) {
                    items.add(List.of(t("Consent kind "), c(k.id()), t((k.id().equals(pack.consentKinds().defaultKind())
                            ? " (the default)" : "") + ": " + k.description())));
                }
            });
            pack.objections().kinds().values().forEach(k -> {
                if (clause.equals(k.clause())) {
                    items.add(List.of(t("Objection "), c(k.id()), t(k.directMarketing()
                            ? ": covers the direct-marketing purposes." : ": covers " + String.join(", ", k.purposes()) + ".")));
                }
            });
            pack.retention().events().values().forEach(e -> {
                if (clause.equals(e.clause())) {
                    items.add(List.of(t("Retention event "), c(e.id()), t(": " + e.description()
                            + (e.key() == null ? "." : " (query key " + e.key() + ")."))));
                }
            });
            pack.rights().requests().values().forEach(r -> {
                if (r.extension() != null && clause.equals(r.extension().clause())) {
                    items.add(List.of(t("The deadline of "), c(r.id()), t(" may be extended by " + r.extension().within()
                            + (r.extension().refusals() ? "" : " (not for a refusal)")
                            + (r.extension().obligations().isEmpty() ? "." : ", with " + String.join(", ", r.extension().obligations()) + "."))));
                }
            });
            Pack.ChildRule ch = pack.children();
            if (clause.equals(ch.byCountryClause()) && !ch.byCountry().isEmpty()) {
                items.add(List.of(t("Age of a child by country of residence: " + new java.util.TreeMap<>(ch.byCountry()) + ".")));
            }
            if (clause.equals(ch.minimumClause()) && ch.minimumAge() != null) {
                items.add(List.of(t("Below " + ch.minimumAge() + " the service is refused whatever the consent.")));
            }
            Pack.Changes changes = pack.changes();
            if (changes != null) {
                List<String> kinds = new ArrayList<>();
                changes.major().forEach((kind, c) -> {
                    if (clause.equals(c)) {
                        kinds.add(PackDiff.KINDS.getOrDefault(kind, kind));
                    }
                });
                if (!kinds.isEmpty()) {
                    items.add(List.of(t("A change of " + String.join(", ", kinds) + " is major: it needs a clear notice.")));
                }
                if (clause.equals(changes.clause())) {
                    items.add(List.of(t("The update clause" + (changes.consentForReducedRights()
                            ? "; a change that reduces a right needs the subject's consent." : "."))));
                }
            }
            section("Declarations", items);
        }

        private void engineReasons(String clause) {
            if (clause.equals(pack.children().clause())) {
                section("Children", List.of(List.of(t("A subject whose age is known and under "
                        + pack.children().under() + " is a child."))));
            }
            List<List<Span>> items = new ArrayList<>();
            Pack.Defaults d = pack.defaults();
            if (clause.equals(d.denyClause())) {
                items.add(List.of(t("When no rule permits a request, it is denied with "), c(d.denyCode()),
                        t(". Message: \"" + d.denyMessage() + "\"")));
            }
            if (clause.equals(d.invalidClause())) {
                items.add(List.of(t("An invalid request is denied with "), c("invalid-request"), t(", citing this clause.")));
            }
            section("Defaults", items);
        }

        private void calendars() {
            if (!(loaded.root().get("calendars") instanceof Node.MapNode m) || m.entries().isEmpty()) {
                return;
            }
            out.add(new Heading(2, "Working-day calendars", "calendars"));
            for (Node.Entry e : m.entries().values()) {
                WorkingCalendar cal = pack.rights().calendar() != null && pack.rights().calendar().id().equals(e.key())
                        ? pack.rights().calendar() : null;
                List<Span> s = new ArrayList<>(List.of(c(e.key()), t(": ")));
                if (e.value() instanceof Node.MapNode cm) {
                    String description = scalar(cm.get("description"));
                    if (description != null) {
                        s.add(t(sentence(description) + " "));
                    }
                    s.add(t("Weekend: " + String.join(", ", rawItems(cm.get("weekend"))) + ". Years listed: "
                            + String.join(", ", rawItems(cm.get("years"))) + "."));
                    if (cal != null) {
                        s.add(t(" The rights of Section V count their working days with it."));
                    }
                    out.add(new Para(s));
                    List<List<List<Span>>> rows = new ArrayList<>();
                    if (cm.get("holidays") instanceof Node.ListNode hs) {
                        for (Node h : hs.items()) {
                            if (h instanceof Node.MapNode hm) {
                                String from = scalar(hm.get("from"));
                                String to = scalar(hm.get("to"));
                                String name = scalar(hm.get("name"));
                                rows.add(List.of(List.of(t(name == null ? "" : name)),
                                        List.of(t(to == null || to.equals(from) ? from : from + " to " + to))));
                            }
                        }
                    }
                    if (!rows.isEmpty()) {
                        out.add(new Table(List.of("Holiday", "Days"), rows));
                    }
                    List<String> workdays = rawItems(cm.get("workdays"));
                    if (!workdays.isEmpty()) {
                        out.add(new Para(List.of(t("Make-up working days: " + String.join(", ", workdays) + "."))));
                    }
                }
            }
        }

        private void dpv() {
            out.add(new Heading(2, "W3C DPV mapping", "dpv"));
            out.add(new Para(List.of(t("The terms of the W3C Data Privacy Vocabulary that the pack's declarations "
                    + "correspond to (their "), c("dpv:"), t(" fields). "), c("dpv:"), t(" stands for "),
                    c("https://w3id.org/dpv#"), t(" and "), c("pd:"), t(" for "), c("https://w3id.org/dpv/pd#"),
                    t(". The terms describe; they change no decision."))));
            Pack.Dpv dpv = pack.dpv();
            List<List<List<Span>>> rows = new ArrayList<>();
            List<List<Span>> without = new ArrayList<>();
            for (String section : Pack.Dpv.SECTIONS) {
                Collection<String> ids = ids(section);
                List<String> missing = new ArrayList<>();
                for (String id : ids) {
                    String term = dpv.term(section, id);
                    if (term != null) {
                        rows.add(List.of(List.of(t(noun(section))), List.of(c(id)), List.of(c(term))));
                    } else {
                        missing.add(id);
                    }
                }
                if (!missing.isEmpty()) {
                    List<Span> s = new ArrayList<>(List.of(t(capitalized(noun(section)) + ": ")));
                    s.addAll(codes(missing, ", "));
                    without.add(s);
                }
            }
            if (rows.isEmpty()) {
                out.add(new Para(List.of(t("The pack maps nothing to DPV."))));
            } else {
                out.add(new Table(List.of("Kind", "Id", "DPV term"), rows));
            }
            if (!without.isEmpty()) {
                out.add(new Para(List.of(t("Declarations without a DPV term:"))));
                out.add(new Bullets(without));
            }
        }

        private Collection<String> ids(String section) {
            return switch (section) {
                case "actions" -> pack.actions().keySet();
                case "bases" -> pack.bases().keySet();
                case "categories" -> pack.categories().keySet();
                case "recipients" -> pack.recipients().keySet();
                case "purposes" -> pack.purposes().keySet();
                case "obligations" -> pack.obligations().keySet();
                default -> pack.rights().requests().keySet();
            };
        }

        /** The text items of a raw list such as a purpose's {@code dataOf}. */
        private List<String> rawList(String section, String id, String key) {
            if (loaded.root().get(section) instanceof Node.MapNode m && m.get(id) instanceof Node.MapNode entry) {
                return rawItems(entry.get(key));
            }
            return List.of();
        }
    }

    // ---- words ----------------------------------------------------------------------------------

    /** Alternatives joined by "or", each a conjunction of its tests in words. */
    static String conditions(List<Condition> alternatives) {
        return alternatives.stream().map(PackDoc::condition).collect(Collectors.joining("; or "));
    }

    static String condition(Condition condition) {
        if (condition.tests().isEmpty()) {
            return "always";
        }
        List<String> parts = new ArrayList<>();
        condition.tests().forEach((key, value) -> parts.add(test(key, value)));
        return String.join(" and ", parts);
    }

    private static String test(Condition.Key key, Object value) {
        String v = value instanceof Collection<?> list ? oneOf(list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        boolean yes = Boolean.TRUE.equals(value);
        return switch (key) {
            case ACTION -> "the action is " + v;
            case PURPOSE -> "the purpose is " + v;
            case PURPOSE_BASIS -> "the purpose's basis is " + v;
            case RECIPIENT -> "the recipient is " + v;
            case DATA_OF -> "every category is one of the data of " + v;
            case DATA_DECLARED_FOR_PURPOSE -> yes ? "every category is declared for the purpose"
                    : "some category is not declared for the purpose";
            case SENSITIVE_DATA -> yes ? "some category is sensitive" : "no category is sensitive";
            case ABROAD -> yes ? "the data goes abroad" : "the data stays in the jurisdiction";
            case ANONYMIZED -> yes ? "the data is anonymized" : "the data is not anonymized";
            case AGGREGATED -> yes ? "the data is aggregated" : "the data is not aggregated";
            case REQUIRED_BY_LAW -> yes ? "a law requires it" : "no law requires it";
            case PROTECTS_CHILD -> yes ? "it protects a child" : "it does not protect a child";
            case CHILD -> yes ? "the subject is a child" : "the subject is not a child";
            case GUARDIAN_CONSENT -> yes ? "a guardian consented" : "no guardian consented";
            case GUARDIAN_CONSENT_KIND -> "a guardian gave " + an(v) + " consent";
            case DESTINATION -> "the destination is " + places((Condition.PlaceTest) value);
            case RECIPIENT_LOCATION -> "the recipient is located " + places((Condition.PlaceTest) value);
            case TRANSFER_COVERED -> yes ? "the data stays in the jurisdiction or a transfer mechanism covers it"
                    : "the data leaves the jurisdiction and no transfer mechanism covers it";
            case TRANSFER_MECHANISM -> "the transfer is covered by " + v;
            case OBJECTED -> yes ? "the subject objected to the purpose" : "the subject did not object to the purpose";
            case RESTRICTED -> yes ? "processing is restricted" : "processing is not restricted";
            case BELOW_MINIMUM_AGE -> yes ? "the subject is below the minimum age" : "the subject is not below the minimum age";
            case CONSENT -> value instanceof Condition.ConsentTest ct ? consentInWords(ct) : "consent: " + v;
            default -> key.yaml + " is " + v;
        };
    }

    private static String consentInWords(Condition.ConsentTest ct) {
        String a = ct.qualified() ? an(ct.kind()) + " consent" : "a consent";
        return switch (ct.base()) {
            case COVERING -> a + " covers it";
            case NAMING_PURPOSE -> a + " names the purpose";
            case NAMING_RECIPIENT -> a + " names the recipient";
            case NAMING_ACTION -> a + " names the action";
            default -> ct.qualified() ? "no " + ct.kind() + " consent covers it" : "no consent covers it";
        };
    }

    /** "a separate", "an explicit". */
    static String an(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    private static String places(Condition.PlaceTest t) {
        return (t.in() ? "in " : "not in ") + oneOf(t.places());
    }

    /** "a", "a or b", "one of a, b, c". */
    private static String oneOf(List<String> values) {
        return values.size() <= 2 ? String.join(" or ", values) : "one of " + String.join(", ", values);
    }

    /** A right's time to respond: "30 working days", "30 calendar days", "1 month". */
    private static String deadline(Pack.RightDef r) {
        Period p = r.within();
        if (r.workingDays()) {
            return workingDays(p);
        }
        return p.getYears() == 0 && p.getMonths() == 0 ? count(p.getDays(), "calendar day") : period(p);
    }

    /** {@code P15D} counted in working days: "15 working days". */
    static String workingDays(Period p) {
        return count(p.getDays(), "working day");
    }

    private static String count(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** {@code P30D} as "30 days", {@code P3Y} as "3 years", {@code P1Y6M} as "1 year 6 months". */
    static String period(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() != 0) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" ", parts);
    }

    private static String noun(String section) {
        return switch (section) {
            case "actions" -> "action";
            case "bases" -> "legal basis";
            case "categories" -> "data category";
            case "recipients" -> "recipient";
            case "purposes" -> "purpose";
            case "obligations" -> "obligation";
            default -> "right";
        };
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Ends a description with a full stop unless it has one. */
    private static String sentence(String s) {
        String x = s.strip();
        return x.endsWith(".") || x.endsWith("!") || x.endsWith("?") ? x : x + ".";
    }

    private static List<String> keysWith(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> value.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /** The members of an unordered set in the order of the pack's declarations. */
    private static List<String> inPackOrder(Set<String> members, Collection<String> declared) {
        List<String> out = declared.stream().filter(members::contains).collect(Collectors.toCollection(ArrayList::new));
        members.stream().filter(m -> !out.contains(m)).sorted().forEach(out::add);
        return out;
    }

    private static String scalar(Node n) {
        return n instanceof Node.ScalarNode s && s.value() != null ? String.valueOf(s.value()) : null;
    }

    private static List<String> rawItems(Node n) {
        if (n == null) {
            return List.of();
        }
        List<Node> items = n instanceof Node.ListNode l ? l.items() : List.of(n);
        return items.stream().map(PackDoc::scalar).filter(java.util.Objects::nonNull).toList();
    }

    /** A clause as an HTML id: III.2(1)(a) becomes III-2-1-a. */
    private static String slug(String clause) {
        return Arrays.stream(clause.split("[^A-Za-z0-9]+")).filter(s -> !s.isEmpty()).collect(Collectors.joining("-"));
    }

    // ---- Markdown -------------------------------------------------------------------------------

    static String markdown(List<Block> doc) {
        StringBuilder md = new StringBuilder(64 * 1024);
        for (Block block : doc) {
            if (!md.isEmpty()) {
                md.append('\n');
            }
            if (block instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(mdText(h.text(), false)).append('\n');
            } else if (block instanceof Para p) {
                md.append(mdSpans(p.spans(), false)).append('\n');
            } else if (block instanceof Bullets l) {
                l.items().forEach(i -> md.append("- ").append(mdSpans(i, false)).append('\n'));
            } else if (block instanceof Table t) {
                {
                    md.append('|');
                    t.header().forEach(h -> md.append(' ').append(mdText(h, true)).append(" |"));
                    md.append("\n|");
                    t.header().forEach(h -> md.append("---|"));
                    md.append('\n');
                    for (List<List<Span>> row : t.rows()) {
                        md.append('|');
                        row.forEach(cell -> md.append(' ').append(mdSpans(cell, true)).append(" |"));
                        md.append('\n');
                    }
                }
            } else if (block instanceof Code c) {
                String fence = c.text().contains("```") ? "~~~~" : "```";
                md.append(fence).append(c.language()).append('\n').append(c.text()).append('\n').append(fence).append('\n');
            }
        }
        return md.toString();
    }

    private static String mdSpans(List<Span> spans, boolean inTable) {
        StringBuilder s = new StringBuilder();
        for (Span span : spans) {
            switch (span.style()) {
                case PLAIN -> s.append(mdText(span.text(), inTable));
                case STRONG -> s.append("**").append(mdText(span.text(), inTable)).append("**");
                case CODE -> {
                    String text = span.text().replace('\n', ' ');
                    if (inTable) {
                        text = text.replace("|", "\\|");
                    }
                    String ticks = text.contains("`") ? "``" : "`";
                    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
                    s.append(ticks).append(pad).append(text).append(pad).append(ticks);
                }
            }
        }
        return s.toString();
    }

    /** Escapes the characters Markdown would read as markup; newlines become spaces. */
    static String mdText(String text, boolean inTable) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (char ch : text.replace('\n', ' ').toCharArray()) {
            switch (ch) {
                case '\\', '`', '*', '_', '[', ']', '<', '>' -> s.append('\\').append(ch);
                case '|' -> s.append(inTable ? "\\|" : "|");
                default -> s.append(ch);
            }
        }
        if (s.length() > 0 && s.charAt(0) == '#') {
            s.insert(0, '\\');
        }
        return s.toString();
    }

    // ---- HTML -----------------------------------------------------------------------------------

    private static final String CSS = """
            :root{--line:#d0d7de;--muted:#57606a}
            *{box-sizing:border-box}
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            main{background:#fff;max-width:1100px;margin:0 auto;padding:24px 40px 48px;border-left:1px solid var(--line);border-right:1px solid var(--line)}
            h1{font-size:24px;margin:0 0 8px} h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:16px;margin:24px 0 6px}
            table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}
            th,td{text-align:left;padding:5px 10px;border:1px solid var(--line);vertical-align:top}
            th{background:#eef1f4}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;padding:0 3px;border-radius:3px}
            pre{background:#f6f8fa;border:1px solid var(--line);padding:8px 12px;overflow-x:auto}
            pre code{background:none;padding:0}
            ul{margin:4px 0 12px}
            """;

    static String html(PolicyInfo info, List<Block> doc) {
        StringBuilder h = new StringBuilder(96 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(HtmlReport.esc(info.title())).append(", version ")
                .append(HtmlReport.esc(info.version())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        for (Block block : doc) {
            if (block instanceof Heading x) {
                h.append("<h").append(x.level()).append(" id=\"").append(HtmlReport.esc(x.anchor()))
                        .append("\">").append(HtmlReport.esc(x.text())).append("</h").append(x.level()).append(">\n");
            } else if (block instanceof Para p) {
                h.append("<p>").append(htmlSpans(p.spans())).append("</p>\n");
            } else if (block instanceof Bullets l) {
                h.append("<ul>\n");
                l.items().forEach(i -> h.append("<li>").append(htmlSpans(i)).append("</li>\n"));
                h.append("</ul>\n");
            } else if (block instanceof Table t) {
                {
                    h.append("<table>\n");
                    if (t.header().stream().anyMatch(s -> !s.isEmpty())) {
                        h.append("<thead><tr>");
                        t.header().forEach(s -> h.append("<th>").append(HtmlReport.esc(s)).append("</th>"));
                        h.append("</tr></thead>\n");
                    }
                    h.append("<tbody>\n");
                    for (List<List<Span>> row : t.rows()) {
                        h.append("<tr>");
                        row.forEach(cell -> h.append("<td>").append(htmlSpans(cell)).append("</td>"));
                        h.append("</tr>\n");
                    }
                    h.append("</tbody>\n</table>\n");
                }
            } else if (block instanceof Code c) {
                h.append("<pre><code>").append(HtmlReport.esc(c.text())).append("</code></pre>\n");
            }
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String htmlSpans(List<Span> spans) {
        StringBuilder s = new StringBuilder();
        for (Span span : spans) {
            String text = HtmlReport.esc(span.text());
            switch (span.style()) {
                case PLAIN -> s.append(text);
                case STRONG -> s.append("<strong>").append(text).append("</strong>");
                case CODE -> s.append("<code>").append(text).append("</code>");
            }
        }
        return s.toString();
    }
}
