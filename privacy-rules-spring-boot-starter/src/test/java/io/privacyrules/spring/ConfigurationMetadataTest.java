package io.privacyrules.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacyrules.DecisionLog;
import io.privacyrules.micrometer.PolicyMetrics;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The build generates configuration metadata for IDE completion, with a description for every
 * property and defaults that agree with the library's own.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyHasADescriptionAndTheDefaultsAgreeWithTheLibrary() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        try (InputStream in = PrivacyRulesProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("spring-configuration-metadata.json was generated").isNotNull();
            new ObjectMapper().readTree(in).get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        }

        assertThat(properties).containsKeys("privacy-rules.policy", "privacy-rules.clock-zone",
                "privacy-rules.reload.enabled", "privacy-rules.reload.folder", "privacy-rules.reload.interval",
                "privacy-rules.decision-log.sink", "privacy-rules.decision-log.file",
                "privacy-rules.decision-log.queue-size", "privacy-rules.metrics.max-tag-values",
                "management.endpoint.privacyrules.access");
        properties.forEach((name, p) -> assertThat(p.path("description").asText()).as(name).isNotBlank());

        assertThat(properties.get("privacy-rules.decision-log.queue-size").get("defaultValue").asInt())
                .isEqualTo(DecisionLog.DEFAULT_CAPACITY);
        assertThat(properties.get("privacy-rules.metrics.max-tag-values").get("defaultValue").asInt())
                .isEqualTo(PolicyMetrics.DEFAULT_MAX_TAG_VALUES);
        assertThat(properties.get("privacy-rules.decision-log.sink").get("defaultValue").asText()).isEqualTo("none");
        assertThat(properties.get("privacy-rules.reload.enabled").get("defaultValue").asBoolean()).isFalse();
        assertThat(properties.get("privacy-rules.reload.interval").get("defaultValue").asText()).isEqualTo("30s");
        assertThat(properties.get("management.endpoint.privacyrules.access").get("defaultValue").asText())
                .isEqualTo("none");
    }
}
