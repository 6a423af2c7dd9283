/**
 * For extension authors: {@link io.privacyrules.spi.DecisionSink} receives every decision as a
 * {@link io.privacyrules.spi.DecisionEvent}.
 */
package io.privacyrules.spi;
