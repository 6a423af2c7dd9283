package io.privacyrules.internal.engine;

import io.privacyrules.Decision;
import io.privacyrules.Effect;
import io.privacyrules.Obligation;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RetentionAction;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Several packs deciding together: a company's policy and the law it lives under, say. Requests
 * are written in the first pack's identifiers; every other layer sees them through a
 * {@link Translation}. How the answers combine:
 * <ul>
 *   <li>processing: deny overrides across layers. A request is permitted only when every layer
 *       permits it; the reasons of a deny are every denying layer's, those of a permit every
 *       layer's; the obligations are the union, in layer order.</li>
 *   <li>data-subject requests: the controller is bound by each layer, so the request is fulfilled
 *       when any layer that declares rights fulfils it (by the earliest day any of them sets for an
 *       answer, a refusing layer's included), the
 *       identity is verified first when any of them asks, and it is refused only when all refuse.
 *       An invalid request or a failing rule in any layer refuses, as in one pack.</li>
 *   <li>retention: a deletion cannot be undone, so the record is retained when any layer that
 *       answers retains it, until the latest day; a layer in which no rule answers is not asked.</li>
 * </ul>
 * Every reason names its pack. Immutable and thread-safe.
 */
public final class Layers implements Decider {
    private final List<Engine> engines;
    /** {@code translations.get(i)} is for {@code engines.get(i + 1)}. */
    private final List<Translation> translations;
    private final PolicyInfo info;

    public Layers(List<Engine> engines, List<Translation> translations) {
        if (engines.size() < 2 || translations.size() != engines.size() - 1) {
            throw new IllegalArgumentException("layers need two engines or more and a translation for each but the first");
        }
        this.engines = List.copyOf(engines);
        this.translations = List.copyOf(translations);
        this.info = combined(this.engines);
    }

    /** One identification of all layers: ids and versions joined with '+', the latest effective day. */
    static PolicyInfo combined(List<Engine> engines) {
        List<PolicyInfo> all = engines.stream().map(Engine::info).toList();
        String join = "+";
        return new PolicyInfo(all.stream().map(PolicyInfo::id).collect(Collectors.joining(join)),
                all.stream().map(PolicyInfo::version).collect(Collectors.joining(join)),
                all.stream().map(PolicyInfo::effective).max(Comparator.naturalOrder()).orElseThrow(),
                all.stream().map(PolicyInfo::title).collect(Collectors.joining(", under ")),
                all.get(0).jurisdiction(),
                all.stream().map(PolicyInfo::revision).collect(Collectors.joining(join)));
    }

    @Override
    public PolicyInfo info() {
        return info;
    }

    @Override
    public Engine primary() {
        return engines.get(0);
    }

    @Override
    public List<Engine> engines() {
        return engines;
    }

    /** The translation into layer {@code i} (from 1). */
    public Translation translation(int i) {
        return translations.get(i - 1);
    }

    // ---- processing -----------------------------------------------------------------------------

    @Override
    public Decision decide(ProcessingRequest request) {
        try {
            Engine.Evaluation first = primary().evaluate(request);
            if (first.made() != null && isError(first.made().reasons())) {
                Decision d = first.made();
                return new Decision(d.effect(), d.reasons(), d.obligations(), info);
            }
            Engine.Evaluation[] all = new Engine.Evaluation[engines.size()];
            all[0] = first;
            for (int i = 1; i < all.length; i++) {
                all[i] = engines.get(i).evaluate(translations.get(i - 1).translate(request));
            }
            return combine(all);
        } catch (RuntimeException e) {
            return new Decision(Effect.DENY, List.of(failure()), List.of(), info);
        }
    }

    /**
     * Deny overrides: the reasons of every layer that denies, else every layer's reasons and the
     * union of the obligations. A layer's reasons are written out only when they are given.
     */
    private Decision combine(Engine.Evaluation[] all) {
        // indexed loops and arrays: a layered decision allocates only what it returns
        boolean denied = false;
        for (Engine.Evaluation e : all) {
            denied |= e.denies();
        }
        Decision[] decisions = new Decision[all.length];
        int given = 0;
        for (Engine.Evaluation e : all) {
            if (!denied || e.denies()) {
                decisions[given++] = e.decision();
            }
        }
        for (int i = 0; i < given; i++) {
            // a layer that failed while its decision was written out denies
            denied |= !decisions[i].permitted();
        }
        int count = 0;
        for (int i = 0; i < given; i++) {
            count += !denied || !decisions[i].permitted() ? decisions[i].reasons().size() : 0;
        }
        Reason[] reasons = new Reason[count];
        int n = 0;
        for (int i = 0; i < given; i++) {
            Decision d = decisions[i];
            if (!denied || !d.permitted()) {
                List<Reason> rs = d.reasons();
                for (int k = 0, m = rs.size(); k < m; k++) {
                    reasons[n++] = rs.get(k);
                }
            }
        }
        if (denied) {
            return new Decision(Effect.DENY, List.of(reasons), List.of(), info);
        }
        List<Obligation> obligations = List.of();
        int giving = 0;
        for (int i = 0; i < given; i++) {
            if (!decisions[i].obligations().isEmpty()) {
                obligations = decisions[i].obligations();
                giving++;
            }
        }
        if (giving > 1) {
            Map<String, Obligation> byId = new LinkedHashMap<>();
            for (int i = 0; i < given; i++) {
                decisions[i].obligations().forEach(o -> byId.putIfAbsent(o.id(), o));
            }
            obligations = List.copyOf(byId.values());
        }
        return new Decision(Effect.PERMIT, List.of(reasons), obligations, info);
    }

    // ---- data-subject requests ------------------------------------------------------------------

    @Override
    public RightsDecision decide(RightsRequest request, LocalDate today) {
        try {
            RightsDecision first = primary().decide(request, today);
            if (isError(first.reasons())) {
                return relabel(first);
            }
            List<RightsDecision> speaking = new ArrayList<>();
            List<Engine> speakers = new ArrayList<>();
            if (!primary().pack().rights().requests().isEmpty()) {
                speaking.add(first);
                speakers.add(primary());
            }
            for (int i = 1; i < engines.size(); i++) {
                Translation t = translations.get(i - 1);
                if (t.targetDecidesRights()) {
                    RightsDecision d = engines.get(i).decide(t.translate(request), today);
                    if (isError(d.reasons())) {
                        return relabel(d);
                    }
                    speaking.add(d);
                    speakers.add(engines.get(i));
                }
            }
            if (speaking.isEmpty()) {
                return relabel(first);
            }
            return combineRights(speaking, speakers);
        } catch (RuntimeException e) {
            return new RightsDecision(Outcome.REFUSE, null, List.of(failure()), List.of(), info);
        }
    }

    private RightsDecision combineRights(List<RightsDecision> speaking, List<Engine> speakers) {
        Outcome chosen;
        if (speaking.stream().allMatch(d -> d.outcome() == Outcome.REFUSE)) {
            chosen = Outcome.REFUSE;
        } else if (speaking.stream().anyMatch(d -> d.outcome() == Outcome.VERIFY_IDENTITY)) {
            chosen = Outcome.VERIFY_IDENTITY;
        } else {
            chosen = Outcome.FULFIL;
        }
        LocalDate respondBy = null;
        if (chosen != Outcome.VERIFY_IDENTITY) {
            // every layer's deadline to answer binds, also that of a layer whose own answer was a refusal
            respondBy = speaking.stream().map(RightsDecision::respondBy).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
        // The answer is extended only when a layer that sets the binding day extended its own deadline.
        // Otherwise a layer's extension (a refusal one layer may extend and another may not) is moot,
        // and its reason and its duty to tell the subject of the extension would contradict respondBy.
        LocalDate binding = respondBy;
        boolean extended = binding != null && speaking.stream().anyMatch(d -> binding.equals(d.respondBy())
                && d.reasons().stream().anyMatch(r -> Engine.DEADLINE_EXTENDED.equals(r.code())));
        List<Reason> reasons = new ArrayList<>();
        Map<String, Obligation> obligations = new LinkedHashMap<>();
        for (int i = 0; i < speaking.size(); i++) {
            RightsDecision d = speaking.get(i);
            if (d.outcome() != chosen) {
                continue;
            }
            boolean moot = !extended && binding != null && d.respondBy() != null && d.respondBy().isAfter(binding);
            Set<String> extensionDuties = moot ? extensionDuties(speakers.get(i)) : Set.of();
            d.reasons().stream().filter(r -> !moot || !Engine.DEADLINE_EXTENDED.equals(r.code())).forEach(reasons::add);
            if (chosen != Outcome.VERIFY_IDENTITY) {
                // a fulfilment's obligations, or a refusal's (such as telling the subject how to complain)
                d.obligations().stream().filter(o -> !extensionDuties.contains(o.id()))
                        .forEach(o -> obligations.putIfAbsent(o.id(), o));
            }
        }
        return new RightsDecision(chosen, respondBy, reasons, List.copyOf(obligations.values()), info);
    }

    /** The duties a pack attaches to an extension of a deadline, and to no right itself. */
    private static Set<String> extensionDuties(Engine engine) {
        Set<String> own = engine.pack().rights().requests().values().stream()
                .flatMap(r -> r.obligations().stream()).collect(Collectors.toSet());
        return engine.pack().rights().requests().values().stream()
                .filter(r -> r.extension() != null).flatMap(r -> r.extension().obligations().stream())
                .filter(o -> !own.contains(o)).collect(Collectors.toSet());
    }

    private RightsDecision relabel(RightsDecision d) {
        return new RightsDecision(d.outcome(), d.respondBy(), d.reasons(), d.obligations(), info);
    }

    // ---- retention ------------------------------------------------------------------------------

    @Override
    public RetentionDecision decide(RetentionQuery query, LocalDate today) {
        try {
            RetentionDecision first = primary().decide(query, today);
            if (isError(first.reasons())) {
                return relabel(first);
            }
            List<RetentionDecision> speaking = new ArrayList<>();
            if (!silent(first)) {
                speaking.add(first);
            }
            for (int i = 1; i < engines.size(); i++) {
                RetentionDecision d = engines.get(i).decide(translations.get(i - 1).translate(query, today), today);
                if (isError(d.reasons())) {
                    return relabel(d);
                }
                if (!silent(d)) {
                    speaking.add(d);
                }
            }
            if (speaking.isEmpty()) {
                return relabel(first);
            }
            List<RetentionDecision> retains = speaking.stream().filter(d -> !d.dispose()).toList();
            List<Reason> reasons = new ArrayList<>();
            if (retains.isEmpty()) {
                speaking.forEach(d -> reasons.addAll(d.reasons()));
                return new RetentionDecision(RetentionAction.DISPOSE, null, reasons, info);
            }
            retains.forEach(d -> reasons.addAll(d.reasons()));
            LocalDate until = retains.stream().anyMatch(d -> d.until() == null) ? null
                    : retains.stream().map(RetentionDecision::until).max(Comparator.naturalOrder()).orElse(null);
            return new RetentionDecision(RetentionAction.RETAIN, until, reasons, info);
        } catch (RuntimeException e) {
            return new RetentionDecision(RetentionAction.RETAIN, null, List.of(failure()), info);
        }
    }

    private RetentionDecision relabel(RetentionDecision d) {
        return new RetentionDecision(d.action(), d.until(), d.reasons(), info);
    }

    /** No rule of the layer answered: it has nothing to say about retention. */
    private static boolean silent(RetentionDecision d) {
        return d.reasons().size() == 1 && d.reasons().get(0).code().equals(Engine.NO_DISPOSAL_RULE);
    }

    // ---- shared ---------------------------------------------------------------------------------

    private static final Set<String> ERRORS = Set.of(Engine.INVALID_REQUEST, Engine.INTERNAL_ERROR);

    private static boolean isError(List<Reason> reasons) {
        for (int i = 0, n = reasons.size(); i < n; i++) {
            Reason r = reasons.get(i);
            if (ERRORS.contains(r.code()) && r.rule().equals(Engine.ENGINE_RULE)) {
                return true;
            }
        }
        return false;
    }

    private Reason failure() {
        Engine p = primary();
        return new Reason(Engine.INTERNAL_ERROR, p.pack().defaults().denyClause(),
                "The layers could not be combined; the safe answer is given.", Engine.ENGINE_RULE, p.info().id());
    }
}
