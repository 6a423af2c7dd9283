package io.privacyrules.internal.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** docs/policy.schema.json accepts exactly the keys the loader accepts, object by object. */
class SchemaInStepTest {
    private static final Path SCHEMA = Path.of("..", "docs", "policy.schema.json");

    @TestFactory
    java.util.stream.Stream<DynamicTest> everyObjectOfTheSchemaHasTheLoadersKeys() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(SCHEMA.toFile()).get("$defs");
        Map<String, Set<String>> loader = new java.util.LinkedHashMap<>();
        loader.put("pack", PackLoader.TOP_KEYS);
        loader.put("action", PackLoader.ACTION_KEYS);
        loader.put("basis", PackLoader.BASIS_KEYS);
        loader.put("category", PackLoader.CATEGORY_KEYS);
        loader.put("recipient", PackLoader.RECIPIENT_KEYS);
        loader.put("purpose", PackLoader.PURPOSE_KEYS);
        loader.put("obligation", PackLoader.OBLIGATION_KEYS);
        loader.put("children", PackLoader.CHILDREN_KEYS);
        loader.put("defaults", PackLoader.DEFAULTS_KEYS);
        loader.put("defaultDeny", PackLoader.DEFAULT_DENY_KEYS);
        loader.put("invalidRequest", PackLoader.INVALID_KEYS);
        loader.put("rule", PackLoader.RULE_KEYS);
        loader.put("condition", Set.copyOf(Condition.Key.names()));
        loader.put("rights", PackLoader.RIGHTS_KEYS);
        loader.put("right", PackLoader.RIGHT_KEYS);
        loader.put("unreasonableGrounds", PackLoader.UNREASONABLE_KEYS);
        loader.put("retention", PackLoader.RETENTION_KEYS);
        loader.put("retentionEvent", PackLoader.EVENT_KEYS);
        loader.put("retentionPeriod", PackLoader.PERIOD_KEYS);
        loader.put("calendar", PackLoader.CALENDAR_KEYS);
        loader.put("holiday", PackLoader.HOLIDAY_KEYS);
        loader.put("lint", PackLoader.LINT_KEYS);
        loader.put("acknowledgement", PackLoader.ACKNOWLEDGEMENT_KEYS);
        loader.put("coverage", PackLoader.COVERAGE_KEYS);
        loader.put("controller", PackLoader.CONTROLLER_KEYS);
        loader.put("region", PackLoader.REGION_KEYS);
        loader.put("transfers", PackLoader.TRANSFERS_KEYS);
        loader.put("mechanism", PackLoader.MECHANISM_KEYS);
        loader.put("objection", PackLoader.OBJECTION_KEYS);
        loader.put("consentKind", PackLoader.CONSENT_KIND_KEYS);
        loader.put("extension", PackLoader.EXTENSION_KEYS);
        loader.put("changes", PackLoader.CHANGES_KEYS);
        return loader.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            JsonNode def = defs.get(e.getKey());
            assertFalse(def == null || def.get("properties") == null, "no $defs/" + e.getKey() + "/properties");
            Set<String> schema = StreamSupport.stream(((Iterable<String>) () -> def.get("properties").fieldNames())
                    .spliterator(), false).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(e.getValue()), schema, "$defs/" + e.getKey());
            assertEquals("false", String.valueOf(def.get("additionalProperties")), "$defs/" + e.getKey()
                    + " must reject unknown keys, as the loader does");
        }));
    }
}
