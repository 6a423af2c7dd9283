/**
 * Decides: {@link io.privacyrules.internal.engine.Engine} checks a request against the pack's
 * vocabulary ({@link io.privacyrules.internal.engine.RequestCheck}), runs the compiled rules in a
 * pooled session, combines what they said (deny overrides permit, the lowest step wins, any retain
 * wins over dispose) and builds the answer, failing closed on any error.
 *
 * <p>Implementation details of the library, not API: hosts use
 * {@link io.privacyrules.PolicyEngine}; anything here may change in any release (see
 * {@link io.privacyrules.internal}).
 */
package io.privacyrules.internal.engine;
