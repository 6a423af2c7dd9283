/**
 * Empty classes named after the {@code java.lang} classes that MVEL resolves by simple name on its
 * own (System, Runtime, Thread, ClassLoader, Class, Compiler, and ProcessBuilder for good measure).
 * Every pack's DRL imports them, so in a pack these names denote classes with no members: a
 * condition or consequence that names one does not compile. One of the defences of the
 * DRL sandbox (docs/security-model.md); not API.
 */
package io.privacyrules.internal.drl.shadow;
