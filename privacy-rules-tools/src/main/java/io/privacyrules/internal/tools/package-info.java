/**
 * The authoring tools behind {@code bin/privacy-rules lint}, {@code check --coverage},
 * {@code decide --explain}, {@code diff}, {@code doc} and {@code check --report}; implementation details, not an API.
 * This package is the module {@code privacy-rules-tools} (automatic module {@code io.privacyrules.tools}), kept
 * out of the runtime jar {@code privacy-rules-core}. It reaches the core through
 * {@link io.privacyrules.internal.Authoring} and reads the core types that class lists; {@code SeamTest} checks
 * that it uses nothing else.
 *
 * <p>{@link io.privacyrules.internal.tools.Lint} analyses a pack without running it, over the YAML
 * rules' conditions ({@link io.privacyrules.internal.tools.Cases}); {@link io.privacyrules.internal.tools.Coverage}
 * records which rules and clauses the scenarios exercised; {@link io.privacyrules.internal.tools.Explain}
 * tells why each rule did or did not match one request; {@link io.privacyrules.internal.tools.PackDiff}
 * classifies the changes between two versions of a pack by the pack's {@code changes} section;
 * {@link io.privacyrules.internal.tools.GapReport} holds a company's pack against a law layer;
 * {@link io.privacyrules.internal.tools.HtmlReport} puts coverage, lint and scenario results on one page;
 * {@link io.privacyrules.internal.tools.PackDoc} renders a pack as a readable document, clause by clause.
 * Every output names ids, clauses and file positions, never data values.
 */
package io.privacyrules.internal.tools;
