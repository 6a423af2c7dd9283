package io.privacyrules.internal.tools;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.yaml.Location;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why one request got its answer: the rules that fired, the rules that were considered and did not
 * match (for a YAML rule, the test that failed; a DRL rule only "did not match"), and how the
 * answers were combined. Only ids, clauses, flags and file positions appear, never data values.
 */
public final class Explain {

    /**
     * One rule considered.
     *
     * @param fired true when it fired
     * @param why   for a rule that did not fire, why not; empty for one that fired
     */
    public record Line(String id, String clause, String effect, Location at, boolean fired, String why) {
        public String text() {
            String head = String.format("%-7s %s (%s) %s", effect.toUpperCase(java.util.Locale.ROOT), id, clause, LoadedPack.at(at));
            return fired ? head : head + ": " + why;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", id);
            m.put("clause", clause);
            m.put("effect", effect);
            m.put("file", at.file());
            m.put("line", at.line());
            if (!fired) {
                m.put("why", why);
            }
            return m;
        }
    }

    /**
     * The explanation of one answer.
     *
     * @param answer  the answer (permit, deny, fulfil, ...)
     * @param request the request in ids
     * @param how     how the rules' answers were combined, one sentence each
     */
    public record Explanation(String answer, String request, List<Line> fired, List<Line> notMatched, List<String> how) {
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add("answer: " + answer);
            out.add("request: " + request);
            out.add("fired:" + (fired.isEmpty() ? " none" : ""));
            fired.forEach(l -> out.add("  " + l.text()));
            out.add("considered, did not match:" + (notMatched.isEmpty() ? " none" : ""));
            notMatched.forEach(l -> out.add("  " + l.text()));
            out.add("how:");
            how.forEach(h -> out.add("  " + h));
            return out;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fired", fired.stream().map(Line::toMap).toList());
            m.put("notMatched", notMatched.stream().map(Line::toMap).toList());
            m.put("how", how);
            return m;
        }
    }

    private Explain() {
    }

    // ---- processing requests ----------------------------------------------------------------

    /** Explains the decision on a processing request. */
    public static Explanation of(LoadedPack loaded, ProcessingRequest request) {
        Set<String> fired = new LinkedHashSet<>();
        Decision d = loaded.engine().decide(request, r -> fired.add(r.name()));
        String described = describe(request);
        if (invalid(d.reasons())) {
            return new Explanation(d.effect().id(), described, List.of(), List.of(), invalidHow(d.reasons()));
        }
        Pack pack = loaded.pack();
        Request fact = new Request(pack, request);
        described = described + flags(request, fact);
        List<Line> yes = new ArrayList<>();
        List<Line> no = new ArrayList<>();
        for (RuleMeta r : loaded.rules()) {
            String kind = loaded.kind(r);
            if (kind != null && !kind.equals("request")) {
                continue;
            }
            String effect = effect(loaded, r);
            if (fired.contains(r.name())) {
                yes.add(new Line(r.id(), r.clause(), effect, loaded.where(r), true, ""));
            } else {
                String why = r.yaml() == null ? "did not match" : whyNot(r.yaml(), fact);
                no.add(new Line(r.id(), r.clause(), effect, loaded.where(r), false, why));
            }
        }
        List<String> how = new ArrayList<>();
        List<Line> denies = yes.stream().filter(l -> l.effect().equals("deny")).toList();
        List<Line> permits = yes.stream().filter(l -> l.effect().equals("permit")).toList();
        if (!denies.isEmpty()) {
            how.add("deny: " + refs(denies) + (denies.size() == 1 ? " denies" : " deny") + " the request.");
            if (!permits.isEmpty()) {
                how.add("deny overrides permit: the permit" + (permits.size() == 1 ? " of " : "s of ") + refs(permits)
                        + (permits.size() == 1 ? " was" : " were") + " overridden, and no obligation applies.");
            } else {
                how.add("no rule permitted it either.");
            }
        } else if (d.permitted()) {
            how.add("permit: " + refs(permits) + (permits.size() == 1 ? " permits" : " permit") + " the request, and no rule denies it.");
            if (!d.obligations().isEmpty()) {
                how.add("obligations: " + d.obligations().stream().map(o -> o.id() + " (" + o.clause() + ")")
                        .collect(Collectors.joining(", ")) + ".");
            }
        } else {
            Reason r = d.reasons().get(0);
            how.add("no rule permits the request and none denies it, so the pack's default applies: deny " + r.code()
                    + " (" + r.clause() + ").");
        }
        return new Explanation(d.effect().id(), described, yes, no, how);
    }

    private static String refs(List<Line> lines) {
        return lines.stream().map(l -> l.id() + " (" + l.clause() + ")").collect(Collectors.joining(", "));
    }

    private static boolean invalid(List<Reason> reasons) {
        return reasons.stream().anyMatch(r -> r.code().equals("invalid-request") && r.rule().equals("engine"));
    }

    private static List<String> invalidHow(List<Reason> reasons) {
        List<String> how = new ArrayList<>();
        how.add("the request is not valid for this pack, so no rule was run: invalid-request (" + reasons.get(0).clause() + ").");
        reasons.forEach(r -> how.add(r.message()));
        return how;
    }

    /** The effect of a rule: a YAML rule's, or for DRL the first out call it makes (deny, permit, oblige, fulfil, ...). */
    static String effect(LoadedPack loaded, RuleMeta r) {
        if (r.yaml() != null) {
            return LoadedPack.effect(r);
        }
        DrlIndex.DrlRule d = loaded.drl().rule(r.name());
        if (d != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bout\\s*\\.\\s*(\\w+)\\s*\\(").matcher(d.text());
            if (m.find()) {
                String call = m.group(1);
                return switch (call) {
                    case "verifyIdentity" -> "verify";
                    case "retainUntil" -> "retain";
                    default -> call;
                };
            }
        }
        return "drl";
    }

    /** The request in ids: {@code share of [identity.name] for customer-service to payment-processor (destination abroad, ...)}. */
    static String describe(ProcessingRequest r) {
        StringBuilder s = new StringBuilder().append(r.action()).append(" of ")
                .append(r.data().stream().map(Explain::id).collect(Collectors.joining(", ", "[", "]")))
                .append(" for ").append(id(r.purpose()));
        if (r.recipient() != null) {
            s.append(" to ").append(id(r.recipient()));
        }
        return s.toString();
    }

    /** The request's flags, in ids: never the age or any other value. */
    private static String flags(ProcessingRequest r, Request fact) {
        List<String> with = new ArrayList<>();
        if (r.destination() != null && io.privacyrules.internal.Ids.COUNTRY.matcher(r.destination()).matches()) {
            with.add("destination " + r.destination());
        }
        if (fact.isAbroad()) {
            with.add("abroad");
        }
        if (fact.isChild()) {
            with.add("a child");
        }
        if (fact.isGuardianConsent()) {
            with.add("guardian consent");
        }
        if (fact.isRequiredByLaw()) {
            with.add("required by law");
        }
        if (fact.isProtectsChild()) {
            with.add("protects a child");
        }
        if (fact.isAnonymized()) {
            with.add("anonymized");
        }
        if (fact.isAggregated()) {
            with.add("aggregated");
        }
        for (Consent c : r.subject().consents()) {
            List<String> names = new ArrayList<>();
            if (c.purpose() != null) {
                names.add("purpose " + id(c.purpose()));
            }
            if (c.recipient() != null) {
                names.add("recipient " + id(c.recipient()));
            }
            if (c.action() != null) {
                names.add("action " + id(c.action()));
            }
            String kind = c.kind() != null ? c.kind() + " consent" : "consent";
            with.add((c.withdrawn() ? "a withdrawn " + kind + " naming " : "a " + kind + " naming ") + String.join(", ", names));
        }
        return with.isEmpty() ? "" : " (" + String.join("; ", with) + ")";
    }

    private static String id(String s) {
        return io.privacyrules.internal.Ids.isId(s) ? s : "(not an id)";
    }

    /** Why a YAML rule did not match: no when alternative holds (the first failing test of each), or an unless holds. */
    @SuppressWarnings("unchecked")
    static String whyNot(Pack.RuleDef rule, Request fact) {
        List<String> failing = new ArrayList<>();
        boolean whenHolds = rule.when().isEmpty();
        for (Condition c : rule.when()) {
            String f = firstFailing(c, fact);
            if (f == null) {
                whenHolds = true;
                break;
            }
            failing.add(rule.when().size() == 1 ? f : "line " + c.at().line() + ": " + f);
        }
        if (!whenHolds) {
            return "when does not hold: " + String.join("; ", failing);
        }
        for (Condition u : rule.unless()) {
            if (firstFailing(u, fact) == null) {
                return "unless holds" + (rule.unless().size() == 1 ? "" : " (line " + u.at().line() + ")") + ": "
                        + u.tests().entrySet().stream().map(e -> new Cases.Lit(e.getKey(), e.getValue(), true).toString())
                        .collect(Collectors.joining(", "));
            }
        }
        return "matches by its conditions, yet did not fire";
    }

    /** The first test of {@code c} that fails for the fact, described; null when every test holds. */
    @SuppressWarnings("unchecked")
    private static String firstFailing(Condition c, Request fact) {
        for (Map.Entry<Condition.Key, Object> t : c.tests().entrySet()) {
            Condition.Key k = t.getKey();
            Object v = t.getValue();
            String fail = switch (k.kind) {
                case ACTIONS, PURPOSES, BASES, RECIPIENTS -> {
                    String actual = switch (k) {
                        case ACTION -> fact.getAction();
                        case PURPOSE -> fact.getPurpose();
                        case PURPOSE_BASIS -> fact.getPurposeBasis();
                        default -> fact.getRecipient();
                    };
                    List<String> ids = (List<String>) v;
                    if (actual != null && ids.contains(actual)) {
                        yield null;
                    }
                    String needs = ids.size() == 1 ? ids.get(0) : "one of " + ids;
                    yield actual == null ? k.yaml + " needs " + needs + ", the request names none"
                            : k.yaml + " is " + actual + ", needs " + needs;
                }
                case PURPOSE -> fact.dataWithin((String) v) ? null : "dataOf: not every category is declared for " + v;
                case KIND -> fact.guardianConsentOf((String) v) ? null
                        : "guardianConsent: " + v + " does not hold (no guardian consent of that kind or a stronger one)";
                case MECHANISMS -> {
                    List<String> ids = (List<String>) v;
                    yield ids.stream().anyMatch(fact.getTransferMechanisms()::contains) ? null
                            : "transferMechanism: none of " + ids + " covers the transfer (in force: "
                            + new java.util.TreeSet<>(fact.getTransferMechanisms()) + ")";
                }
                case PLACES -> {
                    Condition.PlaceTest p = (Condition.PlaceTest) v;
                    boolean dest = k == Condition.Key.DESTINATION;
                    String place = dest ? fact.getDestination() : fact.getRecipientLocation();
                    boolean any = p.places().stream().anyMatch(x -> dest ? fact.destinationIn(x) : fact.recipientLocationIn(x));
                    boolean holds = p.in() ? any : (dest || place != null) && !any;
                    yield holds ? null : k.yaml + " is " + (place == null ? "(no recipient)" : place) + ", needs " + p;
                }
                case BOOLEAN -> {
                    boolean actual = switch (k) {
                        case DATA_DECLARED_FOR_PURPOSE -> fact.isDataDeclaredForPurpose();
                        case SENSITIVE_DATA -> fact.isSensitiveData();
                        case ABROAD -> fact.isAbroad();
                        case ANONYMIZED -> fact.isAnonymized();
                        case AGGREGATED -> fact.isAggregated();
                        case REQUIRED_BY_LAW -> fact.isRequiredByLaw();
                        case PROTECTS_CHILD -> fact.isProtectsChild();
                        case CHILD -> fact.isChild();
                        case TRANSFER_COVERED -> fact.isTransferCovered();
                        case OBJECTED -> fact.isObjected();
                        case RESTRICTED -> fact.isRestricted();
                        case BELOW_MINIMUM_AGE -> fact.isBelowMinimumAge();
                        default -> fact.isGuardianConsent();
                    };
                    yield actual == (Boolean) v ? null : k.yaml + " is " + actual + ", needs " + v;
                }
                case CONSENT -> {
                    Condition.ConsentTest test = (Condition.ConsentTest) v;
                    String ck = test.kind();
                    boolean holds = switch (test.base()) {
                        case COVERING -> ck == null ? fact.isConsentCovering() : fact.consentCoveringOf(ck);
                        case NAMING_PURPOSE -> ck == null ? fact.isConsentNamingPurpose() : fact.consentNamingPurposeOf(ck);
                        case NAMING_RECIPIENT -> ck == null ? fact.isConsentNamingRecipient() : fact.consentNamingRecipientOf(ck);
                        case NAMING_ACTION -> ck == null ? fact.isConsentNamingAction() : fact.consentNamingActionOf(ck);
                        case NONE -> ck == null ? !fact.isConsentCovering() : !fact.consentCoveringOf(ck);
                    };
                    boolean covering = ck == null ? fact.isConsentCovering() : fact.consentCoveringOf(ck);
                    String kind = ck == null ? "consent" : ck + " consent";
                    yield holds ? null : "consent: " + test.show() + " does not hold"
                            + (test.base() == Condition.ConsentTest.Base.NONE ? " (a " + kind + " covers the request)"
                            : covering ? " (a covering " + kind + " does not name it)" : " (no " + kind + " covers the request)");
                }
            };
            if (fail != null) {
                return fail;
            }
        }
        return null;
    }

    // ---- data-subject requests and retention ------------------------------------------------

    /** Explains the answer to a data-subject request. */
    public static Explanation of(LoadedPack loaded, RightsRequest request, LocalDate today) {
        Set<String> fired = new LinkedHashSet<>();
        RightsDecision d = loaded.engine().decide(request, today, r -> fired.add(r.name()));
        String described = id(request.right()) + (request.identityVerified() ? ", identity verified" : ", identity not verified")
                + (request.refusalGrounds().isEmpty() ? "" : ", grounds " + request.refusalGrounds().stream().map(Explain::id).toList())
                + (request.erasureGrounds().isEmpty() ? "" : ", erasure grounds " + request.erasureGrounds().stream().map(Explain::id).toList());
        if (invalid(d.reasons())) {
            return new Explanation(d.outcome().id(), described, List.of(), List.of(), invalidHow(d.reasons()));
        }
        return drlOnly(loaded, "rightsRequest", fired, d.outcome().id(), described, d.reasons(),
                "the answer given at the lowest step wins (refusal grounds, then identity, then unreasonable requests, then erasure grounds, then fulfil)");
    }

    /** Explains the answer to a retention query. */
    public static Explanation of(LoadedPack loaded, RetentionQuery query, LocalDate today) {
        Set<String> fired = new LinkedHashSet<>();
        RetentionDecision d = loaded.engine().decide(query, today, r -> fired.add(r.name()));
        String described = id(query.data()) + " for " + query.purposes().stream().map(Explain::id).toList()
                + (query.purposesFulfilled().isEmpty() ? "" : ", fulfilled " + query.purposesFulfilled().stream().map(Explain::id).toList());
        if (invalid(d.reasons())) {
            return new Explanation(d.action().id(), described, List.of(), List.of(), invalidHow(d.reasons()));
        }
        return drlOnly(loaded, "retention", fired, d.action().id(), described, d.reasons(), "any retain wins over dispose");
    }

    private static Explanation drlOnly(LoadedPack loaded, String kind, Set<String> fired, String answer, String described,
                                       List<Reason> reasons, String rule) {
        List<Line> yes = new ArrayList<>();
        List<Line> no = new ArrayList<>();
        for (RuleMeta r : loaded.rules()) {
            String k = loaded.kind(r);
            if (k != null && !k.equals(kind)) {
                continue;
            }
            Line l = new Line(r.id(), r.clause(), effect(loaded, r), loaded.where(r), fired.contains(r.name()),
                    fired.contains(r.name()) ? "" : "did not match");
            (l.fired() ? yes : no).add(l);
        }
        List<String> how = new ArrayList<>();
        how.add(rule + ": " + answer + ".");
        Set<String> deciding = reasons.stream().map(Reason::rule).collect(Collectors.toCollection(LinkedHashSet::new));
        how.add("the answer comes from " + String.join(", ", deciding) + " ("
                + reasons.stream().map(r -> r.code() + ", " + r.clause()).collect(Collectors.joining("; ")) + ").");
        List<String> overridden = yes.stream().map(Line::id).filter(id -> !deciding.contains(id)).toList();
        if (!overridden.isEmpty()) {
            how.add("fired without deciding: " + String.join(", ", overridden) + ".");
        }
        return new Explanation(answer, described, yes, no, how);
    }
}
