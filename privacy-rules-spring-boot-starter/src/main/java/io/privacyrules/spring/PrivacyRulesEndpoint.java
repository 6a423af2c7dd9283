package io.privacyrules.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The actuator endpoint {@code privacyrules}: a read shows the serving policy and the last reload;
 * a write reloads the policy from its configured location ({@link PrivacyRules#reload()}) and
 * answers with the result, including every problem of a rejected version.
 *
 * <p>Off by default: allow it with {@code management.endpoint.privacyrules.access=unrestricted}
 * (or {@code read-only} for the read alone) and expose it, for example with
 * {@code management.endpoints.web.exposure.include=health,privacyrules}; then
 * {@code POST /actuator/privacyrules} reloads. Secure it as any write endpoint. Thread-safe.
 */
@Endpoint(id = "privacyrules", defaultAccess = Access.NONE)
public final class PrivacyRulesEndpoint {
    private final PrivacyRules rules;

    /**
     * An endpoint over {@code rules}.
     *
     * @throws NullPointerException if {@code rules} is null
     */
    public PrivacyRulesEndpoint(PrivacyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The serving policy, where reloads load from, and the last reload.
     *
     * @return the description, as JSON-ready maps
     */
    @ReadOperation
    public Map<String, Object> policy() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serving", Describe.serving(rules));
        m.put("locations", rules.locations());
        rules.lastReload().ifPresent(r -> m.put("lastReload", Describe.reload(r)));
        return m;
    }

    /**
     * Reloads the policy from its configured location.
     *
     * @return the result: {@code swapped}, {@code unchanged} or {@code rejected} with its problems;
     *         {@code not-reloaded} with the reason when no location is configured
     */
    @WriteOperation
    public Map<String, Object> reload() {
        if (rules.locations().isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("result", "not-reloaded");
            m.put("reason", "no pack location to reload from: set privacy-rules.policy");
            return m;
        }
        return Describe.reload(rules.reload());
    }
}
