/**
 * The authoring tools behind {@code bin/privacy-rules lint}, {@code check --coverage},
 * {@code decide --explain}, {@code diff}, {@code doc} and {@code check --report}; implementation details (see
 * {@link io.privacyrules.internal}), not an API.
 *
 * <p>{@link io.privacyrules.internal.tools.Lint} analyses a pack without running it, over the YAML
 * rules' conditions ({@link io.privacyrules.internal.tools.Cases}); {@link io.privacyrules.internal.tools.Coverage}
 * records which rules and clauses the scenarios exercised; {@link io.privacyrules.internal.tools.Explain}
 * tells why each rule did or did not match one request; {@link io.privacyrules.internal.tools.PackDiff}
 * classifies the changes between two versions of a pack by Section VIII of the seed policy;
 * {@link io.privacyrules.internal.tools.HtmlReport} puts coverage, lint and scenario results on one page;
 * {@link io.privacyrules.internal.tools.PackDoc} renders a pack as a readable document, clause by clause.
 * Every output names ids, clauses and file positions, never data values.
 */
package io.privacyrules.internal.tools;
