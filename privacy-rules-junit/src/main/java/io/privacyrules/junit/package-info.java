/**
 * JUnit 5 support for compliance authors.
 *
 * <ul>
 *   <li>{@link io.privacyrules.junit.PackScenarios} turns a pack's scenario files into dynamic tests,
 *       from a one-line {@code @TestFactory}.</li>
 *   <li>{@link io.privacyrules.junit.PackTest} with {@link io.privacyrules.junit.PackScenarioTests}
 *       does the same from an annotation: the test interface supplies the test factory.</li>
 *   <li>{@link io.privacyrules.junit.PackCoverage} fails the build when the scenarios cover less of
 *       the pack than its {@code coverage.minimum}.</li>
 *   <li>{@link io.privacyrules.junit.DecisionAssertions} checks decisions fluently in Java tests:
 *       {@code assertThat(decision).isDenied().citing("VI")}.</li>
 * </ul>
 *
 * <pre>{@code
 * @PackTest(policy = "classpath:bmw-connected-drive-cn", scenarios = "rules/bmw-connected-drive-cn/scenarios")
 * class SeedPackTest implements PackScenarioTests {
 *     @Test
 *     void dealerReportsAreAggregated() {
 *         PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn");
 *         assertThat(engine.decide(dealerReport)).isPermitted().withObligations("aggregate", "anonymize");
 *     }
 * }
 * }</pre>
 *
 * <p>Failures are {@link org.opentest4j.AssertionFailedError}s whose messages show identifiers and
 * the pack's own sentences, never personal data. Nothing here passes by testing nothing: a missing
 * scenario path, a folder without scenario files or a pack that does not load fails. Every type is
 * stateless or immutable, and thread-safe.
 */
package io.privacyrules.junit;
