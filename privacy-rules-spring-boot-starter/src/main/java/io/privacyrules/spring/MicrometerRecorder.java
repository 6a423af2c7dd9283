package io.privacyrules.spring;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.ReloadResult;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.micrometer.PolicyMetrics;

/** Decides through {@link PolicyMetrics}; loaded only when Micrometer is on the classpath. */
final class MicrometerRecorder implements DecisionRecorder {
    private final PolicyMetrics metrics;

    MicrometerRecorder(PolicyMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Decision decide(PolicyEngine engine, ProcessingRequest request) {
        return metrics.decide(engine, request);
    }

    @Override
    public RightsDecision decide(PolicyEngine engine, RightsRequest request) {
        return metrics.decide(engine, request);
    }

    @Override
    public RetentionDecision decide(PolicyEngine engine, RetentionQuery query) {
        return metrics.decide(engine, query);
    }

    @Override
    public void reloaded(ReloadResult result) {
        metrics.recordReload(result);
    }
}
