package io.privacyrules.spring;

import io.privacyrules.Decision;
import io.privacyrules.LivePolicy;
import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.ReloadResult;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy of a Spring application: inject this bean and decide with it.
 *
 * <pre>{@code
 * Decision d = privacyRules.decide(ProcessingRequest.builder()
 *         .action("collect").purpose("service-improvement").data("emergency-contact.secondary")
 *         .consent(Consent.toPurpose("service-improvement")).build());
 * }</pre>
 *
 * <p>It decides with the version of the pack serving now (its {@link LivePolicy}), so a reload is
 * picked up by the next decision; when the application has a Micrometer registry, each decision is
 * also counted and timed. It remembers the last reload, which the health indicator reports.
 *
 * <p>Like {@link PolicyEngine}, its decide methods never throw: an invalid request, or a rule that
 * fails, is the safe answer with a reason ({@code invalid-request}, {@code internal-error}).
 *
 * <p>Thread-safe.
 */
public final class PrivacyRules {
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyRules.class);

    private final LivePolicy live;
    private final List<String> locations;
    private final DecisionRecorder recorder;
    private final AtomicReference<ReloadResult> lastReload = new AtomicReference<>();

    PrivacyRules(LivePolicy live, List<String> locations, DecisionRecorder recorder) {
        this.live = Objects.requireNonNull(live, "live");
        this.locations = List.copyOf(locations);
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        live.onReload(this::recordReload);
    }

    /**
     * Decides with {@code live}, without metrics, reloading from {@code locations} (one pack, or
     * several as layers; empty when {@link #reload()} has nowhere to load from). For a host that
     * builds its own, as in a test; the starter makes one from the {@code privacy-rules.*}
     * properties.
     *
     * @throws NullPointerException if an argument or a location is null
     */
    public static PrivacyRules of(LivePolicy live, List<String> locations) {
        return new PrivacyRules(live, locations, DecisionRecorder.NONE);
    }

    /** Decides a processing request with the serving version. Never throws. */
    public Decision decide(ProcessingRequest request) {
        return recorder.decide(live.current(), request);
    }

    /** Decides a data-subject request with the serving version. Never throws. */
    public RightsDecision decide(RightsRequest request) {
        return recorder.decide(live.current(), request);
    }

    /** Decides a retention query with the serving version. Never throws. */
    public RetentionDecision decide(RetentionQuery query) {
        return recorder.decide(live.current(), query);
    }

    /**
     * The engine serving now. A decision made with it directly is not counted in the metrics; take
     * it for what this class does not offer, such as {@link PolicyEngine#toDispose}.
     */
    public PolicyEngine current() {
        return live.current();
    }

    /** The pack version serving now. */
    public PolicyInfo policy() {
        return live.current().policy();
    }

    /** The live policy this decides with. */
    public LivePolicy live() {
        return live;
    }

    /** Where {@link #reload()} loads from: one pack, several layers, or none. */
    public List<String> locations() {
        return locations;
    }

    /**
     * Loads the pack again from {@link #locations()} and swaps it in if it loads and differs from
     * the serving version; otherwise the serving version stays. Never throws for a bad pack: the
     * result says what happened, and is remembered as {@link #lastReload()}.
     *
     * @throws IllegalStateException if there is no location to reload from (the application gave
     *                               its own engine and no {@code privacy-rules.policy})
     */
    public ReloadResult reload() {
        if (locations.isEmpty()) {
            throw new IllegalStateException("no pack location to reload from: set privacy-rules.policy");
        }
        return live.reload(locations.toArray(String[]::new));
    }

    /**
     * The result of the last reload of its {@link LivePolicy} ({@link #reload()}, the starter's
     * folder watch, or the host's own {@code reload}, {@code replace} or {@code watch}: the live
     * policy tells this object of each), or empty before the first.
     */
    public Optional<ReloadResult> lastReload() {
        return Optional.ofNullable(lastReload.get());
    }

    /**
     * Records a reload for health and metrics; its {@link LivePolicy} calls it for every reload
     * (see {@link LivePolicy#onReload}), so a host need not. Logs a rejected reload at WARN with
     * its problems (files, lines and messages; never personal data).
     *
     * @throws NullPointerException if {@code result} is null
     */
    public void recordReload(ReloadResult result) {
        Objects.requireNonNull(result, "result");
        lastReload.set(result);
        recorder.reloaded(result);
        if (result instanceof ReloadResult.Rejected r) {
            LOG.warn("privacy-rules: a new version of the policy was rejected; {} {} (revision {}) goes on serving. {} problem(s):{}",
                    r.serving().id(), r.serving().version(), r.serving().revision(), r.problems().size(),
                    r.problems().stream().map(p -> "\n  " + p).reduce("", String::concat));
        } else if (result instanceof ReloadResult.Swapped s) {
            LOG.info("privacy-rules: policy {} {} (revision {}) now serves, after {} {} (revision {})", s.to().id(),
                    s.to().version(), s.to().revision(), s.from().id(), s.from().version(), s.from().revision());
        } else {
            LOG.debug("privacy-rules: reload found the policy unchanged");
        }
    }
}
