package io.privacyrules.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.privacyrules.Decision;
import io.privacyrules.DecisionLog;
import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.ReloadResult;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts and times the decisions of a {@link PolicyEngine}, and counts reloads and decision-log
 * losses, in a Micrometer {@link MeterRegistry}. Plain Java: any host with a registry can use it,
 * with or without Spring.
 *
 * <pre>{@code
 * PolicyMetrics metrics = PolicyMetrics.of(registry);
 * Decision d = metrics.decide(engine, request);            // engine.decide(request), counted and timed
 * live.watch(folder, Duration.ofSeconds(30), metrics::recordReload);
 * metrics.monitor(decisionLog);                             // dropped and failed events
 * }</pre>
 *
 * <p>The meters, each named by a constant of this class:
 * <ul>
 *   <li>{@value #DECISIONS} (counter): one per decision, tagged {@code kind} ({@code processing},
 *       {@code rights}, {@code retention}), {@code outcome} ({@code permit}, {@code deny},
 *       {@code fulfil}, {@code refuse}, {@code verify-identity}, {@code retain}, {@code dispose}),
 *       {@code pack} (the deciding pack's id; layers joined with {@code +}) and {@code reason} (the
 *       code of the decision's first reason, such as {@code consent-required} or
 *       {@code invalid-request}).</li>
 *   <li>{@value #DECIDE} (timer): how long deciding took, tagged {@code kind}, {@code outcome} and
 *       {@code pack}.</li>
 *   <li>{@value #RELOADS} (counter): reloads by {@code result} ({@code swapped}, {@code rejected},
 *       {@code unchanged}), registered at zero when this object is made.</li>
 *   <li>{@value #LOG_DROPPED}, {@value #LOG_FAILED}, {@value #LOG_DELIVERED} (function counters) and
 *       {@value #LOG_PENDING} (gauge) over a monitored {@link DecisionLog}.</li>
 * </ul>
 *
 * <p>Tags carry identifiers only, never a request's data. Their number is bounded: {@code kind}
 * and {@code outcome} are fixed sets, and the {@code pack} and {@code reason} tags each keep at
 * most {@link #maxTagValues()} distinct values (reason codes come from the pack, so they are finite
 * anyway); a value seen after that many others is tagged {@value #OTHER}.
 *
 * <p>The decide methods never throw, as {@link PolicyEngine}'s do not: a failure to record is
 * ignored and the decision is returned. Thread-safe.
 */
public final class PolicyMetrics {
    /** Counter of decisions. */
    public static final String DECISIONS = "privacyrules.decisions";
    /** Timer of deciding. */
    public static final String DECIDE = "privacyrules.decide";
    /** Counter of reloads by result. */
    public static final String RELOADS = "privacyrules.reloads";
    /** Function counter over {@link DecisionLog#dropped()}. */
    public static final String LOG_DROPPED = "privacyrules.decision.log.dropped";
    /** Function counter over {@link DecisionLog#failed()}. */
    public static final String LOG_FAILED = "privacyrules.decision.log.failed";
    /** Function counter over {@link DecisionLog#delivered()}. */
    public static final String LOG_DELIVERED = "privacyrules.decision.log.delivered";
    /** Gauge over {@link DecisionLog#pending()}. */
    public static final String LOG_PENDING = "privacyrules.decision.log.pending";
    /** The tag value that stands for every value past the cap. */
    public static final String OTHER = "other";
    /** The default cap of distinct values of the {@code pack} and {@code reason} tags. */
    public static final int DEFAULT_MAX_TAG_VALUES = 100;

    private final MeterRegistry registry;
    private final int maxTagValues;
    private final Cap packs;
    private final Cap reasons;
    private final Map<DecisionKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> reloads = new ConcurrentHashMap<>();

    private PolicyMetrics(MeterRegistry registry, int maxTagValues) {
        this.registry = registry;
        this.maxTagValues = maxTagValues;
        this.packs = new Cap(maxTagValues);
        this.reasons = new Cap(maxTagValues);
        for (String result : List.of("swapped", "rejected", "unchanged")) {
            reloads.put(result, Counter.builder(RELOADS).description("Policy reloads, by result")
                    .tag("result", result).register(registry));
        }
    }

    /**
     * Metrics in {@code registry}, keeping at most {@link #DEFAULT_MAX_TAG_VALUES} values per capped tag.
     *
     * @throws NullPointerException if {@code registry} is null
     */
    public static PolicyMetrics of(MeterRegistry registry) {
        return of(registry, DEFAULT_MAX_TAG_VALUES);
    }

    /**
     * Metrics in {@code registry}, keeping at most {@code maxTagValues} distinct values of the
     * {@code pack} tag and as many of the {@code reason} tag.
     *
     * @throws NullPointerException     if {@code registry} is null
     * @throws IllegalArgumentException if {@code maxTagValues} is not positive
     */
    public static PolicyMetrics of(MeterRegistry registry, int maxTagValues) {
        Objects.requireNonNull(registry, "registry");
        if (maxTagValues < 1) {
            throw new IllegalArgumentException("maxTagValues must be positive, was " + maxTagValues);
        }
        return new PolicyMetrics(registry, maxTagValues);
    }

    /** The cap of distinct values of the {@code pack} tag, and of the {@code reason} tag. */
    public int maxTagValues() {
        return maxTagValues;
    }

    /**
     * {@code engine.decide(request)}, counted and timed. Never throws.
     *
     * @throws NullPointerException if {@code engine} is null
     */
    public Decision decide(PolicyEngine engine, ProcessingRequest request) {
        Objects.requireNonNull(engine, "engine");
        return timed("processing", () -> engine.decide(request), d -> d.effect().id(), Decision::reasons,
                Decision::policy);
    }

    /**
     * {@code engine.decide(request)}, counted and timed. Never throws.
     *
     * @throws NullPointerException if {@code engine} is null
     */
    public RightsDecision decide(PolicyEngine engine, RightsRequest request) {
        Objects.requireNonNull(engine, "engine");
        return timed("rights", () -> engine.decide(request), d -> d.outcome().id(), RightsDecision::reasons,
                RightsDecision::policy);
    }

    /**
     * {@code engine.decide(query)}, counted and timed. Never throws.
     *
     * @throws NullPointerException if {@code engine} is null
     */
    public RetentionDecision decide(PolicyEngine engine, RetentionQuery query) {
        Objects.requireNonNull(engine, "engine");
        return timed("retention", () -> engine.decide(query), d -> d.action().id(), RetentionDecision::reasons,
                RetentionDecision::policy);
    }

    private <D> D timed(String kind, Supplier<D> decide, Function<D, String> outcome,
                        Function<D, List<Reason>> reasonsOf, Function<D, PolicyInfo> policyOf) {
        long start;
        try {
            start = registry.config().clock().monotonicTime();
        } catch (RuntimeException e) {
            return decide.get();
        }
        D d = decide.get();
        try {
            long took = registry.config().clock().monotonicTime() - start;
            String answer = outcome.apply(d);
            String pack = packs.admit(policyOf.apply(d).id());
            List<Reason> rs = reasonsOf.apply(d);
            String reason = reasons.admit(rs.isEmpty() ? "none" : rs.get(0).code());
            timers.computeIfAbsent(new TimerKey(kind, answer, pack), k -> Timer.builder(DECIDE)
                    .description("Time to decide a request")
                    .tag("kind", k.kind()).tag("outcome", k.outcome()).tag("pack", k.pack())
                    .register(registry)).record(took, TimeUnit.NANOSECONDS);
            counters.computeIfAbsent(new DecisionKey(kind, answer, pack, reason), k -> Counter.builder(DECISIONS)
                    .description("Decisions, by kind, outcome, pack and first reason code")
                    .tag("kind", k.kind()).tag("outcome", k.outcome()).tag("pack", k.pack()).tag("reason", k.reason())
                    .register(registry)).increment();
        } catch (RuntimeException e) {
            // Metrics are an observer: nothing they do may change or fail a decision.
        }
        return d;
    }

    /**
     * Counts a reload by its result; fits {@link io.privacyrules.LivePolicy#watch} as its listener
     * ({@code metrics::recordReload}). Never throws.
     */
    public void recordReload(ReloadResult result) {
        String name;
        if (result instanceof ReloadResult.Swapped) {
            name = "swapped";
        } else if (result instanceof ReloadResult.Rejected) {
            name = "rejected";
        } else if (result instanceof ReloadResult.Unchanged) {
            name = "unchanged";
        } else {
            return;
        }
        try {
            reloads.get(name).increment();
        } catch (RuntimeException e) {
            // as for decisions: recording never fails the caller
        }
    }

    /**
     * Reports {@code log}'s dropped, failed and delivered events as function counters, and its
     * queue as a gauge. The meters read the log when the registry is scraped and hold it weakly.
     * One log per registry: a second log's meters would share the first one's names and tags, and
     * Micrometer keeps the first.
     *
     * @throws NullPointerException if {@code log} is null
     */
    public void monitor(DecisionLog log) {
        Objects.requireNonNull(log, "log");
        FunctionCounter.builder(LOG_DROPPED, log, DecisionLog::dropped)
                .description("Decision-log events lost to a full queue or a closed log").register(registry);
        FunctionCounter.builder(LOG_FAILED, log, DecisionLog::failed)
                .description("Decision-log events the sink threw on").register(registry);
        FunctionCounter.builder(LOG_DELIVERED, log, DecisionLog::delivered)
                .description("Decision-log events the sink took").register(registry);
        Gauge.builder(LOG_PENDING, log, DecisionLog::pending)
                .description("Decision-log events waiting in the queue").register(registry);
    }

    /** At most {@code max} distinct values pass; later new ones become {@link #OTHER}. */
    private static final class Cap {
        private final int max;
        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

        Cap(int max) {
            this.max = max;
        }

        String admit(String value) {
            if (seen.containsKey(value)) {
                return value;
            }
            synchronized (this) {
                if (seen.containsKey(value)) {
                    return value;
                }
                if (seen.size() >= max) {
                    return OTHER;
                }
                seen.put(value, Boolean.TRUE);
                return value;
            }
        }
    }

    private record DecisionKey(String kind, String outcome, String pack, String reason) {
    }

    private record TimerKey(String kind, String outcome, String pack) {
    }
}
