package io.privacyrules.internal.engine;

import io.privacyrules.Decision;
import io.privacyrules.Effect;
import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.Outcome;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionAction;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.Reason;
import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.drl.Retention;
import io.privacyrules.internal.drl.Rights;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackCompiler;
import io.privacyrules.internal.pack.WorkingCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides requests against one compiled pack. Immutable and thread-safe: every decision runs in
 * its own short-lived KieSession over the shared KieBase.
 */
public final class Engine implements Decider {
    private static final Logger LOG = LoggerFactory.getLogger("io.privacyrules.engine");
    /** Most rule firings one decision may take before it is cut off as an internal error. */
    static final int MAX_FIRINGS = 10_000;
    /**
     * Longest one decision's rules may run before it is cut off as an internal error. A decision
     * takes microseconds; the limit is there for a rule that runs away, and is generous so that a
     * garbage-collection pause, a machine under heavy load or the first decisions' warm-up do not
     * turn into a refusal (1 s was seen to be exceeded once on an overloaded 2-core machine).
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    static final String ENGINE_RULE = "engine";
    static final String INVALID_REQUEST = "invalid-request";
    static final String INTERNAL_ERROR = "internal-error";
    /** The reason of a retention query no rule answered. */
    static final String NO_DISPOSAL_RULE = "no-disposal-rule";
    /** The reason of a rights request no rule answered. */
    static final String NO_RULE_ANSWERED = "no-rule-answered";
    /** The reason added to a deadline counted across years the working-day calendar does not list. */
    static final String CALENDAR_INCOMPLETE = "calendar-incomplete";
    /** The reason a deadline the host extended carries. */
    static final String DEADLINE_EXTENDED = "deadline-extended";
    /**
     * Every reason code the engine gives by itself, whatever the pack: with the pack's default deny
     * code ({@code defaults.deny.code}), the codes a decision may carry beside the pack's own rules'.
     */
    public static final java.util.Set<String> ENGINE_CODES = java.util.Set.of(INVALID_REQUEST, INTERNAL_ERROR,
            NO_DISPOSAL_RULE, NO_RULE_ANSWERED, CALENDAR_INCOMPLETE, DEADLINE_EXTENDED);

    private final PackCompiler.Compiled compiled;
    private final Pack pack;
    private final Map<String, RuleMeta> rules;
    private final RuleMeta[] byOrdinal;
    private final KieSessionsPool sessions;
    private final List<Obligation> obligationOrder;
    private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();
    private final long timeLimitNanos;

    public Engine(PackCompiler.Compiled compiled) {
        this(compiled, TIME_LIMIT);
    }

    /** An engine whose decisions are cut off, and fail closed, after {@code timeLimit}. */
    public Engine(PackCompiler.Compiled compiled, Duration timeLimit) {
        this.timeLimitNanos = timeLimit.toNanos();
        this.compiled = compiled;
        this.pack = compiled.pack();
        this.rules = compiled.rules();
        this.byOrdinal = compiled.byOrdinal();
        this.sessions = compiled.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.obligationOrder = List.copyOf(pack.obligations().values());
    }

    @Override
    public PolicyInfo info() {
        return pack.info();
    }

    @Override
    public Engine primary() {
        return this;
    }

    @Override
    public List<Engine> engines() {
        return List.of(this);
    }

    public Pack pack() {
        return pack;
    }

    /** The compiled pack this engine decides with. */
    public PackCompiler.Compiled compiled() {
        return compiled;
    }

    /** Every compiled rule, by DRL name. */
    public Map<String, RuleMeta> rules() {
        return rules;
    }

    /** Never throws: every failure is a deny with a reason. */
    public Decision decide(ProcessingRequest request) {
        return decide(request, Verdict.Trace.NONE);
    }

