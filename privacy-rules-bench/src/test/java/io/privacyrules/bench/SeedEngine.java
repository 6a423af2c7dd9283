package io.privacyrules.bench;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import java.util.List;

/** The seed pack's engine and its decisions on the benchmark mix, computed once per test JVM. */
final class SeedEngine {
    private static PolicyEngine engine;
    private static List<ProcessingRequest> mix;
    private static List<Decision> decisions;

    private SeedEngine() {
    }

    static synchronized PolicyEngine engine() {
        if (engine == null) {
            engine = PolicyEngine.load(Seed.LOCATION);
        }
        return engine;
    }

    static synchronized List<ProcessingRequest> mix() {
        if (mix == null) {
            mix = RequestMix.standard();
        }
        return mix;
    }

    /** The engine's decision on each request of {@link #mix()}, in order. */
    static synchronized List<Decision> decisions() {
        if (decisions == null) {
            decisions = mix().stream().map(engine()::decide).toList();
        }
        return decisions;
    }
}
