/**
 * Spring Boot 4 auto-configuration of privacy-rules: the pack of {@code privacy-rules.policy} as a
 * {@link io.privacyrules.spring.PrivacyRules} bean (over a {@link io.privacyrules.LivePolicy}),
 * with an optional decision log and folder watch, a health indicator, an info contributor, a
 * reload endpoint, and Micrometer metrics when the application has a registry.
 *
 * <p>Every public type here is thread-safe. Nothing in this package exposes Drools or Jackson
 * types. See docs/spring-boot.md.
 */
package io.privacyrules.spring;
