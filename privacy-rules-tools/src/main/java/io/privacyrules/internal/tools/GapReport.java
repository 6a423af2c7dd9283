package io.privacyrules.internal.tools;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.internal.Authoring;
import io.privacyrules.internal.engine.Decider;
import io.privacyrules.internal.engine.Engine;
import io.privacyrules.internal.pack.Pack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a company's pack and a law layer disagree: every case the company pack permits and the
 * two layers together deny, and every data-subject request the company refuses while the law
 * requires an answer. Cases are enumerated over the company's vocabulary (each action with each
 * recipient it can take, each purpose, each data category alone) and a few subjects (an adult
 * with no consent, an adult with a consent of the pack's default kind naming purpose, recipient
 * and action, a child with a guardian's consent of that kind, and the data anonymized, or required
 * by law); they are grouped by what decided them. Each group says whether a consent of the pack's
 * strongest kind (the subject's and the guardian's) would close it. Deterministic: the same packs
 * give the same report.
 */
public final class GapReport {
    /** One group of cases the company permits and the law denies. */
    public record Gap(String action, String recipient, List<String> companyClauses, List<String> lawClauses,
                      List<String> lawCodes, String lawMessage, boolean closedByStrongerConsent, int cases,
                      String example) {
        /** This group with one more case. */
        Gap plusOne() {
            return new Gap(action, recipient, companyClauses, lawClauses, lawCodes, lawMessage, closedByStrongerConsent,
                    cases + 1, example);
        }
    }

    /** A data-subject request the company refuses and the law answers. */
    public record RightsGap(String right, List<String> companyClauses, String companyCode, List<String> lawClauses,
                            String example) {
    }

    private final PolicyInfo company;
    private final PolicyInfo law;
    private final List<Gap> gaps;
    private final List<RightsGap> rightsGaps;
    private final int examined;
    /** The company pack's strongest consent kind, and its default kind: "a {strongest} consent closes it". */
    private final String strongest;
    private final String weakest;

    private GapReport(PolicyInfo company, PolicyInfo law, List<Gap> gaps, List<RightsGap> rightsGaps, int examined,
                      String strongest, String weakest) {
        this.strongest = strongest;
        this.weakest = weakest;
        this.company = company;
        this.law = law;
        this.gaps = gaps;
        this.rightsGaps = rightsGaps;
        this.examined = examined;
    }

    public List<Gap> gaps() {
        return gaps;
    }

    public List<RightsGap> rightsGaps() {
        return rightsGaps;
    }

    /** The company pack's policy and the law's. */
    public PolicyInfo company() {
        return company;
    }

    public PolicyInfo law() {
        return law;
    }

    /** How many processing requests were decided by both. */
    public int examined() {
        return examined;
    }

    /** Holds {@code company} against {@code law}: loads them as layers (the law's map must exist). */
    public static GapReport of(String companyLocation, String lawLocation) {
        PolicyEngine layered = PolicyEngine.layered(companyLocation, lawLocation);
        return of(layered);
    }

    /** The gaps between the first layer of {@code layered} and all its layers together. */
    public static GapReport of(PolicyEngine layered) {
        Decider decider = Authoring.decider(layered);
        Engine company = decider.primary();
        Pack pack = company.pack();
        // The stronger consent a gap may need: the company's strongest kind, against its default.
        String strongestKind = pack.consentKinds().strongest();
        if (strongestKind != null && strongestKind.equals(pack.consentKinds().defaultKind())) {
            strongestKind = null;
        }
        Map<String, Gap> groups = new TreeMap<>();
        int examined = 0;
        List<String> categories = List.copyOf(pack.categories().keySet());
        for (String action : pack.actions().keySet()) {
            List<String> recipients = new ArrayList<>();
            if (pack.actions().get(action).requiresRecipient()) {
                recipients.addAll(pack.recipients().keySet());
            } else {
                recipients.add(null);
            }
            for (String recipient : recipients) {
                for (String purpose : pack.purposes().keySet()) {
                    for (String category : categories) {
                        for (Variant v : Variant.values()) {
                            ProcessingRequest r = v.request(action, purpose, category, recipient, null);
                            examined++;
                            Decision alone = company.decide(r);
                            if (!alone.permitted()) {
                                continue;
                            }
                            Decision both = decider.decide(r);
                            if (both.permitted()) {
                                continue;
                            }
                            List<Reason> lawReasons = both.reasons().stream()
                                    .filter(x -> !x.pack().equals(company.info().id())).toList();
                            boolean closes = v.consenting() && strongestKind != null && decider.decide(
                                    v.request(action, purpose, category, recipient, strongestKind)).permitted();
                            List<String> companyClauses = distinct(alone.reasons().stream().map(Reason::clause).toList());
                            List<String> lawClauses = distinct(lawReasons.stream().map(Reason::clause).toList());
                            List<String> lawCodes = distinct(lawReasons.stream().map(Reason::code).toList());
                            String key = action + "|" + (recipient == null ? "" : recipient) + "|" + companyClauses + "|"
                                    + lawClauses + "|" + lawCodes + "|" + closes;
                            Gap old = groups.get(key);
                            String example = v.describe(action, purpose, category, recipient, pack.consentKinds().defaultKind());
                            String message = lawReasons.isEmpty() ? "" : lawReasons.get(0).message();
                            groups.put(key, old == null
                                    ? new Gap(action, recipient, companyClauses, lawClauses, lawCodes, message, closes, 1, example)
                                    : old.plusOne());
                        }
                    }
                }
            }
        }
        return new GapReport(company.info(), decider.engines().get(1).info(), List.copyOf(groups.values()),
                rightsGaps(decider, company), examined, strongestKind, pack.consentKinds().defaultKind());
    }

