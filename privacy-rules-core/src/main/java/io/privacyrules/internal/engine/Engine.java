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
 * Decides requests against one compiled pack. Immutable and thread-safe.
 *
 * <p>A processing decision evaluates the pack's YAML rules as predicates over the request's
 * {@link Features} ({@link YamlRules}), and asks Drools only when a rule of the pack's DRL files
 * may fire on the request: one of the DRL rules that can fire on a Request has all the boolean
 * properties it tests at the top of its pattern ({@code child}, {@code !guardianConsent}) as the
 * request has them, or tests none. Data-subject requests and retention queries are decided by the
 * DRL rules. Drools runs in sessions kept for reuse ({@link Sessions}) over one KieBase per
 * engine, with a limit on the firings and on the time of a decision; a failure is a refusal.
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
    private final List<Obligation> obligationOrder;
    private final Set<String> loggedFailures = ConcurrentHashMap.newKeySet();
    private final long timeLimitNanos;
    /** Sessions as a host's engine keeps them; null for the reference path. */
    private final Sessions sessions;
    /** Drools' own pool, as the engine used before (the reference path of the differential test); else null. */
    private final KieSessionsPool referencePool;
    private final PackIndex index;
    private final YamlRules yaml;
    /**
     * When a processing decision needs Drools: DRL rule i that can fire on a Request needs the
     * flags gateSet[i] set and gateClear[i] clear. Null when some such rule tests no flag (Drools
     * runs for every request); empty when no DRL rule can fire on a Request.
     */
    private final long[] gateSet;
    private final long[] gateClear;
    /** The salience of each DRL rule by ordinal (0 for YAML rules), for the order of a trace. */
    private final int[] salience;
    /** The place of each DRL rule in its file, by ordinal. */
    private final int[] loadOrder;
    /** Whether a DRL rule may fire on a Rights fact, on a Retention fact. */
    private final boolean rightsRules;
    private final boolean retentionRules;
    /** The message of the pack's default deny; null for the reference path. */
    private final Template defaultDeny;

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
        this.obligationOrder = List.copyOf(pack.obligations().values());
        this.salience = new int[byOrdinal.length];
        this.loadOrder = new int[byOrdinal.length];
        compiled.drl().forEach(d -> {
            salience[d.ordinal()] = d.salience();
            loadOrder[d.ordinal()] = d.loadOrder();
        });
        this.rightsRules = compiled.drl().stream().anyMatch(d -> d.canFireOn("Rights"));
        this.retentionRules = compiled.drl().stream().anyMatch(d -> d.canFireOn("Retention"));
        if (compiled.yamlRulesInDrools()) {
            this.referencePool = compiled.kieBase().newKieSessionsPool(Runtime.getRuntime().availableProcessors());
            this.sessions = null;
            this.index = null;
            this.yaml = null;
            this.gateSet = null;
            this.gateClear = null;
            this.defaultDeny = null;
            return;
        }
        this.referencePool = null;
        boolean anchored = compiled.drl().stream().noneMatch(d -> d.facts().isEmpty());
        this.sessions = new Sessions(compiled.kieBase(), anchored);
        this.index = new PackIndex(pack);
        this.yaml = new YamlRules(index, obligationOrder);
        this.defaultDeny = Template.of(pack.defaults().denyMessage(), pack.children().under());
        List<long[]> gates = new ArrayList<>();
        boolean always = false;
        for (PackCompiler.DrlRule d : compiled.drl()) {
            if (!d.canFireOn("Request")) {
                continue;
            }
            long set = 0;
            long clear = 0;
            for (String p : d.mustHold()) {
                set |= Features.FLAGS.getOrDefault(p, 0L);
            }
            for (String p : d.mustFail()) {
                clear |= Features.FLAGS.getOrDefault(p, 0L);
            }
            always |= set == 0 && clear == 0;
            gates.add(new long[] {set, clear});
        }
        this.gateSet = always ? null : gates.stream().mapToLong(g -> g[0]).toArray();
        this.gateClear = always ? null : gates.stream().mapToLong(g -> g[1]).toArray();
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
        return (Decision) evaluate(request, trace, true);
    }

    /**
     * A processing decision whose effect is known and whose reasons and obligations are written
     * out (messages rendered) only when {@link #decision()} asks: layers need the reasons of the
     * layers that deny only. Not thread-safe; one per decision.
     */
    final class Evaluation {
        private Decision decision;
        private final Features features;
        private final long[] fired;
        private final Verdict verdict;
        private final boolean denies;

        private Evaluation(Decision decision) {
            this.decision = decision;
            this.features = null;
            this.fired = null;
            this.verdict = null;
            this.denies = !decision.permitted();
        }

        private Evaluation(Features features, long[] fired, Verdict verdict, boolean denies) {
            this.features = features;
            this.fired = fired;
            this.verdict = verdict;
            this.denies = denies;
        }

        /** True when the decision is a deny. */
        boolean denies() {
            return denies;
        }

        /** The decision when it was made whole already (an invalid request, a failure), else null. */
        Decision made() {
            return decision;
        }

        /** The decision; never throws (a failure to write it out is an internal error). */
        Decision decision() {
            if (decision == null) {
                try {
                    decision = assemble(features, fired, verdict);
                } catch (Throwable t) {
                    logFailure(verdict, t);
                    decision = new Decision(Effect.DENY, List.of(failure(verdict)), List.of(), pack.info());
                }
            }
            return decision;
        }
    }

    /** Decides {@code request} up to its effect; never throws. */
    Evaluation evaluate(ProcessingRequest request) {
        Object e = evaluate(request, Verdict.Trace.NONE, false);
        return e instanceof Decision d ? new Evaluation(d) : (Evaluation) e;
    }

    /**
     * The decision on {@code request} when {@code whole}; else, unless the decision was made whole
     * on the way (an invalid request, a failure), its {@link Evaluation}.
     */
    private Object evaluate(ProcessingRequest request, Verdict.Trace trace, boolean whole) {
        if (yaml == null) {
            return referenceDecide(request, trace);
        }
        Verdict verdict = null;
        try {
            if (request == null) {
                return invalid(List.of("no request was given"));
            }
            Features f = Features.of(index, request);
            if (f == null) {
                List<String> problems = RequestCheck.problems(pack, request);
                if (problems.isEmpty()) {
                    throw new IllegalStateException("the request check and the pack's index disagree");
                }
                return invalid(problems);
            }
            long start = System.nanoTime();
            long[] fired = yaml.fire(f);
            List<RuleMeta> drlFired = null;
            if (needsDrools(f)) {
                Request fact = new Request(pack, request);
                drlFired = trace == Verdict.Trace.NONE ? null : new ArrayList<>();
                verdict = new Verdict(pack, byOrdinal, fact, Verdict.Kind.PROCESSING)
                        .traced(drlFired == null ? Verdict.Trace.NONE : drlFired::add);
                try {
                    run(fact, verdict, start);
                } finally {
                    tell(trace, fired, drlFired);
                }
            } else {
                tell(trace, fired, null);
            }
            if (System.nanoTime() - start > timeLimitNanos) {
                throw new IllegalStateException("the rules ran longer than the time limit");
            }
            return whole ? assemble(f, fired, verdict) : new Evaluation(f, fired, verdict, denies(fired, verdict));
        } catch (Throwable t) {
            logFailure(verdict, t);
            return new Decision(Effect.DENY, List.of(failure(verdict)), List.of(), pack.info());
        }
    }

    /** True when the rules that fired make a deny: one denies, or none permits. */
    private boolean denies(long[] fired, Verdict v) {
        if (v != null && !v.denies().isEmpty()) {
            return true;
        }
        boolean permits = v != null && !v.permits().isEmpty();
        YamlRules.Rule[] rules = yaml.rules;
        for (int w = 0; w < fired.length; w++) {
            for (long bits = fired[w]; bits != 0; bits &= bits - 1) {
                Pack.Effect e = rules[(w << 6) + Long.numberOfTrailingZeros(bits)].def.effect();
                if (e == Pack.Effect.DENY) {
                    return true;
                }
                permits |= e == Pack.Effect.PERMIT;
            }
        }
        return !permits;
    }

    private static final int RIGHTS = 0;
    private static final int RETENTION = 1;

    /**
     * True when a rule of the pack's DRL files may fire on a fact of this kind; when none can, the
     * rules are not run (the reference path always runs them).
     */
    private boolean drlFor(int kind) {
        return sessions == null || (kind == RIGHTS ? rightsRules : retentionRules);
    }

    /** True when a rule of the pack's DRL files may fire on the request. */
    private boolean needsDrools(Features f) {
        if (gateSet == null) {
            return true;
        }
        long flags = f.flags;
        for (int i = 0; i < gateSet.length; i++) {
            if ((flags & gateSet[i]) == gateSet[i] && (flags & gateClear[i]) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells {@code trace} of the rules that fired, in the order Drools fired them when it ran the
     * YAML rules too: by salience, then by place in their file (the YAML rules are one file, each
     * rule with salience 0), a DRL file's rule first on a tie.
     */
    private void tell(Verdict.Trace trace, long[] yamlFired, List<RuleMeta> drlFired) {
        if (trace == Verdict.Trace.NONE) {
            return;
        }
        int k = 0;
        int pending = drlFired == null ? 0 : drlFired.size();
        for (int w = 0; w < yamlFired.length; w++) {
            for (long bits = yamlFired[w]; bits != 0; bits &= bits - 1) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                while (k < pending && before(drlFired.get(k).ordinal(), i)) {
                    trace.fired(drlFired.get(k++));
                }
                trace.fired(byOrdinal[i]);
            }
        }
        while (k < pending) {
            trace.fired(drlFired.get(k++));
        }
    }

    /** True when Drools fires DRL rule {@code drl} (an ordinal) before YAML rule {@code yamlIndex}. */
    private boolean before(int drl, int yamlIndex) {
        return salience[drl] > 0 || salience[drl] == 0 && loadOrder[drl] <= yamlIndex;
    }

    /**
     * Runs the DRL rules over one fact; throws when the rules do not settle within the limits.
     * {@code start} is when the decision's rules began.
     */
    private void run(Object fact, Verdict verdict, long start) {
        if (sessions == null) {
            referenceRun(fact, verdict);
            return;
        }
        KieSession session = sessions.take();
        boolean clean = false;
        try {
            session.setGlobal("out", verdict);
            org.kie.api.runtime.rule.FactHandle handle = session.insert(fact);
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
            sessions.giveBack(session, handle);
            clean = true;
        } finally {
            if (!clean) {
                sessions.discard(session);
            }
        }
    }

    /**
     * The reference path: the decision as the engine made it before it evaluated YAML rules
     * itself, with every rule in Drools and a pooled session. Kept for the differential test
     * ({@code DifferentialTest}), which compares the two on every pack's scenarios and on random
     * requests; an engine takes it only when built from {@link PackCompiler#compileReference}.
     */
    private Decision referenceDecide(ProcessingRequest request, Verdict.Trace trace) {
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
            referenceRun(fact, verdict);
            return referenceAssemble(verdict);
        } catch (Throwable t) {
            logFailure(verdict, t);
            return new Decision(Effect.DENY, List.of(failure(verdict)), List.of(), pack.info());
        }
    }

    /**
     * Runs the rules over one fact in a session from the pool (a disposed pooled session is reset
     * and reused); throws when the rules do not settle. The reference path.
     */
    private void referenceRun(Object fact, Verdict verdict) {
        long start = System.nanoTime();
        KieSession session = referencePool.newKieSession();
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
            if (drlFor(RIGHTS)) {
                run(new Rights(pack, request, received), verdict, System.nanoTime());
            }
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
            if (drlFor(RETENTION)) {
                run(new Retention(pack, query, query.asOf() != null ? query.asOf() : today), verdict, System.nanoTime());
            }
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

    /**
     * The decision from the YAML rules that fired and, when Drools ran, what the DRL rules said:
     * deny overrides permit, no permit is the pack's default deny; reasons in the order of the
     * rules (YAML rules come first), obligations in the pack's order, each citing the clause of
     * the first rule that imposed it.
     */
    private Decision assemble(Features f, long[] fired, Verdict v) {
        YamlRules.Rule[] rules = yaml.rules;
        int denies = 0;
        int permits = 0;
        for (int w = 0; w < fired.length; w++) {
            for (long bits = fired[w]; bits != 0; bits &= bits - 1) {
                Pack.Effect e = rules[(w << 6) + Long.numberOfTrailingZeros(bits)].def.effect();
                denies += e == Pack.Effect.DENY ? 1 : 0;
                permits += e == Pack.Effect.PERMIT ? 1 : 0;
            }
        }
        if (v != null) {
            denies += v.denies().size();
            permits += v.permits().size();
        }
        if (denies > 0) {
            return new Decision(Effect.DENY, reasons(f, fired, Pack.Effect.DENY, denies, v == null ? null : v.denies()),
                    List.of(), pack.info());
        }
        if (permits == 0) {
            Pack.Defaults d = pack.defaults();
            return new Decision(Effect.DENY, List.of(new Reason(d.denyCode(), d.denyClause(), defaultDeny.render(index, f),
                    ENGINE_RULE, pack.info().id())), List.of(), pack.info());
        }
        return new Decision(Effect.PERMIT, reasons(f, fired, Pack.Effect.PERMIT, permits, v == null ? null : v.permits()),
                obligations(fired, v), pack.info());
    }

    /** The reasons of the rules with {@code effect}: the YAML rules' in order, then the DRL rules' sorted. */
    private List<Reason> reasons(Features f, long[] fired, Pack.Effect effect, int count, List<Verdict.Said> drl) {
        YamlRules.Rule[] rules = yaml.rules;
        Reason[] out = new Reason[count];
        int n = 0;
        for (int w = 0; w < fired.length; w++) {
            for (long bits = fired[w]; bits != 0; bits &= bits - 1) {
                YamlRules.Rule r = rules[(w << 6) + Long.numberOfTrailingZeros(bits)];
                if (r.def.effect() == effect) {
                    out[n++] = r.reason(index, f);
                }
            }
        }
        if (drl != null && !drl.isEmpty()) {
            List<Verdict.Said> sorted = drl;
            if (drl.size() > 1) {
                sorted = new ArrayList<>(drl);
                sorted.sort(REASON_ORDER);
            }
            for (Verdict.Said s : sorted) {
                out[n++] = new Reason(s.code(), s.rule().clause(), Template.of(s.message(), pack.children().under())
                        .render(index, f), s.rule().id(), pack.info().id());
            }
        }
        return n == 1 ? List.of(out[0]) : List.of(out);
    }

    /** The obligations of a permit, in the pack's order, each with the clause of the first rule that imposed it. */
    private List<Obligation> obligations(long[] fired, Verdict v) {
        YamlRules.Rule[] rules = yaml.rules;
        Obligation[] chosen = null;
        int count = 0;
        for (int w = 0; w < fired.length; w++) {
            for (long bits = fired[w]; bits != 0; bits &= bits - 1) {
                YamlRules.Rule r = rules[(w << 6) + Long.numberOfTrailingZeros(bits)];
                if (r.def.effect() == Pack.Effect.DENY || r.obligations.length == 0) {
                    continue;
                }
                if (chosen == null) {
                    chosen = new Obligation[obligationOrder.size()];
                }
                for (int k = 0; k < r.obligations.length; k++) {
                    if (chosen[r.obligationNumbers[k]] == null) {
                        chosen[r.obligationNumbers[k]] = r.obligations[k];
                        count++;
                    }
                }
            }
        }
        if (v != null && !v.obligations().isEmpty()) {
            Map<String, String> drl = v.obligations();
            for (int i = 0; i < obligationOrder.size(); i++) {
                Obligation o = obligationOrder.get(i);
                String clause = drl.get(o.id());
                if (clause != null && (chosen == null || chosen[i] == null)) {
                    if (chosen == null) {
                        chosen = new Obligation[obligationOrder.size()];
                    }
                    chosen[i] = new Obligation(o.id(), clause, o.description());
                    count++;
                }
            }
        }
        if (count == 0) {
            return List.of();
        }
        if (count == 1) {
            for (Obligation o : chosen) {
                if (o != null) {
                    return List.of(o);
                }
            }
        }
        Obligation[] out = new Obligation[count];
        int n = 0;
        for (Obligation o : chosen) {
            if (o != null) {
                out[n++] = o;
            }
        }
        return List.of(out);
    }

    /** The reference path's assembly of a decision from what the rules said. */
    private Decision referenceAssemble(Verdict v) {
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
