package io.privacyrules.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.privacyrules.DecisionLog;
import io.privacyrules.micrometer.PolicyMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Decision, reload and decision-log meters ({@link PolicyMetrics}) when the application has a
 * Micrometer {@link MeterRegistry} bean, as Spring Boot's actuator gives it.
 * {@link PrivacyRules} then counts and times every decision it makes.
 *
 * <p>Thread-safe, as Spring uses configuration classes.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, PolicyMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(PrivacyRulesProperties.class)
public class PrivacyRulesMetricsAutoConfiguration {

    /** Made by Spring. */
    public PrivacyRulesMetricsAutoConfiguration() {
    }

    /**
     * The meters, with the tag cap of {@code privacy-rules.metrics.max-tag-values}; reports the
     * decision log's losses when there is a {@link DecisionLog} bean.
     *
     * @param registry   the registry
     * @param properties the bound properties
     * @param log        the decision log, if any
     * @return the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public PolicyMetrics privacyRulesMetrics(MeterRegistry registry, PrivacyRulesProperties properties,
                                             ObjectProvider<DecisionLog> log) {
        PolicyMetrics metrics = PolicyMetrics.of(registry, properties.getMetrics().getMaxTagValues());
        log.ifAvailable(metrics::monitor);
        return metrics;
    }

    @Bean
    DecisionRecorder privacyRulesDecisionRecorder(PolicyMetrics metrics) {
        return new MicrometerRecorder(metrics);
    }
}
