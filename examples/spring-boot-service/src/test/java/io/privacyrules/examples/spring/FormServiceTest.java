package io.privacyrules.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example service over HTTP, on a random port: a form is stored only when the policy permits
 * it, and the actuator shows the policy's health and the decision counters. The pack is a copy of
 * the seed pack in a folder, so that a test can break it and reload it through the endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,info,metrics,privacyrules",
        "management.endpoint.privacyrules.access=unrestricted"})
class FormServiceTest {
    static final Path SEED = Path.of("..", "..", "rules", "bmw-connected-drive-cn");
    static final Path PACK = copySeed();
    static final String FORM = """
            {"name": "Li Lei", "relationship": "brother", "mobile": "13800138000", "consentToServiceImprovement": %s}""";

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ContactStore store;

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry registry) {
        registry.add("privacy-rules.policy", PACK::toString);
    }

    @Test
    void aFormWithTheConsentIsStored() throws Exception {
        int before = store.size();

        HttpResponse<String> response = post("/emergency-contacts", FORM.formatted(true));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("stored").asBoolean()).isTrue();
        assertThat(body.at("/policy/pack").asText()).isEqualTo("bmw-connected-drive-cn");
        assertThat(body.at("/reasons/0/clause").asText()).isEqualTo("I.1(3)");
        assertThat(store.size()).isEqualTo(before + 1);
    }

    @Test
    void aFormWithoutTheConsentIsRefusedWithThePolicysReasonsAndNotStored() throws Exception {
        int before = store.size();

        HttpResponse<String> response = post("/emergency-contacts", FORM.formatted(false));

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("stored").asBoolean()).isFalse();
        assertThat(body.at("/reasons/0/clause").asText()).isEqualTo("I.1(3)");
        assertThat(body.at("/reasons/0/code").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("13800138000").doesNotContain("Li Lei");
        assertThat(store.size()).isEqualTo(before);
    }

    @Test
    void theActuatorShowsThePolicyUpAndTheDecisionCounters() throws Exception {
        post("/emergency-contacts", FORM.formatted(false));

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode component = json.readTree(health.body()).at("/components/privacyRules");
        assertThat(component.get("status").asText()).isEqualTo("UP");
        assertThat(component.at("/details/pack").asText()).isEqualTo("bmw-connected-drive-cn");
        assertThat(component.at("/details/version").asText()).isEqualTo("2019.11");
        assertThat(component.at("/details/revision").asText()).hasSize(12);

        JsonNode names = json.readTree(get("/actuator/metrics").body()).get("names");
        assertThat(names.toString()).contains("\"privacyrules.decisions\"", "\"privacyrules.decide\"",
                "\"privacyrules.reloads\"");
        HttpResponse<String> denies = get("/actuator/metrics/privacyrules.decisions?tag=outcome:deny&tag=kind:processing");
        assertThat(denies.statusCode()).isEqualTo(200);
        JsonNode metric = json.readTree(denies.body());
        assertThat(metric.at("/measurements/0/statistic").asText()).isEqualTo("COUNT");
        assertThat(metric.at("/measurements/0/value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(metric.get("availableTags").toString()).contains("\"reason\"", "\"pack\"");

        JsonNode info = json.readTree(get("/actuator/info").body());
        assertThat(info.at("/privacyRules/pack").asText()).isEqualTo("bmw-connected-drive-cn");
    }

    @Test
    void aRejectedReloadTurnsHealthDownWithItsReasonUntilAGoodVersionLoads() throws Exception {
        Path policy = PACK.resolve("policy.yaml");
        String good = Files.readString(policy, StandardCharsets.UTF_8);
        try {
            Files.writeString(policy, good.replace("jurisdiction: CN", "jurisdiction: China"), StandardCharsets.UTF_8);
            HttpResponse<String> reload = post("/actuator/privacyrules", "");
            assertThat(reload.statusCode()).isEqualTo(200);
            assertThat(json.readTree(reload.body()).get("result").asText()).isEqualTo("rejected");

            HttpResponse<String> down = get("/actuator/health");
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode component = json.readTree(down.body()).at("/components/privacyRules");
            assertThat(component.get("status").asText()).isEqualTo("DOWN");
            assertThat(component.at("/details/reason").asText()).startsWith("the last reload was rejected");
            assertThat(component.at("/details/problems/0").asText()).contains("policy.yaml:")
                    .contains("'China' is not a two-letter ISO 3166 country code");

            HttpResponse<String> stillServing = post("/emergency-contacts", FORM.formatted(true));
            assertThat(stillServing.statusCode()).as("the old version goes on deciding").isEqualTo(201);
        } finally {
            Files.writeString(policy, good, StandardCharsets.UTF_8);
        }
        assertThat(json.readTree(post("/actuator/privacyrules", "").body()).get("result").asText()).isEqualTo("unchanged");
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A copy of the seed pack (without its scenarios) in a new temporary folder. */
    static Path copySeed() {
        try {
            Path dir = Files.createTempDirectory("form-service-pack");
            try (Stream<Path> files = Files.walk(SEED)) {
                for (Path p : files.toList()) {
                    Path rel = SEED.relativize(p);
                    if (rel.toString().startsWith("scenarios")) {
                        continue;
                    }
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dir.resolve(rel.toString()));
                    } else {
                        Files.copy(p, dir.resolve(rel.toString()));
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteThePack() throws IOException {
        try (Stream<Path> files = Files.walk(PACK)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
