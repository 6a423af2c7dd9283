/**
 * What a pack's DRL sees: the facts {@link io.privacyrules.internal.drl.Request},
 * {@link io.privacyrules.internal.drl.Rights} and {@link io.privacyrules.internal.drl.Retention},
 * and the global {@code out}, a {@link io.privacyrules.internal.drl.Verdict} that collects what the
 * rules say. The rules' property names and {@code out} methods are part of the pack format
 * (docs/pack-format.md), versioned with it; the Java types are not.
 *
 * <p>Implementation details of the library, not API, and not to be used by hosts. Drools'
 * generated classes must read these types at run time, which is why the core has no
 * {@code module-info.java} (docs/faq.md); see {@link io.privacyrules.internal}.
 */
package io.privacyrules.internal.drl;
