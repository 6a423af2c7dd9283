/**
 * Micrometer metrics for privacy-rules, without Spring: {@link io.privacyrules.micrometer.PolicyMetrics}
 * counts and times decisions, counts reloads, and reports a decision log's dropped and failed
 * events. It needs {@code micrometer-core} and {@code privacy-rules-core} only; the Spring Boot
 * starter uses it when the application has a {@code MeterRegistry}.
 */
package io.privacyrules.micrometer;
