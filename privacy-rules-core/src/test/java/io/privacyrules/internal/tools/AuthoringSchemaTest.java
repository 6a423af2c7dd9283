package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.privacyrules.internal.pack.PackLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/policy.schema.json names the same keys as the loader for the authoring sections (the top
 * level and the other sections are checked by SchemaInStepTest).
 */
class AuthoringSchemaTest {
    @Test
    void authoringSectionsHaveTheLoadersKeysAndRejectOthers() throws Exception {
        JsonNode defs = new ObjectMapper().readTree(Path.of("..", "docs", "policy.schema.json").toFile()).get("$defs");
        Map<String, Set<String>> loader = Map.of("lint", PackLoader.LINT_KEYS, "acknowledgement", PackLoader.ACKNOWLEDGEMENT_KEYS,
                "coverage", PackLoader.COVERAGE_KEYS, "controller", PackLoader.CONTROLLER_KEYS);
        for (Map.Entry<String, Set<String>> e : loader.entrySet()) {
            JsonNode def = defs.get(e.getKey());
            Set<String> schema = new TreeSet<>();
            def.get("properties").fieldNames().forEachRemaining(schema::add);
            assertEquals(new TreeSet<>(e.getValue()), schema, "$defs/" + e.getKey());
            assertEquals("false", String.valueOf(def.get("additionalProperties")), "$defs/" + e.getKey());
        }
        Set<String> top = new TreeSet<>();
        defs.get("pack").get("properties").fieldNames().forEachRemaining(top::add);
        assertEquals(true, top.containsAll(Set.of("implements", "lint", "coverage", "controller")), top::toString);
    }
}
