package io.privacyrules.spring;

import io.privacyrules.DecisionLog;
import io.privacyrules.LivePolicy;
import io.privacyrules.PolicyEngine;
import io.privacyrules.spi.DecisionSink;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Loads the pack named by {@code privacy-rules.policy} at start-up and offers it as a
 * {@link LivePolicy} and a {@link PrivacyRules} bean; optionally a {@link DecisionLog} and a watch
 * of the pack's folder.
 *
 * <p>A pack that does not load fails the start-up with its {@link io.privacyrules.PolicyLoadException},
 * which lists every problem with file, line and column. Each bean backs off when the application
 * defines its own: a {@link PolicyEngine} bean of the application is used instead of loading one
 * (with its own clock and decision log), and a {@link LivePolicy} or {@link DecisionLog} bean of the
 * application replaces the starter's.
 *
 * <p>Thread-safe, as Spring uses configuration classes.
 */
@AutoConfiguration
@EnableConfigurationProperties(PrivacyRulesProperties.class)
public class PrivacyRulesAutoConfiguration {

    /** Made by Spring. */
    public PrivacyRulesAutoConfiguration() {
    }

    /**
     * The decision log, when {@code privacy-rules.decision-log.sink} is {@code slf4j} or
     * {@code json-lines}; closed when the application stops.
     *
     * @param properties the bound properties
     * @return the log
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnDecisionLogSink.class)
    public DecisionLog privacyRulesDecisionLog(PrivacyRulesProperties properties) {
        PrivacyRulesProperties.Log settings = properties.getDecisionLog();
        if (settings.getQueueSize() < 1) {
            throw new InvalidConfigurationPropertyValueException("privacy-rules.decision-log.queue-size",
                    settings.getQueueSize(), "The queue needs room for at least one event.");
        }
        DecisionSink sink = switch (settings.getSink()) {
            case SLF4J -> DecisionLog.slf4j();
            case JSON_LINES -> {
                if (settings.getFile() == null) {
                    throw new InvalidConfigurationPropertyValueException("privacy-rules.decision-log.file", null,
                            "The json-lines sink needs the file to append decisions to.");
                }
                yield DecisionLog.jsonLines(settings.getFile());
            }
            case NONE -> throw new IllegalStateException("no decision log is configured");
        };
        return DecisionLog.to(sink, settings.getQueueSize());
    }

    /**
     * The live policy: the application's {@link PolicyEngine} bean if it has one, else the pack of
     * {@code privacy-rules.policy} (layers when several), with the clock zone and decision log of the
     * properties. Stops watching when the application stops.
     *
     * @param properties the bound properties
     * @param engine     the application's own engine, if any
     * @param log        the decision log, if any
     * @return the live policy
     * @throws io.privacyrules.PolicyLoadException if the pack does not load
     */
    @Bean
    @ConditionalOnMissingBean
    public LivePolicy privacyRulesLivePolicy(PrivacyRulesProperties properties, ObjectProvider<PolicyEngine> engine,
                                             ObjectProvider<DecisionLog> log) {
        watchedFolders(properties);
        PolicyEngine own = engine.getIfAvailable();
        return LivePolicy.of(own != null ? own : load(properties, log.getIfAvailable()));
    }

    /**
     * The policy to decide with; starts the folder watch when {@code privacy-rules.reload.enabled}.
     *
     * @param live       the live policy
     * @param properties the bound properties
     * @param recorder   the Micrometer recorder, when the application has a registry
     * @return the policy
     */
    @Bean
    @ConditionalOnMissingBean
    public PrivacyRules privacyRules(LivePolicy live, PrivacyRulesProperties properties,
                                     ObjectProvider<DecisionRecorder> recorder) {
        List<Path> folders = watchedFolders(properties);
        List<String> locations = !folders.isEmpty() ? folders.stream().map(Path::toString).toList() : locations(properties);
        PrivacyRules rules = new PrivacyRules(live, locations, recorder.getIfAvailable(() -> DecisionRecorder.NONE));
        if (properties.getReload().isEnabled()) {
            // the live policy tells rules of each reload (LivePolicy.onReload)
            live.watch(folders, properties.getReload().getInterval(), result -> { });
        }
        return rules;
    }

    /** The locations of {@code privacy-rules.policy}, blanks left out. */
    static List<String> locations(PrivacyRulesProperties properties) {
        return properties.getPolicy().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Loads the engine the properties describe. */
    static PolicyEngine load(PrivacyRulesProperties properties, DecisionLog log) {
        List<String> locations = locations(properties);
        if (locations.isEmpty()) {
            throw new InvalidConfigurationPropertyValueException("privacy-rules.policy", "",
                    "No pack is configured, and the application cannot decide without one. Set it to the pack's "
                            + "folder or to classpath:NAME, or define a PolicyEngine bean.");
        }
        PolicyEngine engine = locations.size() == 1 ? PolicyEngine.load(locations.get(0))
                : PolicyEngine.layered(locations);
        if (properties.getClockZone() != null) {
            engine = engine.withClock(Clock.system(properties.getClockZone()));
        }
        if (log != null) {
            engine = engine.withDecisionLog(log);
        }
        return engine;
    }

    /**
     * The folders live reload watches and reloads from, one per layer: {@code reload.folder} for a
     * single pack, else the policy's locations when they are all folders; empty when reload is off
     * and no folder is set.
     *
     * @throws InvalidConfigurationPropertyValueException when the properties do not name folders
     */
    static List<Path> watchedFolders(PrivacyRulesProperties properties) {
        PrivacyRulesProperties.Reload reload = properties.getReload();
        List<String> locations = locations(properties);
        if (locations.size() > 1 && reload.getFolder() != null) {
            throw new InvalidConfigurationPropertyValueException("privacy-rules.reload.folder", reload.getFolder(),
                    "privacy-rules.policy names " + locations.size() + " layers, and reload.folder names one folder. "
                            + "Leave reload.folder unset: the watch then follows every layer's folder.");
        }
        if (reload.getFolder() != null) {
            return List.of(reload.getFolder());
        }
        if (!reload.isEnabled()) {
            return List.of();
        }
        if (!locations.isEmpty() && locations.stream().noneMatch(l -> l.startsWith(PolicyEngine.CLASSPATH_PREFIX))) {
            return locations.stream().map(Path::of).toList();
        }
        throw new InvalidConfigurationPropertyValueException("privacy-rules.reload.enabled", Boolean.TRUE,
                "Live reload needs folders to watch, and the policy is "
                        + (locations.isEmpty() ? "not set" : "on the classpath, which does not change while the application runs")
                        + ". Set privacy-rules.reload.folder, or load the policy from a folder.");
    }

    /** Matches when {@code privacy-rules.decision-log.sink} names a sink other than none. */
    static final class OnDecisionLogSink extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            PrivacyRulesProperties.Sink sink = Binder.get(context.getEnvironment())
                    .bind("privacy-rules.decision-log.sink", PrivacyRulesProperties.Sink.class)
                    .orElse(PrivacyRulesProperties.Sink.NONE);
            return sink == PrivacyRulesProperties.Sink.NONE
                    ? ConditionOutcome.noMatch("privacy-rules.decision-log.sink is none")
                    : ConditionOutcome.match("privacy-rules.decision-log.sink is " + sink);
        }
    }
}
