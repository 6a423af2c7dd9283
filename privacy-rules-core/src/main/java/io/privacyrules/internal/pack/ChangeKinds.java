package io.privacyrules.internal.pack;

import java.util.Set;

/**
 * The kinds of change a pack's {@code changes.major} may name. Part of the pack format: the loader
 * validates them, and {@code diff} (in privacy-rules-tools) classifies changes by them.
 */
public final class ChangeKinds {
    /** purposes, categories, use (ways of use), controller (ownership), recipients, rights, contact. */
    public static final Set<String> KINDS = Set.of("purposes", "categories", "use", "controller", "recipients", "rights",
            "contact");

    private ChangeKinds() {
    }
}
