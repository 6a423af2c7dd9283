package io.privacyrules.internal.tools;

import static io.privacyrules.internal.tools.DocWords.an;
import static io.privacyrules.internal.tools.DocWords.conditions;
import static io.privacyrules.internal.tools.DocWords.deadline;
import static io.privacyrules.internal.tools.DocWords.inPackOrder;
import static io.privacyrules.internal.tools.DocWords.keysWith;
import static io.privacyrules.internal.tools.DocWords.period;
import static io.privacyrules.internal.tools.DocWords.rawItems;
import static io.privacyrules.internal.tools.DocWords.sentence;
import static io.privacyrules.internal.tools.DocWords.slug;
import static io.privacyrules.internal.tools.PackDoc.b;
import static io.privacyrules.internal.tools.PackDoc.c;
import static io.privacyrules.internal.tools.PackDoc.codes;
import static io.privacyrules.internal.tools.PackDoc.t;

import io.privacyrules.Obligation;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.tools.PackDoc.Block;
import io.privacyrules.internal.tools.PackDoc.Bullets;
import io.privacyrules.internal.tools.PackDoc.Code;
import io.privacyrules.internal.tools.PackDoc.Heading;
import io.privacyrules.internal.tools.PackDoc.Para;
import io.privacyrules.internal.tools.PackDoc.Span;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One clause's part of a pack's document: what the clause governs (purposes, categories,
 * recipients, rules with their conditions in words and DRL as written, obligations, rights,
 * grounds, retention periods, the general format's sections) and the engine reasons citing it.
 */
final class ClauseDoc {
    private final LoadedPack loaded;
    private final Pack pack;
    private final List<Block> out;

    ClauseDoc(LoadedPack loaded, List<Block> out) {
        this.loaded = loaded;
        this.pack = loaded.pack();
        this.out = out;
    }

    void clause(String clause) {
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

    void section(String title, List<List<Span>> items) {
        if (!items.isEmpty()) {
            out.add(new Para(List.of(b(title))));
            out.add(new Bullets(items));
        }
    }

    void purposes(String clause) {
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

    void categories(String clause) {
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

    void recipients(String clause) {
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

    void rules(String clause) {
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
    String drlPrefix() {
        String policy = loaded.policyFile().replace('\\', '/');
        return policy.endsWith("policy.yaml") ? policy.substring(0, policy.length() - "policy.yaml".length()) : "";
    }

    void obligations(String clause) {
        List<List<Span>> items = new ArrayList<>();
        for (Obligation o : pack.obligations().values()) {
            if (clause.equals(o.clause())) {
                items.add(List.of(c(o.id()), t(": " + sentence(o.description()))));
            }
        }
        section("Obligations", items);
    }

    void rights(String clause) {
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

    void grounds(String clause) {
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

    void retention(String clause) {
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
    void generalFormat(String clause) {
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

    void engineReasons(String clause) {
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

    /** The text items of a raw list such as a purpose's {@code dataOf}. */
    List<String> rawList(String section, String id, String key) {
        if (loaded.root().get(section) instanceof Node.MapNode m && m.get(id) instanceof Node.MapNode entry) {
            return rawItems(entry.get(key));
        }
        return List.of();
    }
}
