package io.privacyrules.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link PrivacyRulesInfoContributor} and the {@link PrivacyRulesEndpoint}, when Spring Boot's
 * actuator is on the classpath.
 *
 * <p>Thread-safe, as Spring uses configuration classes.
 */
@AutoConfiguration(after = PrivacyRulesAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
public class PrivacyRulesActuatorAutoConfiguration {

    /** Made by Spring. */
    public PrivacyRulesActuatorAutoConfiguration() {
    }

    /**
     * The info contributor; on unless {@code management.info.privacyrules.enabled=false}.
     *
     * @param rules the policy
     * @return the contributor
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PrivacyRules.class)
    @ConditionalOnEnabledInfoContributor("privacyrules")
    public PrivacyRulesInfoContributor privacyRulesInfoContributor(PrivacyRules rules) {
        return new PrivacyRulesInfoContributor(rules);
    }

    /**
     * The reload endpoint, when its access is allowed and it is exposed (neither by default).
     *
     * @param rules the policy
     * @return the endpoint
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PrivacyRules.class)
    @ConditionalOnAvailableEndpoint
    public PrivacyRulesEndpoint privacyRulesEndpoint(PrivacyRules rules) {
        return new PrivacyRulesEndpoint(rules);
    }
}
