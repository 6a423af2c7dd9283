package io.privacyrules.internal;

import io.privacyrules.PolicyEngine;
import io.privacyrules.internal.engine.Engine;
import java.util.function.Function;

/**
 * Lets the library's own tools (lint, coverage, explain) reach the engine behind a
 * {@link PolicyEngine} without making it public API.
 */
public final class EngineAccess {
    private static volatile Function<PolicyEngine, Engine> access;

    private EngineAccess() {
    }

    /** Called once by PolicyEngine. */
    public static void set(Function<PolicyEngine, Engine> f) {
        access = f;
    }

    /** The engine behind {@code policyEngine}. */
    public static Engine engine(PolicyEngine policyEngine) {
        try {
            Class.forName(PolicyEngine.class.getName(), true, PolicyEngine.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return access.apply(policyEngine);
    }
}
