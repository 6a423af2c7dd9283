package io.privacyrules.spring;

import io.privacyrules.PolicyInfo;
import io.privacyrules.ReloadResult;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The policy's health: UP with the serving pack's id, version and revision; DOWN when the last
 * reload was rejected, with the reason and the problems (the old version goes on serving, but the
 * version meant to serve did not load). A later reload that is not rejected makes it UP again.
 *
 * <p>Shown as the component {@code privacyRules} of {@code /actuator/health}; turned off with
 * {@code management.health.privacyrules.enabled=false}. Thread-safe.
 */
public final class PrivacyRulesHealthIndicator implements HealthIndicator {
    private final PrivacyRules rules;

    /**
     * Reports the health of {@code rules}.
     *
     * @throws NullPointerException if {@code rules} is null
     */
    public PrivacyRulesHealthIndicator(PrivacyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public Health health() {
        ReloadResult last = rules.lastReload().orElse(null);
        Health.Builder health = last instanceof ReloadResult.Rejected ? Health.down() : Health.up();
        health.withDetails(Describe.serving(rules));
        if (last != null) {
            health.withDetail("lastReload", Describe.result(last));
        }
        if (last instanceof ReloadResult.Rejected r) {
            PolicyInfo p = r.serving();
            health.withDetail("reason", "the last reload was rejected with " + r.problems().size()
                    + (r.problems().size() == 1 ? " problem" : " problems") + "; " + p.id() + " " + p.version()
                    + " (revision " + p.revision() + ") goes on serving");
            health.withDetail("problems", Describe.problems(r.problems()));
        }
        return health.build();
    }
}
