package io.privacyrules.spring;

import static io.privacyrules.spring.PrivacyRulesAutoConfigurationTest.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.privacyrules.PolicyEngine;
import io.privacyrules.ReloadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Health, info and the reload endpoint. */
class PrivacyRulesActuatorTest {
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PrivacyRulesAutoConfiguration.class,
                    PrivacyRulesHealthAutoConfiguration.class, PrivacyRulesActuatorAutoConfiguration.class));

    @Test
    void healthIsUpWithThePacksIdVersionAndRevision() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED).run(context -> {
            PrivacyRules rules = context.getBean(PrivacyRules.class);
            Health health = context.getBean(PrivacyRulesHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("pack", "bmw-connected-drive-cn")
                    .containsEntry("version", "2019.11").containsEntry("revision", rules.policy().revision())
                    .doesNotContainKeys("reason", "problems", "lastReload");
        });
    }

    @Test
    void aRejectedReloadTurnsHealthDownWithItsReasonAndAGoodOneTurnsItUpAgain(@TempDir Path dir) throws Exception {
        Path pack = Packs.copySeed(dir);
        runner.withPropertyValues("privacy-rules.policy=" + pack).run(context -> {
            PrivacyRules rules = context.getBean(PrivacyRules.class);
            PrivacyRulesHealthIndicator indicator = context.getBean(PrivacyRulesHealthIndicator.class);
            String revision = rules.policy().revision();

            Packs.breakJurisdiction(pack);
            int line = Files.readAllLines(pack.resolve("policy.yaml"), StandardCharsets.UTF_8)
                    .indexOf("jurisdiction: China") + 1;
            assertThat(rules.reload()).isInstanceOf(ReloadResult.Rejected.class);

            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("lastReload", "rejected").containsEntry("revision", revision);
            assertThat((String) down.getDetails().get("reason")).startsWith("the last reload was rejected with 1 problem;")
                    .contains("bmw-connected-drive-cn 2019.11 (revision " + revision + ") goes on serving");
            assertThat(problems(down)).singleElement().asString()
                    .startsWith(pack.resolve("policy.yaml") + ":" + line + ":15: 'China' is not a two-letter");

            Packs.edit(pack, "policy.yaml", "jurisdiction: China", "jurisdiction: CN");
            Packs.setVersion(pack, "B");
            assertThat(rules.reload()).isInstanceOf(ReloadResult.Swapped.class);
            Health up = indicator.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("version", "B").containsEntry("lastReload", "swapped")
                    .doesNotContainKeys("reason", "problems");
        });
    }

    @Test
    void aRejectedReloadOfTheFolderWatchTurnsHealthDown(@TempDir Path dir) {
        Path pack = Packs.copySeed(dir);
        runner.withPropertyValues("privacy-rules.policy=" + pack, "privacy-rules.reload.enabled=true",
                "privacy-rules.reload.interval=50ms").run(context -> {
                    PrivacyRulesHealthIndicator indicator = context.getBean(PrivacyRulesHealthIndicator.class);
                    assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
                    Packs.breakJurisdiction(pack);
                    waitUntil(() -> indicator.health().getStatus().equals(Status.DOWN));
                    assertThat(problems(indicator.health())).singleElement().asString().contains("'China'");
                });
    }

    @Test
    void theInfoContributorDescribesTheServingLayers() {
        runner.withPropertyValues("privacy-rules.policy=" + Packs.SEED + "," + Packs.LAW).run(context -> {
            Info.Builder builder = new Info.Builder();
            context.getBean(PrivacyRulesInfoContributor.class).contribute(builder);
            @SuppressWarnings("unchecked")
            Map<String, Object> info = (Map<String, Object>) builder.build().get("privacyRules");
            assertThat(info).containsEntry("pack", "bmw-connected-drive-cn+pipl-baseline")
                    .containsEntry("jurisdiction", "CN").containsKeys("version", "revision", "effective");
            assertThat((List<?>) info.get("layers")).hasSize(2);
        });
    }

    @Test
    void healthAndInfoCanBeTurnedOff() {
        runner.withBean(PolicyEngine.class, Packs::seedEngine)
                .withPropertyValues("management.health.privacyrules.enabled=false",
                "management.info.privacyrules.enabled=false").run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(PrivacyRulesHealthIndicator.class)
                        .doesNotHaveBean(PrivacyRulesInfoContributor.class));
    }

    @Test
    void theEndpointIsOffByDefault() {
        runner.withBean(PolicyEngine.class, Packs::seedEngine).withPropertyValues(
                "management.endpoints.web.exposure.include=*", "spring.jmx.enabled=true",
                "management.endpoints.jmx.exposure.include=*")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(PrivacyRulesEndpoint.class));
    }

    @Test
    void theEndpointReadsAndReloadsWhenAllowedAndExposed(@TempDir Path dir) {
        Path pack = Packs.copySeed(dir);
        runner.withPropertyValues("privacy-rules.policy=" + pack, "management.endpoint.privacyrules.access=UNRESTRICTED",
                "spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=privacyrules").run(context -> {
                    assertThat(context).hasSingleBean(PrivacyRulesEndpoint.class);
                    PrivacyRulesEndpoint endpoint = context.getBean(PrivacyRulesEndpoint.class);
                    assertThat(endpoint.policy()).containsEntry("locations", List.of(pack.toString()))
                            .doesNotContainKey("lastReload");

                    assertThat(endpoint.reload()).containsEntry("result", "unchanged");
                    Packs.breakJurisdiction(pack);
                    Map<String, Object> rejected = endpoint.reload();
                    assertThat(rejected).containsEntry("result", "rejected").containsEntry("problemCount", 1);
                    assertThat((List<?>) rejected.get("problems")).singleElement().asString().contains(":15: 'China'");
                    assertThat(endpoint.policy()).containsKey("lastReload");
                });
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(Health health) {
        return (List<String>) health.getDetails().get("problems");
    }
}
