/**
 * JUnit 5 support for compliance authors: {@link io.privacyrules.junit.PackScenarios} turns a
 * pack's scenario files into dynamic tests, and {@link io.privacyrules.junit.PackCoverage} fails the
 * build when the scenarios cover less of the pack than its {@code coverage.minimum}.
 */
package io.privacyrules.junit;
