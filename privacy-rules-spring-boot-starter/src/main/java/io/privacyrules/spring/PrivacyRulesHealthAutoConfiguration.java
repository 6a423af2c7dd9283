package io.privacyrules.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The policy's {@link PrivacyRulesHealthIndicator}, when Spring Boot's health support
 * ({@code spring-boot-health}, part of the actuator) is on the classpath.
 *
 * <p>Thread-safe, as Spring uses configuration classes.
 */
@AutoConfiguration(after = PrivacyRulesAutoConfiguration.class, before = HealthContributorAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class PrivacyRulesHealthAutoConfiguration {

    /** Made by Spring. */
    public PrivacyRulesHealthAutoConfiguration() {
    }

    /**
     * The health indicator, named {@code privacyRules} in the health endpoint; on unless
     * {@code management.health.privacyrules.enabled=false}.
     *
     * @param rules the policy
     * @return the indicator
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(PrivacyRules.class)
    @ConditionalOnEnabledHealthIndicator("privacyrules")
    public PrivacyRulesHealthIndicator privacyRulesHealthIndicator(PrivacyRules rules) {
        return new PrivacyRulesHealthIndicator(rules);
    }
}
