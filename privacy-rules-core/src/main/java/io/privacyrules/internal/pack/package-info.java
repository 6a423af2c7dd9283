/**
 * Loads a pack and compiles it: {@link io.privacyrules.internal.pack.PackLoader} validates
 * {@code policy.yaml} into a {@link io.privacyrules.internal.pack.Pack},
 * {@link io.privacyrules.internal.pack.DrlSandbox} checks the pack's DRL against the allowlist,
 * {@link io.privacyrules.internal.pack.DrlGenerator} turns the YAML rules into DRL, and
 * {@link io.privacyrules.internal.pack.PackCompiler} compiles both into one Drools knowledge base.
 * {@link io.privacyrules.internal.pack.WorkingCalendar} counts working days.
 *
 * <p>Implementation details of the library, not API: hosts load packs with
 * {@link io.privacyrules.PolicyEngine#load(String)}; anything here may change in any release (see
 * {@link io.privacyrules.internal}).
 */
package io.privacyrules.internal.pack;
