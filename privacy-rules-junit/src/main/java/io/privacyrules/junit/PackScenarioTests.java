package io.privacyrules.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * A test interface that runs the scenario files named by the test class's {@link PackTest}
 * annotation: one dynamic container per file and one dynamic test per scenario, as
 * {@link PackScenarios#of(String, String...)} gives them.
 *
 * <pre>{@code
 * @PackTest(policy = "classpath:bmw-connected-drive-cn", scenarios = "rules/bmw-connected-drive-cn/scenarios")
 * class SeedPackTest implements PackScenarioTests {
 * }
 * }</pre>
 *
 * <p>It uses nothing but JUnit Jupiter's test interfaces: the inherited default method is an
 * ordinary {@link TestFactory}, so IDEs, Maven Surefire and Gradle run the class like any other,
 * with no extension or engine to register. The class may declare tests of its own beside it.
 *
 * <p>The test factory fails, rather than passing with no tests, when the class has no
 * {@link PackTest}, when the pack does not load (listing every problem with file, line and
 * column), or when {@link PackTest#scenarios()} is empty; a path that does not exist or a folder
 * without scenario files fails as a test of its own.
 *
 * <p>The interface holds no state: each run of the test factory loads the pack once, for all its
 * scenarios.
 */
public interface PackScenarioTests {
    /**
     * The scenarios of the pack that the test class's {@link PackTest} names, as dynamic tests.
     *
     * @return one dynamic container per scenario file, holding one dynamic test per scenario
     * @throws IllegalStateException                if the test class has no {@link PackTest}
     * @throws IllegalArgumentException             if {@link PackTest#scenarios()} is empty
     * @throws io.privacyrules.PolicyLoadException if the pack does not load; its message lists every problem
     */
    @TestFactory
    default Stream<DynamicNode> packScenarios() {
        return PackTests.scenarios(getClass());
    }
}
