package io.privacyrules.internal.tools;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.tools.PackDiff.Behaviour;
import io.privacyrules.internal.tools.PackDiff.Changed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The behavioural part of a diff: a fixed, generated set of requests (processing and
 * data-subject) decided by both versions, in each version's ids, and the answers that changed.
 */
final class BehaviourDiff extends Comparison {
    BehaviourDiff(Comparison structure) {
        super(structure);
    }

    /** The requests of the behavioural diff, in the new version's ids, each with its old-version twin. */
    List<ProcessingRequest[]> generated() {
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((o, n) -> back.put(n, o));
        List<String> actions = union(b.actions().keySet(), a.actions().keySet());
        List<String> purposes = union(b.purposes().keySet(), a.purposes().keySet());
        List<String> recipients = new ArrayList<>();
        recipients.add(null);
        recipients.addAll(union(b.recipients().keySet(), a.recipients().keySet()));
        List<String> categories = union(b.categories().keySet(), a.categories().keySet());
        // A destination outside both versions' jurisdictions.
        String abroad = java.util.stream.Stream.of("US", "DE", "BR", "IN").filter(c -> !b.territory().home(c)
                && !a.territory().home(c)).findFirst().orElse("AQ");
        List<Integer> childAges = childAges();
        List<ProcessingRequest[]> out = new ArrayList<>();
        for (String action : actions) {
            for (String purpose : purposes) {
                for (List<String> data : dataChoices(purpose, categories)) {
                    for (String recipient : recipients) {
                        Pack.ActionDef def = b.actions().containsKey(action) ? b.actions().get(action) : a.actions().get(action);
                        if (recipient == null && def.requiresRecipient()) {
                            continue;
                        }
                        for (int variant = 0; variant < 6 + childAges.size(); variant++) {
                            ProcessingRequest now = request(action, purpose, data, recipient, variant, abroad, childAges,
                                    Function.identity());
                            ProcessingRequest before = request(action, purpose, data, recipient, variant, abroad, childAges,
                                    id -> back.getOrDefault(id, id));
                            out.add(new ProcessingRequest[] {before, now});
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The ages of the generated children: just below and at each threshold of both versions
     * ({@code children.under}), so that a threshold that moves either way changes some decision.
     */
    List<Integer> childAges() {
        java.util.TreeSet<Integer> ages = new java.util.TreeSet<>();
        for (int under : List.of(a.children().under(), b.children().under())) {
            ages.add(Math.max(0, under - 1));
            ages.add(under);
        }
        return List.copyOf(ages);
    }

    /**
     * One generated request, its ids passed through {@code ids}. Variants 0 to 5 are an adult's; from
     * 6 on, a subject of each age of {@code childAges}.
     */
    ProcessingRequest request(String action, String purpose, List<String> data, String recipient, int variant,
                                     String abroad, List<Integer> childAges, Function<String, String> ids) {
        String r = recipient == null ? null : ids.apply(recipient);
        ProcessingRequest.Builder n = ProcessingRequest.builder().action(ids.apply(action)).purpose(ids.apply(purpose))
                .data(data.stream().map(ids).toList()).recipient(r);
        Consent all = new Consent(ids.apply(purpose), r, ids.apply(action), false);
        switch (variant) {
            case 0 -> n.age(30);
            case 1 -> n.age(30).consent(all);
            case 2 -> n.age(30).consent(Consent.toPurpose(ids.apply(purpose)));
            case 3 -> n.age(30).requiredByLaw(true);
            case 4 -> n.age(30).anonymized(true).aggregated(true);
            case 5 -> n.age(30).destination(abroad).consent(all);
            default -> n.age(childAges.get(variant - 6));
        }
        return n.build();
    }

    /**
     * For a purpose: one category it declares, one it does not, one sensitive one it declares (when
     * there are such), and every category the two versions treat differently for it.
     */
    List<List<String>> dataChoices(String purpose, List<String> categories) {
        Pack.PurposeDef p = b.purposes().containsKey(purpose) ? b.purposes().get(purpose) : a.purposes().get(purpose);
        Pack pack = b.purposes().containsKey(purpose) ? b : a;
        Set<List<String>> out = new LinkedHashSet<>();
        categories.stream().filter(p::allows).findFirst().ifPresent(c -> out.add(List.of(c)));
        categories.stream().filter(c -> !p.allows(c)).findFirst().ifPresent(c -> out.add(List.of(c)));
        categories.stream().filter(c -> p.allows(c) && pack.categories().containsKey(c) && pack.categories().get(c).sensitive())
                .findFirst().ifPresent(c -> out.add(List.of(c)));
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((o, n) -> back.put(n, o));
        Pack.PurposeDef old = a.purposes().get(back.getOrDefault(purpose, purpose));
        for (String c : categories) {
            String oc = back.getOrDefault(c, c);
            boolean before = old != null && a.categories().containsKey(oc) && old.allows(oc);
            boolean now = b.purposes().containsKey(purpose) && b.categories().containsKey(c) && p.allows(c);
            boolean sensitiveBefore = a.categories().containsKey(oc) && a.categories().get(oc).sensitive();
            boolean sensitiveNow = b.categories().containsKey(c) && b.categories().get(c).sensitive();
            if (before != now || sensitiveBefore != sensitiveNow) {
                out.add(List.of(c));
            }
        }
        if (out.isEmpty()) {
            out.add(List.of(categories.get(0)));
        }
        return List.copyOf(out);
    }

    List<String> union(Collection<String> first, Collection<String> second) {
        Set<String> out = new LinkedHashSet<>(sorted(first));
        for (String s : sorted(second)) {
            if (!renamed.containsKey(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Decides every generated request with both versions (in parallel: the engines are thread-safe). */
    Behaviour behaviour() {
        List<ProcessingRequest[]> requests = generated();
        // per request: 0 same, 1 changed, 2 only new ids, 3 only old ids, 4 invalid in both; with the change
        List<Object[]> decided = requests.parallelStream().map(r -> {
            Decision x = oldPack.engine().decide(r[0], Verdict.Trace.NONE);
            Decision y = newPack.engine().decide(r[1], Verdict.Trace.NONE);
            boolean vx = !invalid(x.reasons());
            boolean vy = !invalid(y.reasons());
            Changed c = new Changed(describe(vy ? r[1] : r[0]), vx ? answer(x) : "(undeclared ids)", vy ? answer(y) : "(undeclared ids)");
            int kind = vx && vy ? (c.before().equals(c.after()) ? 0 : 1) : vy ? 2 : vx ? 3 : 4;
            return new Object[] {kind, c, vx && x.permitted(), vy && y.permitted(), handsOver(r[1].action()) ? 0 : 1};
        }).sorted(java.util.Comparator.comparingInt(o -> (Integer) o[4])).toList();
        List<Changed> decisions = changed(decided, 1, -1);
        List<Changed> newlyPermitted = changed(decided, 2, 3);
        List<Changed> formerlyPermitted = changed(decided, 3, 2);
        List<RightsRequest> rightsRequests = rightsRequests();
        LocalDate today = b.info().effective();
        List<Object[]> answers = rightsRequests.parallelStream().map(r -> {
            RightsDecision x = oldPack.engine().decide(r, today);
            RightsDecision y = newPack.engine().decide(r, today);
            if (invalid(x.reasons()) || invalid(y.reasons()) || answer(x).equals(answer(y))) {
                return null;
            }
            return new Object[] {new Changed(describe(r), answer(x), answer(y)), worse(x, y)};
        }).filter(Objects::nonNull).toList();
        List<Changed> rights = answers.stream().map(o -> (Changed) o[0]).toList();
        int reduced = (int) answers.stream().filter(o -> (Boolean) o[1]).count();
        return new Behaviour(requests.size(), decisions, count(decided, 2), newlyPermitted, count(decided, 3), formerlyPermitted,
                rightsRequests.size(), rights, reduced);
    }

    /** True for an action that hands data to a recipient: its changes are listed first. */
    boolean handsOver(String action) {
        Pack.ActionDef d = b.actions().containsKey(action) ? b.actions().get(action) : a.actions().get(map(action));
        return d != null && d.requiresRecipient();
    }

    /** The changes of requests of {@code kind}; with {@code permittedAt} 2 or 3, only those permitted by that version. */
    static List<Changed> changed(List<Object[]> decided, int kind, int permittedAt) {
        return decided.stream().filter(o -> (Integer) o[0] == kind && (permittedAt < 0 || (Boolean) o[permittedAt]))
                .map(o -> (Changed) o[1]).toList();
    }

    static int count(List<Object[]> decided, int kind) {
        return (int) decided.stream().filter(o -> (Integer) o[0] == kind).count();
    }

    static boolean invalid(List<io.privacyrules.Reason> reasons) {
        return reasons.stream().anyMatch(r -> r.code().equals("invalid-request") && r.rule().equals("engine"));
    }

    static String answer(Decision d) {
        return d.effect().id() + (d.obligationIds().isEmpty() ? "" : " " + d.obligationIds());
    }

    static String answer(RightsDecision d) {
        return d.outcome().id() + (d.respondBy() == null ? "" : " by " + d.respondBy())
                + (d.obligationIds().isEmpty() ? "" : " " + d.obligationIds());
    }

    /** The new answer is worse for the subject: no longer fulfilled, later, or with fewer duties for the controller. */
    static boolean worse(RightsDecision x, RightsDecision y) {
        boolean wasFulfilled = x.outcome() == io.privacyrules.Outcome.FULFIL;
        boolean isFulfilled = y.outcome() == io.privacyrules.Outcome.FULFIL;
        if (wasFulfilled != isFulfilled) {
            return wasFulfilled;
        }
        if (wasFulfilled && x.respondBy() != null && y.respondBy() != null && y.respondBy().isAfter(x.respondBy())) {
            return true;
        }
        return wasFulfilled && !y.obligationIds().containsAll(x.obligationIds().stream()
                .filter(o -> !o.equals("charge-fee")).toList()) || (wasFulfilled && !x.obligationIds().contains("charge-fee")
                && y.obligationIds().contains("charge-fee"));
    }

    List<RightsRequest> rightsRequests() {
        List<String> rights = union(b.rights().requests().keySet(), a.rights().requests().keySet());
        List<String> refusal = new ArrayList<>();
        refusal.add(null);
        refusal.addAll(union(b.rights().refusalGrounds().keySet(), a.rights().refusalGrounds().keySet()));
        refusal.addAll(union(b.rights().unreasonableGrounds(), a.rights().unreasonableGrounds()));
        List<String> erasure = new ArrayList<>();
        erasure.add(null);
        erasure.addAll(union(b.rights().erasureGrounds().keySet(), a.rights().erasureGrounds().keySet()));
        LocalDate received = b.info().effective();
        List<RightsRequest> out = new ArrayList<>();
        for (String right : rights) {
            for (boolean verified : new boolean[] {true, false}) {
                for (String g : refusal) {
                    for (String e : erasure) {
                        for (boolean repeated : new boolean[] {false, true}) {
                            RightsRequest.Builder r = RightsRequest.builder().right(right).receivedOn(received)
                                    .identityVerified(verified).repeated(repeated);
                            if (g != null) {
                                r.refusalGrounds(g);
                            }
                            if (e != null) {
                                r.erasureGrounds(e);
                            }
                            out.add(r.build());
                        }
                    }
                }
            }
        }
        return out;
    }

    static String describe(ProcessingRequest r) {
        StringBuilder s = new StringBuilder(Explain.describe(r));
        List<String> with = new ArrayList<>();
        if (r.subject().age() != null && r.subject().age() < 18) {
            with.add("age " + r.subject().age());
        }
        if (!r.subject().consents().isEmpty()) {
            Consent c = r.subject().consents().get(0);
            with.add("consent naming " + (c.recipient() != null || c.action() != null ? "purpose, recipient and action" : "purpose"));
        }
        if (r.requiredByLaw()) {
            with.add("requiredByLaw");
        }
        if (r.anonymized()) {
            with.add("anonymized, aggregated");
        }
        if (r.destination() != null) {
            with.add("destination abroad");
        }
        return with.isEmpty() ? s.toString() : s.append(" (").append(String.join(", ", with)).append(")").toString();
    }

    static String describe(RightsRequest r) {
        return r.right() + (r.identityVerified() ? ", identity verified" : ", identity not verified")
                + (r.refusalGrounds().isEmpty() ? "" : ", ground " + r.refusalGrounds().get(0))
                + (r.erasureGrounds().isEmpty() ? "" : ", erasure ground " + r.erasureGrounds().get(0))
                + (r.repeated() ? ", repeated" : "");
    }
}