    /** As {@link #decide(ProcessingRequest)}, telling {@code trace} of every rule that fires. */
    public Decision decide(ProcessingRequest request, Verdict.Trace trace) {
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
            verdict = new Verdict(pack, byOrdinal, fact, Verdict.Kind.PROCESSING).traced(trace);
            run(fact, verdict);
            return assemble(verdict);
        } catch (Throwable t) {
            logFailure(verdict, t);
            return new Decision(Effect.DENY, List.of(failure(verdict)), List.of(), pack.info());
        }
    }

    /**
     * Runs the rules over one fact in a session from the pool (a disposed pooled session is reset
     * and reused); throws when the rules do not settle.
     */
    private void run(Object fact, Verdict verdict) {
        long start = System.nanoTime();
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal("out", verdict);
            session.insert(fact);
            int fired = session.fireAllRules(match -> {
                if (System.nanoTime() - start > timeLimitNanos) {
                    throw new IllegalStateException("the rules ran longer than the time limit");
                }
                return true;
            }, MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + MAX_FIRINGS + " times without settling");
            }
            if (System.nanoTime() - start > timeLimitNanos) {
                throw new IllegalStateException("the rules ran longer than the time limit");
            }
        } finally {
            session.dispose();
        }
    }

    private void logFailure(Verdict verdict, Throwable t) {
        RuleMeta rule = verdict == null ? null : verdict.current();
        if (rule != null && loggedFailures.add(rule.name())) {
            LOG.error("rule {} (clause {}) of pack {} failed: {}; its decisions fail closed",
                    rule.name(), rule.clause(), pack.info().id(), t.getClass().getName());
        } else if (rule == null && loggedFailures.add("")) {
            LOG.error("a decision of pack {} failed outside any rule: {}", pack.info().id(), t.getClass().getName());
        }
    }

    private Reason failure(Verdict verdict) {
        RuleMeta rule = verdict == null ? null : verdict.current();
        String message = rule != null
                ? "Rule " + rule.id() + " (clause " + rule.clause() + ") failed while deciding; the safe answer is given."
                : "The decision could not be completed; the safe answer is given.";
        return new Reason(INTERNAL_ERROR, rule != null ? rule.clause() : pack.defaults().denyClause(), message, ENGINE_RULE, pack.info().id());
    }

    private List<Reason> invalidReasons(List<String> problems) {
        String clause = pack.defaults().invalidClause();
        List<Reason> reasons = new ArrayList<>(problems.size());
        for (String p : problems) {
            reasons.add(new Reason(INVALID_REQUEST, clause, "The request is not valid for this policy: " + p + ".", ENGINE_RULE, pack.info().id()));
        }
        return reasons;
    }

    // ---- data-subject requests ----------------------------------------------------------------

    /**
     * Decides a data-subject request. Never throws: an invalid request or a failing rule is a
     * refusal with reason code invalid-request or internal-error (the host's error to fix).
     */
    public RightsDecision decide(RightsRequest request, LocalDate today) {
        return decide(request, today, Verdict.Trace.NONE);
    }

    /** As {@link #decide(RightsRequest, LocalDate)}, telling {@code trace} of every rule that fires. */
    public RightsDecision decide(RightsRequest request, LocalDate today, Verdict.Trace trace) {
        Verdict verdict = null;
        try {
            if (request == null) {
                return refused(invalidReasons(List.of("no request was given")));
            }
            List<String> problems = RequestCheck.problems(pack, request);
            if (!problems.isEmpty()) {
                return refused(invalidReasons(problems));
            }
            LocalDate received = request.receivedOn() != null ? request.receivedOn() : today;
            verdict = new Verdict(pack, byOrdinal, null, Verdict.Kind.RIGHTS).traced(trace);
            run(new Rights(pack, request, received), verdict);
            return assembleRights(verdict, pack.rights().requests().get(request.right()), received, request);
        } catch (Throwable t) {
            logFailure(verdict, t);
            return refused(List.of(failure(verdict)));
        }
    }

    private RightsDecision refused(List<Reason> reasons) {
        return new RightsDecision(Outcome.REFUSE, null, reasons, List.of(), pack.info());
    }

    private static boolean extended(Pack.RightDef right, RightsRequest request) {
        return request.extended() && right.extension() != null;
    }

    /**
     * The last day to respond: the day of receipt plus the right's deadline (calendar periods with
     * java.time's end-of-month rule: 31 January plus one month is the last day of February, or
     * working days of the rights calendar), then the extension when claimed, counted from the end
     * of the first period; a calendar-day deadline that falls on a non-working day moves to the
     * next working day when the pack says so.
     */
    private LocalDate deadline(Pack.RightDef right, LocalDate received, boolean extended, List<Reason> reasons) {
        boolean[] uncovered = {false};
        WorkingCalendar calendar = pack.rights().calendar();
        LocalDate day;
        if (right.workingDays()) {
            day = calendar.addWorkingDays(received, right.within().getDays(), uncovered);
            if (extended) {
                day = calendar.addWorkingDays(day, right.extension().within().getDays(), uncovered);
            }
        } else {
            day = received.plus(right.within());
            if (extended) {
                day = day.plus(right.extension().within());
            }
            if (pack.rights().rollToWorkingDay() && calendar != null) {
                day = calendar.onOrAfter(day, uncovered);
            }
        }
        if (uncovered[0]) {
            reasons.add(new Reason(CALENDAR_INCOMPLETE, right.clause(), "The working-day calendar "
                    + calendar.id() + " does not list the holidays and make-up working days of "
                    + "every year the deadline crosses; there only weekends were skipped, so the true deadline "
                    + "may differ by a few days.", ENGINE_RULE, pack.info().id()));
        }
        if (extended) {
            reasons.add(new Reason(DEADLINE_EXTENDED, right.extension().clause(), "The deadline is extended by "
                    + right.extension().within() + " after the first " + right.within() + ".", ENGINE_RULE, pack.info().id()));
        }
        return day;
    }

    private RightsDecision assembleRights(Verdict v, Pack.RightDef right, LocalDate received, RightsRequest request) {
        if (v.answers().isEmpty()) {
            return refused(List.of(new Reason(NO_RULE_ANSWERED, right.clause(),
                    "No rule of the pack answers a request to exercise " + right.id() + ".", ENGINE_RULE, pack.info().id())));
        }
        int first = v.answers().stream().mapToInt(Verdict.Answer::step).min().getAsInt();
        List<Verdict.Answer> decisive = v.answers().stream().filter(a -> a.step() == first).toList();
        Outcome outcome = decisive.stream().anyMatch(a -> a.outcome().equals("refuse")) ? Outcome.REFUSE
                : decisive.stream().anyMatch(a -> a.outcome().equals("verify-identity")) ? Outcome.VERIFY_IDENTITY
                : Outcome.FULFIL;
        List<Reason> reasons = new ArrayList<>();
        decisive.stream().filter(a -> a.outcome().equals(outcome.id()))
                .sorted(Comparator.comparingInt((Verdict.Answer a) -> a.rule().ordinal()).thenComparing(Verdict.Answer::clause))
                .forEach(a -> reasons.add(new Reason(a.code(), a.clause(), a.message(), a.rule().id(), pack.info().id())));
        LocalDate respondBy = null;
        // An extension the pack keeps from refusals (refusals: false) does not apply to one.
        boolean extended = extended(right, request) && (outcome != Outcome.REFUSE || right.extension().refusals());
        if (outcome != Outcome.VERIFY_IDENTITY && right.within() != null) {
            respondBy = deadline(right, received, extended, reasons);
        }
        List<Obligation> obligations = new ArrayList<>();
        // Which obligations come with the answer, each with the clause it cites.
        Map<String, String> clauses = new java.util.HashMap<>();
        if (outcome == Outcome.FULFIL) {
            right.obligations().forEach(o -> clauses.put(o, right.clause()));
            v.obligations().forEach(clauses::putIfAbsent);
        } else if (outcome == Outcome.REFUSE) {
            for (String o : pack.rights().refusalObligations()) {
                clauses.putIfAbsent(o, pack.obligations().get(o).clause());
            }
        }
        if (extended && outcome != Outcome.VERIFY_IDENTITY) {
            right.extension().obligations().forEach(o -> clauses.putIfAbsent(o, right.extension().clause()));
        }
        for (Obligation o : obligationOrder) {
            String clause = clauses.get(o.id());
            if (clause != null) {
                obligations.add(new Obligation(o.id(), clause, o.description()));
            }
        }
        return new RightsDecision(outcome, respondBy, reasons, obligations, pack.info());
    }

    // ---- retention ------------------------------------------------------------------------------

    /**
     * Decides whether a record may still be kept. Never throws: an invalid query or a failing rule
     * is a retain (the reversible answer) with reason code invalid-request or internal-error.
     */
    public RetentionDecision decide(RetentionQuery query, LocalDate today) {
        return decide(query, today, Verdict.Trace.NONE);
    }

    /** As {@link #decide(RetentionQuery, LocalDate)}, telling {@code trace} of every rule that fires. */
    public RetentionDecision decide(RetentionQuery query, LocalDate today, Verdict.Trace trace) {
        Verdict verdict = null;
        try {
            if (query == null) {
                return retained(invalidReasons(List.of("no query was given")));
            }
            List<String> problems = RequestCheck.problems(pack, query);
            if (!problems.isEmpty()) {
                return retained(invalidReasons(problems));
            }
            verdict = new Verdict(pack, byOrdinal, null, Verdict.Kind.RETENTION).traced(trace);
            run(new Retention(pack, query, query.asOf() != null ? query.asOf() : today), verdict);
            return assembleRetention(verdict);
        } catch (Throwable t) {
            logFailure(verdict, t);
            return retained(List.of(failure(verdict)));
        }
    }

    private RetentionDecision retained(List<Reason> reasons) {
        return new RetentionDecision(RetentionAction.RETAIN, null, reasons, pack.info());
    }

    private RetentionDecision assembleRetention(Verdict v) {
        List<Verdict.Keep> retains = v.keeps().stream().filter(Verdict.Keep::retain).toList();
        List<Verdict.Keep> chosen = retains.isEmpty() ? v.keeps() : retains;
        if (chosen.isEmpty()) {
            return retained(List.of(new Reason(NO_DISPOSAL_RULE, pack.defaults().denyClause(),
                    "No rule of the pack says the record may be disposed of, so it is kept.", ENGINE_RULE, pack.info().id())));
        }
        List<Reason> reasons = chosen.stream()
                .sorted(Comparator.comparingInt((Verdict.Keep k) -> k.rule().ordinal()).thenComparing(Verdict.Keep::code))
                .map(k -> new Reason(k.code(), k.clause(), k.message(), k.rule().id(), pack.info().id()))
                .toList();
        if (retains.isEmpty()) {
            return new RetentionDecision(RetentionAction.DISPOSE, null, reasons, pack.info());
        }
        LocalDate until = retains.stream().anyMatch(k -> k.until() == null) ? null
                : retains.stream().map(Verdict.Keep::until).max(Comparator.naturalOrder()).orElse(null);
        return new RetentionDecision(RetentionAction.RETAIN, until, reasons, pack.info());
    }

    // ---- processing -----------------------------------------------------------------------------

    private Decision assemble(Verdict v) {
        if (!v.denies().isEmpty()) {
            return new Decision(Effect.DENY, reasons(v, v.denies()), List.of(), pack.info());
        }
        if (v.permits().isEmpty()) {
            Pack.Defaults d = pack.defaults();
            return new Decision(Effect.DENY, List.of(new Reason(d.denyCode(), d.denyClause(), v.render(d.denyMessage()), ENGINE_RULE, pack.info().id())),
                    List.of(), pack.info());
        }
        List<Obligation> obligations = new ArrayList<>(v.obligations().size());
        for (Obligation o : obligationOrder) {
            String clause = v.obligations().get(o.id());
            if (clause != null) {
                obligations.add(new Obligation(o.id(), clause, o.description()));
            }
        }
        return new Decision(Effect.PERMIT, reasons(v, v.permits()), obligations, pack.info());
    }

    private static List<Reason> reasons(Verdict v, List<Verdict.Said> said) {
        List<Verdict.Said> sorted = said;
        if (said.size() > 1) {
            sorted = new ArrayList<>(said);
            sorted.sort(REASON_ORDER);
        }
        List<Reason> out = new ArrayList<>(sorted.size());
        for (Verdict.Said s : sorted) {
            out.add(new Reason(s.code(), s.rule().clause(), v.render(s.message()), s.rule().id(), v.packId()));
        }
        return out;
    }

    private static final Comparator<Verdict.Said> REASON_ORDER =
            Comparator.comparingInt((Verdict.Said s) -> s.rule().ordinal()).thenComparing(Verdict.Said::code);

    private Decision invalid(List<String> problems) {
        return new Decision(Effect.DENY, invalidReasons(problems), List.of(), pack.info());
    }
}
