/**
 * Reads scenario files (docs/scenarios.md) strictly, decides each scenario's request and compares
 * the answer with its {@code expect}; also reads one request for {@code bin/privacy-rules decide}.
 *
 * <p>Implementation details of the library, not API: hosts and pack authors use
 * {@link io.privacyrules.Scenarios} or the JUnit support; anything here may change in any release
 * (see {@link io.privacyrules.internal}).
 */
package io.privacyrules.internal.scenario;
