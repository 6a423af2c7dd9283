/**
 * The public API of privacy-rules: load a rule pack into a {@link io.privacyrules.PolicyEngine}
 * and {@link io.privacyrules.PolicyEngine#decide decide} {@link io.privacyrules.ProcessingRequest}s,
 * getting back a {@link io.privacyrules.Decision} with its reasons and obligations.
 *
 * <p>Three error channels: misuse of the API (a null where a value is needed) throws at once
 * with the parameter's name; a pack that does not validate throws one
 * {@link io.privacyrules.PolicyLoadException} listing every {@link io.privacyrules.Problem}; a
 * problem while deciding never throws but is a deny with a reason.
 *
 * <p>Every type here is immutable and thread-safe unless its documentation says otherwise.
 * Nothing in this package exposes Drools or Jackson types.
 */
package io.privacyrules;
