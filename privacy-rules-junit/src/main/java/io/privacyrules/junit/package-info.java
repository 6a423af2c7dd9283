/**
 * JUnit 5 support for compliance authors: {@link io.privacyrules.junit.PackScenarios} turns a
 * pack's scenario files into dynamic tests.
 */
package io.privacyrules.junit;
