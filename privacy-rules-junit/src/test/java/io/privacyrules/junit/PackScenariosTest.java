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

    @Test
    void aMalformedScenarioIsOneFailingTestAndTheOthersStillRun(@TempDir Path dir) throws Throwable {
        Path file = dir.resolve("mixed.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: malformed
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit, obligations: [anonymise]}
                  - name: passes
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                """);
        List<DynamicNode> nodes = PackScenarios.of("classpath:bmw-connected-drive-cn", file.toString()).toList();
        List<DynamicTest> tests = ((DynamicContainer) nodes.get(0)).getChildren().map(DynamicTest.class::cast).toList();
        assertEquals(List.of("malformed", "passes"), tests.stream().map(DynamicTest::getDisplayName).toList());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> tests.get(0).getExecutable().execute());
        assertTrue(e.getMessage().contains("mixed.yaml:4:46: obligation 'anonymise' in obligations is not declared by the pack"
                + " (hint: did you mean 'anonymize'?)"), e.getMessage());
        assertTrue(tests.get(0).getTestSourceUri().orElseThrow().toString().endsWith("mixed.yaml?line=2"));
        tests.get(1).getExecutable().execute();
    }

    @Test
    void nothingPassesByTestingNothing(@TempDir Path dir) throws Throwable {
        Files.writeString(dir.resolve("empty.yaml"), "scenarios: []\n");
        Files.createDirectory(dir.resolve("none"));
        List<DynamicNode> nodes = PackScenarios.of("classpath:bmw-connected-drive-cn",
                dir.resolve("empty.yaml").toString(), dir.resolve("none").toString(), dir.resolve("gone").toString()).toList();
        assertEquals(3, nodes.size());
        List<DynamicTest> tests = List.of(
                (DynamicTest) ((DynamicContainer) nodes.get(0)).getChildren().findFirst().orElseThrow(),
                (DynamicTest) nodes.get(1), (DynamicTest) nodes.get(2));
        List<String> messages = new java.util.ArrayList<>();
        for (DynamicTest t : tests) {
            messages.add(assertThrows(AssertionFailedError.class, () -> t.getExecutable().execute()).getMessage());
        }
        assertTrue(messages.get(0).contains("empty.yaml:1:12: the file lists no scenarios"), messages.get(0));
        assertEquals("no scenario files (.yaml, .yml) in the folder " + dir.resolve("none"), messages.get(1));
        assertTrue(messages.get(2).startsWith("no such file or folder: " + dir.resolve("gone")), messages.get(2));
    }

    @Test
    void noPathOrANullPathIsMisuse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PackScenarios.of("classpath:bmw-connected-drive-cn"));
        assertEquals("fileOrDirs must name at least one scenario file or folder", e.getMessage());
        assertEquals("fileOrDirs[1]", assertThrows(NullPointerException.class,
                () -> PackScenarios.of("classpath:bmw-connected-drive-cn", SCENARIOS, null)).getMessage());
    }
}
