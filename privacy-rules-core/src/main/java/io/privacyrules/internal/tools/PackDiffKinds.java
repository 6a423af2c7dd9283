package io.privacyrules.internal.tools;

import java.util.Set;

/** The kinds of change {@code changes.major} may name; kept here so that the loader need not load PackDiff. */
public final class PackDiffKinds {
    /** purposes, categories, use (ways of use), controller (ownership), recipients, rights, contact. */
    public static final Set<String> KINDS = Set.of("purposes", "categories", "use", "controller", "recipients", "rights",
            "contact");

    private PackDiffKinds() {
    }
}
