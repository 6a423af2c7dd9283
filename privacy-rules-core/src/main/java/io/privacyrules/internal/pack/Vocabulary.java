package io.privacyrules.internal.pack;

import java.util.Set;

/** The ids declared so far, for checking references in purposes and rules. */
record Vocabulary(Set<String> actions, Set<String> bases, Set<String> categories, Set<String> recipients,
       Set<String> purposes, Set<String> obligations, Set<String> mechanisms) {
    Set<String> of(Condition.Kind kind) {
        return switch (kind) {
            case MECHANISMS -> mechanisms;
            case ACTIONS -> actions;
            case BASES -> bases;
            case RECIPIENTS -> recipients;
            case PURPOSES, PURPOSE -> purposes;
            default -> Set.of();
        };
    }
}
