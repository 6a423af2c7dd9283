package io.privacyrules.internal.tools;

import static io.privacyrules.internal.tools.DocWords.capitalized;
import static io.privacyrules.internal.tools.DocWords.noun;
import static io.privacyrules.internal.tools.DocWords.rawItems;
import static io.privacyrules.internal.tools.DocWords.scalar;
import static io.privacyrules.internal.tools.DocWords.sentence;
import static io.privacyrules.internal.tools.PackDoc.c;
import static io.privacyrules.internal.tools.PackDoc.codes;
import static io.privacyrules.internal.tools.PackDoc.t;

import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.WorkingCalendar;
import io.privacyrules.internal.tools.PackDoc.Block;
import io.privacyrules.internal.tools.PackDoc.Bullets;
import io.privacyrules.internal.tools.PackDoc.Heading;
import io.privacyrules.internal.tools.PackDoc.Para;
import io.privacyrules.internal.tools.PackDoc.Span;
import io.privacyrules.internal.tools.PackDoc.Table;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The blocks of one pack's document, in order: the header, the vocabulary, each clause (written by
 * {@link ClauseDoc}), the working-day calendars and the W3C DPV mapping.
 */
final class DocBuilder {
    private final LoadedPack loaded;
    private final Pack pack;
    private final List<Block> out = new ArrayList<>();
    /** Writes each clause's part of the document into {@link #out}. */
    private final ClauseDoc clauses;

    DocBuilder(LoadedPack loaded) {
        this.loaded = loaded;
        this.pack = loaded.pack();
        this.clauses = new ClauseDoc(loaded, out);
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
            clauses.clause(clause);
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
}
