package io.privacyrules.spring;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.ReloadResult;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;

/**
 * How {@link PrivacyRules} decides and hears of reloads: directly ({@link #NONE}), or through
 * Micrometer when the application has a registry. No Micrometer type appears here, so that the
 * starter runs without Micrometer on the classpath.
 */
interface DecisionRecorder {

    Decision decide(PolicyEngine engine, ProcessingRequest request);

    RightsDecision decide(PolicyEngine engine, RightsRequest request);

    RetentionDecision decide(PolicyEngine engine, RetentionQuery query);

    void reloaded(ReloadResult result);

    /** Decides with the engine and records nothing. */
    DecisionRecorder NONE = new DecisionRecorder() {
        @Override
        public Decision decide(PolicyEngine engine, ProcessingRequest request) {
            return engine.decide(request);
        }

        @Override
        public RightsDecision decide(PolicyEngine engine, RightsRequest request) {
            return engine.decide(request);
        }

        @Override
        public RetentionDecision decide(PolicyEngine engine, RetentionQuery query) {
            return engine.decide(query);
        }

        @Override
        public void reloaded(ReloadResult result) {
            // nothing to record
        }
    };
}
