/**
 * An EU host: the back end of PulseTrack, a fictional fitness app, asking the company pack
 * {@code classpath:pulsetrack-eu} before each step, with objection and erasure handled
 * ({@link io.privacyrules.examples.fitness.PulseTrackService}).
 */
package io.privacyrules.examples.fitness;
