package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class PackScenariosTest {
    static final String SCENARIOS = "../rules/bmw-connected-drive-cn/scenarios";

    /** What a compliance author writes: the seed pack's own scenarios. */
    @TestFactory
    Stream<DynamicNode> seedPackScenarios() {
        return PackScenarios.of("classpath:bmw-connected-drive-cn", SCENARIOS);
    }

    @Test
    void aFailingScenarioFailsItsTestWithWhatDiffered(@TempDir Path dir) throws Throwable {
        Path file = dir.resolve("wrong.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: passes
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                  - name: fails
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: deny}
                """);
        List<DynamicNode> nodes = PackScenarios.of("classpath:bmw-connected-drive-cn", file.toString()).toList();
        assertEquals(1, nodes.size());
        List<DynamicTest> tests = ((DynamicContainer) nodes.get(0)).getChildren().map(DynamicTest.class::cast).toList();
        assertEquals(2, tests.size());
        tests.get(0).getExecutable().execute();
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
        assertTrue(e.getMessage().contains("expected deny, got permit"), e.getMessage());
        assertTrue(tests.get(1).getTestSourceUri().orElseThrow().toString().endsWith("wrong.yaml?line=5"));
    }
}
