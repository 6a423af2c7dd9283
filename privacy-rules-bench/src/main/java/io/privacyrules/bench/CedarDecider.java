package io.privacyrules.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.entity.Entities;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimBool;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import io.privacyrules.ProcessingRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The seed pack's permit/deny decisions in Cedar through cedar-java ({@code cedar/seed-pack.cedar}):
 * the request's {@link Facts} go in the context, the pack's permit and deny rules are permit and
 * forbid policies. Cedar answers Allow or Deny only: it cannot carry the pack's obligations, so
 * this decider gives the effect alone.
 *
 * <p>cedar-java calls Cedar's Rust library through JNI, serializing request and entities to JSON
 * on each call; the policy set is parsed once and, where the library supports it, cached on the
 * native side. Thread-safe.
 */
public final class CedarDecider {
    // instance fields, not static: touching Cedar's value classes loads the native library, and
    // unavailableBecause() must be able to catch that failure
    private final EntityUID principal;
    private final EntityUID action;
    private final EntityUID resource;

    private final BasicAuthorizationEngine engine;
    private final PolicySet policies;
    private final Entities entities = new Entities();
    private final boolean cached;

    /** @throws LinkageError when Cedar's native library cannot load on this machine */
    public CedarDecider() {
        this.principal = type("Host").of("host");
        this.action = type("Action").of("decide");
        this.resource = type("Request").of("request");
        try {
            this.policies = PolicySet.parsePolicies(Resources.text("cedar/seed-pack.cedar"));
        } catch (Exception e) {
            throw new IllegalStateException("the Cedar policies do not parse: " + e.getMessage(), e);
        }
        boolean c;
        try {
            policies.cache();
            c = true;
        } catch (Exception | LinkageError e) {
            c = false;
        }
        this.cached = c;
        this.engine = new BasicAuthorizationEngine();
    }

    /**
     * Null when Cedar works here (its native library loads and it decides), else why not.
     */
    public static String unavailableBecause() {
        try {
            CedarDecider d = new CedarDecider();
            d.permitted(RequestMix.generate(1, 1).get(0));
            return null;
        } catch (Throwable t) {
            return t.getClass().getName() + ": " + t.getMessage();
        }
    }

    /** The number of policies parsed. */
    public int policies() {
        return policies.getNumPolicies();
    }

    /** True when the policy set is cached on the native side. */
    public boolean cached() {
        return cached;
    }

    /** True when Cedar allows the request; an invalid request is denied before Cedar sees it. */
    public boolean permitted(ProcessingRequest request) {
        Facts f = Facts.of(request);
        if (f == null) {
            return false;
        }
        Map<String, Value> context = new HashMap<>(32);
        context.put("action", new PrimString(f.action));
        context.put("purpose", new PrimString(f.purpose));
        context.put("recipient", new PrimString(f.recipient));
        context.put("anonymized", new PrimBool(f.anonymized));
        context.put("aggregated", new PrimBool(f.aggregated));
        context.put("requiredByLaw", new PrimBool(f.requiredByLaw));
        context.put("protectsChild", new PrimBool(f.protectsChild));
        context.put("child", new PrimBool(f.child));
        context.put("guardianConsent", new PrimBool(f.guardianConsent));
        context.put("abroad", new PrimBool(f.abroad));
        context.put("dataDeclaredForPurpose", new PrimBool(f.dataDeclaredForPurpose));
        context.put("dataWithinContractFulfilment", new PrimBool(f.dataWithinContractFulfilment));
        context.put("consentNamingPurpose", new PrimBool(f.consentNamingPurpose));
        context.put("consentNamingRecipient", new PrimBool(f.consentNamingRecipient));
        context.put("consentNamingAction", new PrimBool(f.consentNamingAction));
        AuthorizationResponse response;
        try {
            response = engine.isAuthorized(new AuthorizationRequest(principal, action, resource, context), policies, entities);
        } catch (Exception e) {
            throw new IllegalStateException("Cedar failed: " + e.getMessage(), e);
        }
        if (response.success.isEmpty()) {
            throw new IllegalStateException("Cedar failed: " + response);
        }
        var success = response.success.get();
        if (!success.getErrors().isEmpty()) {
            throw new IllegalStateException("a Cedar policy failed: " + success.getErrors());
        }
        return success.isAllowed();
    }

    private static EntityTypeName type(String name) {
        return EntityTypeName.parse(name).orElseThrow();
    }
}
