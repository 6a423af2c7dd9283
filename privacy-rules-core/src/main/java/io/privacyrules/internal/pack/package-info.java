/**
 * Loads a pack and compiles it: {@link io.privacyrules.internal.pack.PackLoader} validates
 * {@code policy.yaml} into a {@link io.privacyrules.internal.pack.Pack}, with one reader per section
 * ({@code VocabularyReader}, {@code PurposeReader}, {@code RuleReader}, {@code RightsReader}, ...),
 * {@link io.privacyrules.internal.pack.DrlGenerator} turns the YAML rules into DRL,
 * {@code DrlChecker} checks every DRL file on Drools' own parse (with {@code DrlCode} for the
 * code inside it) and builds what is compiled, and
 * {@link io.privacyrules.internal.pack.PackCompiler} compiles that into one Drools knowledge base
 * behind a class-loading wall ({@code RuleClassLoader}).
 * {@link io.privacyrules.internal.pack.WorkingCalendar} counts working days.
 *
 * <p>Implementation details of the library, not API: hosts load packs with
 * {@link io.privacyrules.PolicyEngine#load(String)}; anything here may change in any release (see
 * {@link io.privacyrules.internal}).
 */
package io.privacyrules.internal.pack;
