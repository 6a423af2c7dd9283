package io.privacyrules.junit;

import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.platform.commons.support.AnnotationSupport;

/** What {@link PackScenarioTests#packScenarios()} does, apart from the interface so that it can be tested on any class. */
final class PackTests {
    private PackTests() {
    }

    /**
     * The scenarios named by the {@link PackTest} of {@code testClass}, found as JUnit finds its own
     * annotations: on the class, a superclass or an interface, or on an annotation of these.
     */
    static Stream<DynamicNode> scenarios(Class<?> testClass) {
        Objects.requireNonNull(testClass, "testClass");
        PackTest pack = AnnotationSupport.findAnnotation(testClass, PackTest.class).orElseThrow(
                () -> new IllegalStateException(testClass.getName() + " implements PackScenarioTests but has no "
                        + "@PackTest(policy = \"...\", scenarios = \"...\") naming its pack and scenario files"));
        if (pack.scenarios().length == 0) {
            throw new IllegalArgumentException("@PackTest on " + testClass.getName()
                    + " names no scenario files: give scenarios = \"path/to/scenarios\"");
        }
        return PackScenarios.of(pack.policy(), pack.scenarios());
    }
}
