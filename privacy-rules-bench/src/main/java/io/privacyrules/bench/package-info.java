/**
 * JMH benchmarks of {@link io.privacyrules.PolicyEngine} on the seed pack
 * {@code bmw-connected-drive-cn}, beside the same decisions written by hand ({@link
 * io.privacyrules.bench.HandWritten}, the floor), in jCasbin ({@link io.privacyrules.bench.CasbinDecider})
 * and in Cedar ({@link io.privacyrules.bench.CedarDecider}), over one seeded request mix ({@link
 * io.privacyrules.bench.RequestMix}). See {@code docs/performance.md}.
 */
package io.privacyrules.bench;
