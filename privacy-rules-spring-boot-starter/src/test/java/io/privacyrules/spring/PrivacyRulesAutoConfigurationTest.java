package io.privacyrules.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.DecisionLog;
import io.privacyrules.LivePolicy;
import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyLoadException;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.ReloadResult;
import io.privacyrules.micrometer.PolicyMetrics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core auto-configuration: loading, layers, clock, decision log, reload settings, back-off, failures. */
class PrivacyRulesAutoConfigurationTest {
    static final ProcessingRequest WITH_CONSENT = ProcessingRequest.builder().action("collect")
            .purpose("service-improvement").data("emergency-contact.secondary")
            .consent(Consent.toPurpose("service-improvement")).build();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyRulesAutoConfiguration.class,
                    PrivacyRulesMetricsAutoConfiguration.class));

    @Test
    void thePolicyPropertyIsLoadedAndDecides() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PrivacyRules.class).hasSingleBean(LivePolicy.class)
                    .doesNotHaveBean(DecisionLog.class).doesNotHaveBean(PolicyMetrics.class);
            PrivacyRules rules = context.getBean(PrivacyRules.class);
            assertThat(rules.decide(WITH_CONSENT).permitted()).isTrue();
            assertThat(rules.policy().id()).isEqualTo("bmw-connected-drive-cn");
            assertThat(rules.current().clock().getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(rules.locations()).containsExactly(Packs.SEED);
            assertThat(rules.lastReload()).isEmpty();
            assertThat(rules.live().current()).isSameAs(rules.current());
        });
    }

    @Test
    void severalLocationsLoadAsLayersAndTheClockZoneIsSet() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED + ", " + Packs.LAW,
                "privacy-rules.clock-zone=Europe/Berlin").run(context -> {
                    PrivacyRules rules = context.getBean(PrivacyRules.class);
                    assertThat(rules.current().layers()).extracting(p -> p.id())
                            .containsExactly("bmw-connected-drive-cn", "pipl-baseline");
                    assertThat(rules.policy().id()).isEqualTo("bmw-connected-drive-cn+pipl-baseline");
                    assertThat(rules.current().clock().getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
                    assertThat(rules.decide(WITH_CONSENT).policy().id()).isEqualTo("bmw-connected-drive-cn+pipl-baseline");
                });
    }

    @Test
    void aBrokenPackFailsTheStartWithEveryProblemAndWhereItIs(@TempDir Path dir) throws Exception {
        Path pack = Packs.copySeed(dir);
        Packs.breakJurisdiction(pack);
        int line = Files.readAllLines(pack.resolve("policy.yaml"), StandardCharsets.UTF_8)
                .indexOf("jurisdiction: China") + 1;
        runner.withPropertyValues("privacy-rules.policy=" + pack).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            PolicyLoadException cause = findCause(failure, PolicyLoadException.class);
            assertThat(cause).isNotNull();
            String where = pack.resolve("policy.yaml") + ":" + line + ":15: 'China' is not a two-letter ISO 3166 country code";
            assertThat(cause.getMessage()).contains(where);
            assertThat(cause.problems()).isNotEmpty();

            FailureAnalysis analysis = new PolicyLoadFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("did not load").contains(where);
            assertThat(analysis.getAction()).contains("privacy-rules.policy");
        });
    }

    @Test
    void withoutAPolicyTheStartFailsNamingTheProperty() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException e = findCause(context.getStartupFailure(),
                    InvalidConfigurationPropertyValueException.class);
            assertThat(e.getName()).isEqualTo("privacy-rules.policy");
        });
    }

    @Test
    void theApplicationsOwnEngineIsUsedAndNothingIsLoaded() {
        runner.withUserConfiguration(OwnEngine.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LivePolicy.class).current()).isSameAs(context.getBean(PolicyEngine.class));
            assertThat(context.getBean(PrivacyRules.class).current().clock()).isEqualTo(OwnEngine.CLOCK);
        });
    }

    @Test
    void theApplicationsOwnLivePolicyAndPrivacyRulesReplaceTheStarters() {
        runner.withUserConfiguration(OwnLivePolicy.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(LivePolicy.class).hasSingleBean(PrivacyRules.class);
            assertThat(context.getBean(LivePolicy.class)).isSameAs(OwnLivePolicy.LIVE);
            PrivacyRules rules = context.getBean(PrivacyRules.class);
            assertThat(rules.live()).isSameAs(OwnLivePolicy.LIVE);
            assertThat(rules.locations()).isEmpty();
            assertThatThrownBy(rules::reload).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("privacy-rules.policy");
            assertThat(rules.lastReload()).isEmpty();
            assertThat(new PrivacyRulesEndpoint(rules).reload()).containsEntry("result", "not-reloaded");
        });
        runner.withUserConfiguration(OwnLivePolicy.class, OwnPrivacyRules.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(PrivacyRules.class);
            assertThat(context.getBean(PrivacyRules.class).locations()).containsExactly("own");
        });
    }

    @Test
    void aJsonLinesDecisionLogGetsEveryDecision(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("decisions.jsonl");
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED, "privacy-rules.decision-log.sink=json-lines",
                "privacy-rules.decision-log.file=" + file, "privacy-rules.decision-log.queue-size=5").run(context -> {
                    assertThat(context).hasSingleBean(DecisionLog.class);
                    DecisionLog log = context.getBean(DecisionLog.class);
                    context.getBean(PrivacyRules.class).decide(WITH_CONSENT);
                    waitUntil(() -> log.delivered() == 1);
                    assertThat(Files.readString(file)).contains("\"kind\":\"processing\"").contains("\"answer\":\"permit\"");
                });
    }

    @Test
    void theQueueSizeBoundsTheDecisionLog(@TempDir Path dir) {
        runner.withUserConfiguration(OwnEngine.class).withPropertyValues("privacy-rules.decision-log.sink=slf4j",
                "privacy-rules.decision-log.queue-size=1").run(context -> {
                    assertThat(context).hasSingleBean(DecisionLog.class);
                    DecisionLog log = context.getBean(DecisionLog.class);
                    PolicyEngine logged = context.getBean(PolicyEngine.class).withDecisionLog(log);
                    // A decision takes about a microsecond, writing one out far longer, so a queue of one
                    // overflows within a few decisions; fewer than the default queue (10,000) are made, so
                    // no drop could happen if the setting were ignored. (200 decisions were once all
                    // written out in time: how soon the writer falls behind depends on the machine.)
                    for (int i = 0; i < 5_000 && log.dropped() == 0; i++) {
                        logged.decide(WITH_CONSENT);
                    }
                    assertThat(log.dropped()).as("a queue of one cannot hold 5,000 quick decisions").isPositive();
                });
    }

    @Test
    void aDecisionLogNeedsItsSettings() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED, "privacy-rules.decision-log.sink=json-lines")
                .run(context -> assertThat(findCause(context.getStartupFailure(),
                        InvalidConfigurationPropertyValueException.class).getName())
                        .isEqualTo("privacy-rules.decision-log.file"));
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED, "privacy-rules.decision-log.sink=slf4j",
                "privacy-rules.decision-log.queue-size=0")
                .run(context -> assertThat(findCause(context.getStartupFailure(),
                        InvalidConfigurationPropertyValueException.class).getName())
                        .isEqualTo("privacy-rules.decision-log.queue-size"));
    }

    @Test
    void liveReloadNeedsFolders(@TempDir Path dir) {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED, "privacy-rules.reload.enabled=true")
                .run(context -> assertThat(findCause(context.getStartupFailure(),
                        InvalidConfigurationPropertyValueException.class).getReason()).contains("classpath"));
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED + "," + Packs.LAW,
                "privacy-rules.reload.enabled=true")
                .run(context -> assertThat(findCause(context.getStartupFailure(),
                        InvalidConfigurationPropertyValueException.class).getReason()).contains("classpath"));
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED + "," + Packs.LAW,
                "privacy-rules.reload.folder=" + dir)
                .run(context -> assertThat(findCause(context.getStartupFailure(),
                        InvalidConfigurationPropertyValueException.class).getReason()).contains("2 layers"));
    }

    @Test
    void aWatchFollowsEveryLayersFolder(@TempDir Path dir) throws Exception {
        Path company = Packs.copySeed(dir.resolve("company"));
        Path law = dir.resolve("law");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of("..", "rules", "pipl-baseline"))) {
            for (Path p : files.toList()) {
                Path to = law.resolve(Path.of("..", "rules", "pipl-baseline").relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(p, to);
                }
            }
        }
        runner.withPropertyValues("privacy-rules.policy=" + company + "," + law, "privacy-rules.reload.enabled=true",
                "privacy-rules.reload.interval=50ms").run(context -> {
                    PrivacyRules rules = context.getBean(PrivacyRules.class);
                    assertThat(rules.locations()).containsExactly(company.toString(), law.toString());
                    Packs.setVersion(law, "L2");
                    waitUntil(() -> rules.lastReload().orElse(null) instanceof ReloadResult.Swapped);
                    assertThat(rules.current().layers()).hasSize(2);
                    assertThat(rules.current().layers().get(1).version()).isEqualTo("L2");
                });
    }

    @Test
    void aReloadTheHostMakesItselfIsSeen() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED).run(context -> {
            PrivacyRules rules = context.getBean(PrivacyRules.class);
            assertThat(rules.lastReload()).isEmpty();
            ReloadResult r = rules.live().reload(Packs.SEED);
            assertThat(rules.lastReload()).contains(r);
        });
    }

    @Test
    void aWatchedFolderSwapsInANewVersionAndKeepsTheOldOneWhenTheNewOneIsBroken(@TempDir Path dir) {
        Path pack = Packs.copySeed(dir);
        runner.withPropertyValues("privacy-rules.policy=" + pack, "privacy-rules.reload.enabled=true",
                "privacy-rules.reload.interval=50ms").run(context -> {
                    PrivacyRules rules = context.getBean(PrivacyRules.class);
                    assertThat(rules.locations()).containsExactly(pack.toString());

                    Packs.setVersion(pack, "B");
                    // the swap serves a moment before the watch tells PrivacyRules: wait for the news
                    waitUntil(() -> rules.lastReload().orElse(null) instanceof ReloadResult.Swapped);
                    assertThat(rules.policy().version()).isEqualTo("B");

                    Packs.breakJurisdiction(pack);
                    waitUntil(() -> rules.lastReload().orElseThrow() instanceof ReloadResult.Rejected);
                    assertThat(rules.policy().version()).isEqualTo("B");
                    Decision d = rules.decide(WITH_CONSENT);
                    assertThat(d.permitted()).isTrue();
                    assertThat(d.policy().version()).isEqualTo("B");
                });
    }

    @Test
    void reloadWithoutAWatchReloadsLayersFromTheirLocations() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED + "," + Packs.LAW).run(context -> {
            PrivacyRules rules = context.getBean(PrivacyRules.class);
            ReloadResult r = rules.reload();
            assertThat(r).isInstanceOf(ReloadResult.Unchanged.class);
            assertThat(rules.lastReload()).contains(r);
            assertThat(rules.current().layers()).hasSize(2);
        });
    }

    @Test
    void withoutMicrometerOrActuatorTheStarterStillDecides() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withConfiguration(AutoConfigurations.of(PrivacyRulesHealthAutoConfiguration.class,
                        PrivacyRulesActuatorAutoConfiguration.class))
                .withBean(io.micrometer.core.instrument.simple.SimpleMeterRegistry.class)
                .withUserConfiguration(OwnEngine.class).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(PolicyMetrics.class);
                    assertThat(context.getBean(PrivacyRules.class).decide(WITH_CONSENT).permitted()).isTrue();
                });
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health", "org.springframework.boot.actuate"))
                .withConfiguration(AutoConfigurations.of(PrivacyRulesHealthAutoConfiguration.class,
                        PrivacyRulesActuatorAutoConfiguration.class))
                .withUserConfiguration(OwnEngine.class).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(PrivacyRulesHealthIndicator.class)
                            .doesNotHaveBean(PrivacyRulesInfoContributor.class);
                    assertThat(context.getBean(PrivacyRules.class).decide(WITH_CONSENT).permitted()).isTrue();
                });
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting");
            }
            Thread.sleep(20);
        }
    }

    static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

        @Bean
        PolicyEngine engine() {
            return Packs.seedEngine().withClock(CLOCK);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLivePolicy {
        static final LivePolicy LIVE = LivePolicy.of(Packs.seedEngine());

        @Bean
        LivePolicy live() {
            return LIVE;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPrivacyRules {
        @Bean
        PrivacyRules rules(LivePolicy live) {
            return PrivacyRules.of(live, List.of("own"));
        }
    }
}
