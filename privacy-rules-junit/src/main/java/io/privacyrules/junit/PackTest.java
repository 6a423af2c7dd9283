package io.privacyrules.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the pack and the scenario files of a test class that implements {@link PackScenarioTests}:
 * the annotation-driven alternative to a {@link PackScenarios#of(String, String...)} test factory.
 *
 * <pre>{@code
 * @PackTest(policy = "classpath:bmw-connected-drive-cn", scenarios = "rules/bmw-connected-drive-cn/scenarios")
 * class SeedPackTest implements PackScenarioTests {
 * }
 * }</pre>
 *
 * <p>The annotation does nothing on its own: JUnit Jupiter runs only classes that declare or
 * inherit a test method, and {@link PackScenarioTests} supplies that method. It is found on the test
 * class, on a superclass (it is {@link Inherited}) or on an annotation of the test class, so that a
 * team can compose its own, such as {@code @ShopPack}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PackTest {
    /**
     * The pack: a folder such as {@code rules/my-pack}, or {@code classpath:NAME} for a pack on the
     * test classpath. A pack that does not load fails the test with every problem listed.
     *
     * @return the pack's location, as {@link io.privacyrules.PolicyEngine#load(String)} takes it
     */
    String policy();

    /**
     * The scenario files or folders, at least one. A folder stands for every {@code .yaml} and
     * {@code .yml} file below it. Relative paths resolve against the working directory, which in a
     * Maven build is the module's folder. A path that does not exist, or a folder without scenario
     * files, fails the test.
     *
     * @return the scenario files or folders
     */
    String[] scenarios();
}
