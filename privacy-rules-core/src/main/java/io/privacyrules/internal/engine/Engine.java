package io.privacyrules.internal.engine;

import io.privacyrules.Decision;
import io.privacyrules.Effect;
import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackCompiler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides requests against one compiled pack. Immutable and thread-safe: every decision runs in
 * its own short-lived KieSession over the shared KieBase.
 */
public final class Engine {
    private static final Logger LOG = LoggerFactory.getLogger("io.privacyrules.engine");
    /** Most rule firings one decision may take before it is cut off as an internal error. */
    static final int MAX_FIRINGS = 10_000;
    static final String ENGINE_RULE = "engine";

    private final PackCompiler.Compiled compiled;
    private final Pack pack;
    private final Map<String, RuleMeta> rules;
    private final List<Obligation> obligationOrder;
    private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();

    public Engine(PackCompiler.Compiled compiled) {
        this.compiled = compiled;
        this.pack = compiled.pack();
        this.rules = compiled.rules();
        this.obligationOrder = List.copyOf(pack.obligations().values());
    }

    public PolicyInfo info() {
        return pack.info();
    }

    public Pack pack() {
        return pack;
    }

    /** Never throws: every failure is a deny with a reason. */
    public Decision decide(ProcessingRequest request) {
        Verdict verdict = null;
        try {
            if (request == null) {
                return invalid(List.of("no request was given"));
            }
            List<String> problems = RequestCheck.problems(pack, request);
            if (!problems.isEmpty()) {
                return invalid(problems);
            }
            Request fact = new Request(pack, request);
            verdict = new Verdict(pack, pack.rules(), fact);
            KieSession session = compiled.kieBase().newKieSession();
            try {
                session.setGlobal("out", verdict);
                session.addEventListener(new Listener(verdict, rules));
                session.insert(fact);
                int fired = session.fireAllRules(MAX_FIRINGS);
                if (fired >= MAX_FIRINGS) {
                    return internalError(null, "the rules fired " + MAX_FIRINGS + " times without settling");
                }
            } finally {
                session.dispose();
            }
            return assemble(verdict);
        } catch (Throwable t) {
            RuleMeta rule = verdict == null ? null : verdict.current();
            if (rule != null && loggedFailures.add(rule.name())) {
                LOG.error("rule {} (clause {}) of pack {} failed: {}; its decisions are denied",
                        rule.name(), rule.clause(), pack.info().id(), t.getClass().getName());
            } else if (rule == null && loggedFailures.add("")) {
                LOG.error("a decision of pack {} failed outside any rule: {}", pack.info().id(), t.getClass().getName());
            }
            return internalError(rule, null);
        }
    }

    private Decision assemble(Verdict v) {
        if (!v.denies().isEmpty()) {
            return new Decision(Effect.DENY, reasons(v.denies()), List.of(), pack.info());
        }
        if (v.permits().isEmpty()) {
            Pack.Defaults d = pack.defaults();
            return new Decision(Effect.DENY, List.of(new Reason(d.denyCode(), d.denyClause(), v.render(d.denyMessage()), ENGINE_RULE)),
                    List.of(), pack.info());
        }
        List<Obligation> obligations = new ArrayList<>(v.obligations().size());
        for (Obligation o : obligationOrder) {
            String clause = v.obligations().get(o.id());
            if (clause != null) {
                obligations.add(new Obligation(o.id(), clause, o.description()));
            }
        }
        return new Decision(Effect.PERMIT, reasons(v.permits()), obligations, pack.info());
    }

    private static List<Reason> reasons(List<Verdict.Said> said) {
        List<Verdict.Said> sorted = new ArrayList<>(said);
        sorted.sort(Comparator.comparingInt((Verdict.Said s) -> s.rule().ordinal()).thenComparing(Verdict.Said::code));
        List<Reason> out = new ArrayList<>(sorted.size());
        for (Verdict.Said s : sorted) {
            out.add(new Reason(s.code(), s.rule().clause(), s.message(), s.rule().id()));
        }
        return out;
    }

    private Decision invalid(List<String> problems) {
        String clause = pack.defaults().invalidClause();
        List<Reason> reasons = new ArrayList<>(problems.size());
        for (String p : problems) {
            reasons.add(new Reason("invalid-request", clause, "The request is not valid for this policy: " + p + ".", ENGINE_RULE));
        }
        return new Decision(Effect.DENY, reasons, List.of(), pack.info());
    }

    private Decision internalError(RuleMeta rule, String why) {
        String message = rule != null
                ? "Rule " + rule.id() + " (clause " + rule.clause() + ") failed while deciding; the request is denied to be safe."
                : "The decision could not be completed" + (why == null ? "" : " (" + why + ")") + "; the request is denied to be safe.";
        String clause = rule != null ? rule.clause() : pack.defaults().denyClause();
        return new Decision(Effect.DENY, List.of(new Reason("internal-error", clause, message, ENGINE_RULE)), List.of(),
                pack.info());
    }

    /** Tells the verdict which rule is about to run its consequence. */
    private static final class Listener extends DefaultAgendaEventListener {
        private final Verdict verdict;
        private final Map<String, RuleMeta> rules;

        Listener(Verdict verdict, Map<String, RuleMeta> rules) {
            this.verdict = verdict;
            this.rules = rules;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            verdict.enter(rules.get(event.getMatch().getRule().getName()));
        }
    }
}
