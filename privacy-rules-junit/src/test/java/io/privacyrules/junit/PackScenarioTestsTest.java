package io.privacyrules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyLoadException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * {@link PackTest} with {@link PackScenarioTests}. The annotated classes below do not implement the
 * interface, so that no test runner mistakes them for tests: each test here runs what the
 * interface's test factory runs for them. {@link SeedPackScenariosTest} is the real thing.
 */
class PackScenarioTestsTest {
    static final String SEED = "classpath:bmw-connected-drive-cn";
    static final String SCENARIOS = "../rules/bmw-connected-drive-cn/scenarios";

    @PackTest(policy = SEED, scenarios = {SCENARIOS + "/04-cross-border.yaml", SCENARIOS + "/05-children.yaml"})
    static class TwoFiles {
    }

    @PackTest(policy = "src/test/fixtures/three-mistakes", scenarios = SCENARIOS)
    static class BrokenPack {
    }

    @PackTest(policy = SEED, scenarios = {"no/such/folder", SCENARIOS + "/04-cross-border.yaml"})
    static class MissingFolder {
    }

    @PackTest(policy = SEED, scenarios = "src/test/fixtures/no-scenarios")
    static class FolderWithoutScenarios {
    }

    @PackTest(policy = SEED, scenarios = {})
    static class NoScenarios {
    }

    static class NotAnnotated {
    }

    static class InheritsTheAnnotation extends TwoFiles {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @PackTest(policy = SEED, scenarios = SCENARIOS + "/05-children.yaml")
    @interface ChildrenScenarios {
    }

    @ChildrenScenarios
    static class ComposedAnnotation {
    }

    /** Every dynamic test below the nodes, depth first. */
    static List<DynamicTest> tests(Stream<DynamicNode> nodes) {
        List<DynamicTest> out = new ArrayList<>();
        nodes.forEach(n -> {
            if (n instanceof DynamicContainer c) {
                out.addAll(tests(c.getChildren().map(DynamicNode.class::cast)));
            } else {
                out.add((DynamicTest) n);
            }
        });
        return out;
    }

    @Test
    void theInterfacesTestFactoryReadsTheAnnotationOfTheTestClass() {
        List<String> files = new SeedPackScenariosTest().packScenarios().map(DynamicNode::getDisplayName).toList();
        assertEquals(8, files.size(), files.toString());
        assertEquals("01-purposes.yaml", files.get(0));
    }

    @Test
    void runsTheNamedFilesOneContainerEachOneTestPerScenario() throws Throwable {
        List<DynamicNode> files = PackTests.scenarios(TwoFiles.class).toList();
        assertEquals(List.of("04-cross-border.yaml", "05-children.yaml"), files.stream().map(DynamicNode::getDisplayName).toList());
        List<DynamicTest> tests = tests(files.stream());
        assertTrue(tests.size() > 10, "tests: " + tests.size());
        assertTrue(tests.stream().anyMatch(t -> t.getDisplayName().equals("a child cannot register an account alone")));
        for (DynamicTest t : tests) {
            t.getExecutable().execute();
        }
    }

    @Test
    void theAnnotationIsFoundOnASuperclassAndOnAComposedAnnotation() {
        assertEquals(2, PackTests.scenarios(InheritsTheAnnotation.class).count());
        assertEquals(List.of("05-children.yaml"),
                PackTests.scenarios(ComposedAnnotation.class).map(DynamicNode::getDisplayName).toList());
    }

    @Test
    void aPackThatDoesNotLoadFailsWithEveryProblemListed() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> PackTests.scenarios(BrokenPack.class));
        assertEquals(3, e.problems().size(), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.contains("did not load: 3 problems"), m);
        assertTrue(m.contains("sensitve"), m);
        assertTrue(m.contains("Germany"), m);
        assertTrue(m.contains("III-2"), m);
        e.problems().forEach(p -> assertTrue(p.line() > 0 && p.file().endsWith("policy.yaml"), p.toString()));
    }

    @Test
    void aMissingFolderFailsAsATestOfItsOwnAndTheOtherFilesStillRun() throws Throwable {
        List<DynamicNode> nodes = PackTests.scenarios(MissingFolder.class).toList();
        assertEquals(List.of("no/such/folder", "04-cross-border.yaml"), nodes.stream().map(DynamicNode::getDisplayName).toList());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> ((DynamicTest) nodes.get(0)).getExecutable().execute());
        assertTrue(e.getMessage().startsWith("no such file or folder: no/such/folder (relative paths resolve against the "
                + "working directory "), e.getMessage());
        for (DynamicTest t : tests(nodes.stream().skip(1))) {
            t.getExecutable().execute();
        }
    }

    @Test
    void aFolderWithoutScenarioFilesFails() {
        List<DynamicTest> tests = tests(PackTests.scenarios(FolderWithoutScenarios.class));
        assertEquals(1, tests.size());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> tests.get(0).getExecutable().execute());
        assertEquals("no scenario files (.yaml, .yml) in the folder src/test/fixtures/no-scenarios", e.getMessage());
    }

    @Test
    void noScenariosOrNoAnnotationFailsTheFactory() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> PackTests.scenarios(NoScenarios.class));
        assertTrue(none.getMessage().contains("names no scenario files"), none.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> PackTests.scenarios(NotAnnotated.class));
        assertTrue(missing.getMessage().endsWith("NotAnnotated implements PackScenarioTests but has no "
                + "@PackTest(policy = \"...\", scenarios = \"...\") naming its pack and scenario files"), missing.getMessage());
    }
}
