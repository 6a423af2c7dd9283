package io.privacyrules.internal;

import io.privacyrules.PolicyEngine;
import io.privacyrules.internal.engine.Decider;
import io.privacyrules.internal.engine.Engine;
import java.util.function.Function;

/**
 * Lets the library's own tools (lint, coverage, explain) reach the engine behind a
 * {@link PolicyEngine} without making it public API.
 */
public final class EngineAccess {
    private static volatile Function<PolicyEngine, Decider> access;

    private EngineAccess() {
    }

    /** Called once by PolicyEngine. */
    public static void set(Function<PolicyEngine, Decider> f) {
        access = f;
    }

    /** The engine of the first (or only) pack. */
    public static Engine engine(PolicyEngine policyEngine) {
        return decider(policyEngine).primary();
    }

    /**
     * The engine of a single-pack engine, for tracing the rules that fire (coverage, explain).
     *
     * @throws IllegalArgumentException if the engine has several layers
     */
    public static Engine single(PolicyEngine policyEngine) {
        Decider d = decider(policyEngine);
        if (d instanceof Engine e) {
            return e;
        }
        throw new IllegalArgumentException("rules are traced one pack at a time; this engine has "
                + d.engines().size() + " layers");
    }

    /** What decides: one engine, or layers. */
    public static Decider decider(PolicyEngine policyEngine) {
        try {
            Class.forName(PolicyEngine.class.getName(), true, PolicyEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return access.apply(policyEngine);
    }
}
