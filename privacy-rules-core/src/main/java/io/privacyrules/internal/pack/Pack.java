package io.privacyrules.internal.pack;

import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.yaml.Location;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated rule pack: the vocabulary and the rules declared in {@code policy.yaml}, plus the
 * pack's DRL sources. Immutable once built by {@link PackLoader}.
 */
public record Pack(
        PolicyInfo info,
        Map<String, String> clauses,
        Map<String, ActionDef> actions,
        Map<String, String> bases,
        Map<String, CategoryDef> categories,
        Map<String, RecipientDef> recipients,
        Map<String, PurposeDef> purposes,
        Map<String, Obligation> obligations,
        ChildRule children,
        Defaults defaults,
        List<RuleDef> rules,
        List<DrlSource> drl) {

    public record ActionDef(String id, String description, boolean requiresRecipient) {
    }

    public record CategoryDef(String id, String clause, String description, boolean sensitive) {
    }

    public record RecipientDef(String id, String clause, String description, String location) {
    }

    /**
     * @param data the categories the purpose may process, or null for any category
     */
    public record PurposeDef(String id, String clause, String description, String basis, Set<String> actions,
                             Set<String> data, List<Condition> requires, Location at) {
        public boolean allows(String category) {
            return data == null || data.contains(category);
        }
    }

    /** Subjects under {@code under} years are children; clause is where the policy says so. */
    public record ChildRule(int under, String clause) {
    }

    /** The reason given when nothing permits a request, and the clause cited for invalid requests. */
    public record Defaults(String denyClause, String denyCode, String denyMessage, String invalidClause) {
    }

    public enum Effect {
        PERMIT, DENY, OBLIGE
    }

    /**
     * A rule written in YAML (or generated from a purpose). {@code when} and {@code unless} are
     * lists of alternatives: the rule applies when any {@code when} alternative holds and no
     * {@code unless} alternative does. An empty {@code when} always holds.
     */
    public record RuleDef(String id, String clause, Effect effect, String code, String message,
                          List<Condition> when, List<Condition> unless, List<String> obligations, Location at) {
    }

    /** A DRL file of the pack, as written. */
    public record DrlSource(String file, String text) {
    }
}