    private static List<RightsGap> rightsGaps(Decider decider, Engine company) {
        Pack.Rights rights = company.pack().rights();
        List<RightsGap> out = new ArrayList<>();
        if (rights.requests().isEmpty()) {
            return out;
        }
        LocalDate day = LocalDate.of(2026, 7, 1);
        Map<String, RightsGap> seen = new LinkedHashMap<>();
        for (String right : rights.requests().keySet()) {
            List<RightsRequest> asks = new ArrayList<>();
            for (String g : rights.refusalGrounds().keySet()) {
                asks.add(RightsRequest.builder().right(right).receivedOn(day).identityVerified(true).refusalGrounds(g).build());
            }
            for (String g : rights.unreasonableGrounds()) {
                asks.add(RightsRequest.builder().right(right).receivedOn(day).identityVerified(true).refusalGrounds(g).build());
            }
            asks.add(RightsRequest.builder().right(right).receivedOn(day).identityVerified(true).build());
            for (RightsRequest r : asks) {
                RightsDecision alone = company.decide(r, day);
                RightsDecision both = decider.decide(r, day);
                if (alone.outcome() == Outcome.REFUSE && both.outcome() != Outcome.REFUSE) {
                    List<String> lawClauses = distinct(both.reasons().stream()
                            .filter(x -> !x.pack().equals(company.info().id())).map(Reason::clause).toList());
                    String code = alone.reasons().get(0).code();
                    List<String> companyClauses = distinct(alone.reasons().stream().map(Reason::clause).toList());
                    String example = right + (r.refusalGrounds().isEmpty() ? " with no ground"
                            : " with ground " + r.refusalGrounds().get(0));
                    seen.putIfAbsent(right + "|" + companyClauses + "|" + lawClauses,
                            new RightsGap(right, companyClauses, code, lawClauses, example));
                }
            }
        }
        out.addAll(seen.values());
        return out;
    }

    private static List<String> distinct(List<String> l) {
        return List.copyOf(new LinkedHashSet<>(l));
    }

    /** The subjects and flags each case is tried with. */
    private enum Variant {
        NO_CONSENT, CONSENT, CHILD_WITH_GUARDIAN, ANONYMIZED, REQUIRED_BY_LAW;

        boolean consenting() {
            return this == CONSENT || this == CHILD_WITH_GUARDIAN || this == ANONYMIZED;
        }

        ProcessingRequest request(String action, String purpose, String category, String recipient, String kind) {
            ProcessingRequest.Builder b = ProcessingRequest.builder().action(action).purpose(purpose).data(category)
                    .recipient(recipient).age(this == CHILD_WITH_GUARDIAN ? 12 : 40);
            if (consenting()) {
                Consent c = new Consent(purpose, recipient, action, false, kind);
                b.consent(c);
            }
            switch (this) {
                case CHILD_WITH_GUARDIAN -> {
                    if (kind == null) {
                        b.guardianConsent(true);
                    } else {
                        b.guardianConsent(kind);
                    }
                }
                case ANONYMIZED -> b.anonymized(true);
                case REQUIRED_BY_LAW -> b.requiredByLaw(true);
                default -> {
                }
            }
            return b.build();
        }

        /** The case in words; a consent is named by the pack's default kind, which the case's consents are of. */
        String describe(String action, String purpose, String category, String recipient, String defaultKind) {
            String s = action + " " + category + " for " + purpose + (recipient == null ? "" : " to " + recipient);
            String consent = defaultKind == null ? "consent" : defaultKind + " consent";
            return s + switch (this) {
                case NO_CONSENT -> ", no consent";
                case CONSENT -> ", " + consent + " naming purpose, recipient and action";
                case CHILD_WITH_GUARDIAN -> ", a child of 12 with the guardian's " + consent;
                case ANONYMIZED -> ", anonymized, " + consent;
                case REQUIRED_BY_LAW -> ", required by law";
            };
        }
    }

    // ---- rendering -----------------------------------------------------------------------------

    /** The command that writes the Markdown report of {@code company} against {@code law}. */
    public static String command(String company, String law) {
        return "bin/privacy-rules lint --policy " + company + " --against " + law + " --format markdown";
    }

