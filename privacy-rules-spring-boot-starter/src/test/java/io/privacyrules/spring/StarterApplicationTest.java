package io.privacyrules.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Statistic;
import io.privacyrules.Decision;
import io.privacyrules.PolicyLoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A Spring Boot application with the starter and the actuator, configured by properties alone:
 * the auto-configuration is found through its imports file, decides, reports health and info, and
 * counts decisions in the actuator's metrics.
 */
@SpringBootTest(classes = StarterApplicationTest.App.class, properties = {
        "privacy-rules.policy=classpath:bmw-connected-drive-cn",
        "privacy-rules.decision-log.sink=slf4j",
        "logging.level.io.privacyrules.decisions=warn",
        "spring.jmx.enabled=true",
        "management.endpoints.jmx.exposure.include=health,info,metrics,privacyrules",
        "management.endpoint.privacyrules.access=unrestricted",
        "management.endpoint.health.show-details=always"})
@ExtendWith(OutputCaptureExtension.class)
class StarterApplicationTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @Autowired
    PrivacyRules rules;
    @Autowired
    HealthEndpoint health;
    @Autowired
    InfoEndpoint info;
    @Autowired
    MetricsEndpoint metrics;
    @Autowired
    PrivacyRulesEndpoint endpoint;

    @Test
    void theApplicationDecidesReportsHealthUpAndCountsDecisions() {
        double before = count("privacyrules.decisions", "kind:processing", "outcome:permit");

        Decision permit = rules.decide(PrivacyRulesAutoConfigurationTest.WITH_CONSENT);
        Decision deny = rules.decide(io.privacyrules.ProcessingRequest.builder().action("collect")
                .purpose("service-improvement").data("emergency-contact.secondary").build());

        assertThat(permit.permitted()).isTrue();
        assertThat(deny.permitted()).isFalse();
        assertThat(count("privacyrules.decisions", "kind:processing", "outcome:permit")).isEqualTo(before + 1);
        assertThat(count("privacyrules.decisions", "outcome:deny", "reason:" + deny.reasons().get(0).code()))
                .isPositive();
        assertThat(count("privacyrules.decide", "kind:processing", "pack:bmw-connected-drive-cn")).isGreaterThanOrEqualTo(2);
        assertThat(metrics.listNames().getNames()).contains("privacyrules.decisions", "privacyrules.decide",
                "privacyrules.reloads", "privacyrules.decision.log.dropped", "privacyrules.decision.log.failed");
        assertThat(count("privacyrules.reloads", "result:rejected")).isZero();

        IndicatedHealthDescriptor component = (IndicatedHealthDescriptor) health.healthForPath("privacyRules");
        assertThat(component.getStatus()).isEqualTo(Status.UP);
        assertThat(component.getDetails()).containsEntry("pack", "bmw-connected-drive-cn")
                .containsEntry("version", "2019.11").containsEntry("revision", rules.policy().revision());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        @SuppressWarnings("unchecked")
        Map<String, Object> described = (Map<String, Object>) info.info().get("privacyRules");
        assertThat(described).containsEntry("pack", "bmw-connected-drive-cn");

        assertThat(endpoint.reload()).containsEntry("result", "unchanged");
        assertThat(count("privacyrules.reloads", "result:unchanged")).isEqualTo(1);
    }

    @Test
    void aBrokenPackStopsTheApplicationWithEveryProblemInTheFailureReport(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        Path pack = Packs.copySeed(dir);
        Packs.breakJurisdiction(pack);
        Packs.edit(pack, "policy.yaml", "timeZone: Asia/Shanghai", "timeZone: Mars/Olympus");
        List<String> lines = Files.readAllLines(pack.resolve("policy.yaml"), StandardCharsets.UTF_8);
        String file = pack.resolve("policy.yaml").toString();

        assertThatThrownBy(() -> new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("privacy-rules.policy=" + pack, "spring.main.banner-mode=off").run())
                .hasRootCauseInstanceOf(PolicyLoadException.class);

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("The privacy policy did not load")
                .contains("2 problems")
                .contains(file + ":" + (lines.indexOf("jurisdiction: China") + 1) + ":15: 'China'")
                .contains(file + ":" + (lines.indexOf("timeZone: Mars/Olympus") + 1) + ":")
                .contains("Mars/Olympus");
    }

    private double count(String name, String... tags) {
        MetricsEndpoint.MetricDescriptor metric = metrics.metric(name, List.of(tags));
        if (metric == null) {
            return 0;
        }
        return metric.getMeasurements().stream()
                .filter(s -> s.getStatistic() == Statistic.COUNT).mapToDouble(s -> s.getValue()).sum();
    }
}
