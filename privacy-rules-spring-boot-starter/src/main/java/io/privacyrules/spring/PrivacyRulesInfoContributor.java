package io.privacyrules.spring;

import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds the serving policy to {@code /actuator/info} under {@code privacyRules}: pack, version,
 * revision, effective date, jurisdiction, the layers when there are several, and the last
 * reload's result. Turned off with {@code management.info.privacyrules.enabled=false}. Thread-safe.
 */
public final class PrivacyRulesInfoContributor implements InfoContributor {
    private final PrivacyRules rules;

    /**
     * Describes {@code rules}.
     *
     * @throws NullPointerException if {@code rules} is null
     */
    public PrivacyRulesInfoContributor(PrivacyRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> info = Describe.serving(rules);
        rules.lastReload().ifPresent(r -> info.put("lastReload", Describe.result(r)));
        builder.withDetail("privacyRules", info);
    }
}
