package io.privacyrules.internal.engine;

import io.privacyrules.Decision;
import io.privacyrules.PolicyInfo;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.LocalDate;
import java.util.List;

/** What {@link io.privacyrules.PolicyEngine} decides with: one pack ({@link Engine}) or several ({@link Layers}). */
public sealed interface Decider permits Engine, Layers {
    /** The pack, or for layers a combined identification. */
    PolicyInfo info();

    /** Never throws. */
    Decision decide(ProcessingRequest request);

    /** Never throws. */
    RightsDecision decide(RightsRequest request, LocalDate today);

    /** Never throws. */
    RetentionDecision decide(RetentionQuery query, LocalDate today);

    /** The engine whose vocabulary requests are written in. */
    Engine primary();

    /** Every layer's engine, the primary first. */
    List<Engine> engines();
}
