package io.privacyrules.internal.drl;

import io.privacyrules.internal.pack.Pack;

/**
 * What the engine knows of one compiled rule.
 *
 * @param name    the DRL rule name
 * @param id      the id shown in reasons (the YAML id, or the DRL rule name)
 * @param clause  the clause the rule implements
 * @param ordinal the rule's place in the pack, for a stable order of reasons
 * @param yaml    the YAML rule it was generated from, or null for a hand-written DRL rule
 */
public record RuleMeta(String name, String id, String clause, int ordinal, Pack.RuleDef yaml) {
}