    /** "a separate", "an explicit". */
    static String withArticle(String word) {
        return (word != null && !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ")
                + word;
    }

    private static String capital(String s) {
        return s == null || s.isEmpty() ? "Stronger" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One line per gap, for the terminal, then a summary line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Gap g : gaps) {
            out.add("GAP " + g.action() + (g.recipient() == null ? "" : " to " + g.recipient()) + ": "
                    + company.id() + " permits (" + String.join(", ", g.companyClauses()) + "), "
                    + law.id() + " denies (" + String.join(", ", g.lawClauses()) + " " + String.join(", ", g.lawCodes()) + ")"
                    + (g.closedByStrongerConsent() ? "; " + withArticle(strongest) + " consent closes it" : "")
                    + "; " + g.cases() + (g.cases() == 1 ? " case" : " cases") + ", e.g. " + g.example());
        }
        for (RightsGap g : rightsGaps) {
            out.add("GAP right " + g.right() + ": " + company.id() + " refuses (" + String.join(", ", g.companyClauses())
                    + " " + g.companyCode() + "), " + law.id() + " answers (" + String.join(", ", g.lawClauses()) + "); e.g. "
                    + g.example());
        }
        out.add(summary());
        return out;
    }

    public String summary() {
        int cases = gaps.stream().mapToInt(Gap::cases).sum();
        return gaps.size() + " processing gaps (" + cases + " of " + examined + " cases), " + rightsGaps.size()
                + " rights gaps (" + company.id() + " " + company.version() + " against " + law.id() + " " + law.version() + ")";
    }

    /** The report as a Markdown page, as committed in docs/. */
    public String markdown(String command) {
        StringBuilder s = new StringBuilder();
        s.append("# Gap report: ").append(company.id()).append(" against ").append(law.id()).append("\n\n");
        s.append("Generated by `").append(command).append("`; do not edit by hand. The build checks that it is current.\n\n");
        s.append("- Company pack: ").append(company.title()).append(", version ").append(company.version()).append('\n');
        s.append("- Law layer: ").append(law.title()).append(", version ").append(law.version()).append('\n');
        s.append("- ").append(summary()).append("\n\n");
        s.append("Each row is a group of requests that the company pack alone permits and the two layers ")
                .append("together deny. \"").append(capital(strongest)).append(" consent closes it\" means the same requests are permitted ")
                .append("when the subject's (and a guardian's) consent is ").append(strongest).append(" instead of ")
                .append(weakest).append(".\n\n");
        s.append("## Processing\n\n");
        s.append("| action | recipient | company permits under | law denies under | law's reason | " + strongest + " consent closes it | cases | example |\n");
        s.append("|---|---|---|---|---|---|---|---|\n");
        for (Gap g : gaps) {
            s.append("| ").append(g.action()).append(" | ").append(g.recipient() == null ? "" : g.recipient())
                    .append(" | ").append(String.join(", ", g.companyClauses()))
                    .append(" | ").append(String.join(", ", g.lawClauses()))
                    .append(" | ").append(String.join(", ", g.lawCodes()))
                    .append(" | ").append(g.closedByStrongerConsent() ? "yes" : "no")
                    .append(" | ").append(g.cases())
                    .append(" | ").append(g.example().replace("|", "/")).append(" |\n");
        }
        s.append("\n## Data-subject requests\n\n");
        if (rightsGaps.isEmpty()) {
            s.append("None: the law layer answers no request the company pack refuses.\n");
        } else {
            s.append("Requests the company pack refuses and the law layer answers (the layers together answer them).\n\n");
            s.append("| right | company refuses under | law answers under | example |\n|---|---|---|---|\n");
            for (RightsGap g : rightsGaps) {
                s.append("| ").append(g.right()).append(" | ").append(String.join(", ", g.companyClauses())).append(' ')
                        .append(g.companyCode()).append(" | ").append(String.join(", ", g.lawClauses())).append(" | ")
                        .append(g.example()).append(" |\n");
            }
        }
        return s.toString();
    }

    /** The report as JSON-ready maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("company", company.id());
        m.put("companyVersion", company.version());
        m.put("law", law.id());
        m.put("lawVersion", law.version());
        m.put("examined", examined);
        m.put("strongerConsentKind", strongest);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Gap g : gaps) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("action", g.action());
            gm.put("recipient", g.recipient());
            gm.put("companyClauses", g.companyClauses());
            gm.put("lawClauses", g.lawClauses());
            gm.put("lawCodes", g.lawCodes());
            gm.put("strongerConsentClosesIt", g.closedByStrongerConsent());
            gm.put("cases", g.cases());
            gm.put("example", g.example());
            list.add(gm);
        }
        m.put("gaps", list);
        List<Map<String, Object>> rights = new ArrayList<>();
        for (RightsGap g : rightsGaps) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("right", g.right());
            gm.put("companyClauses", g.companyClauses());
            gm.put("companyCode", g.companyCode());
            gm.put("lawClauses", g.lawClauses());
            gm.put("example", g.example());
            rights.add(gm);
        }
        m.put("rightsGaps", rights);
        return m;
    }

    /** Whether any gap was found. */
    public boolean any() {
        return !gaps.isEmpty() || !rightsGaps.isEmpty();
    }
}
