package io.privacyrules;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link ProcessingRequest}: permit or deny, the reasons behind it and, for a
 * permit, the obligations the host takes on.
 *
 * <p>Deny overrides permit: a request is permitted only when at least one rule permits it and no
 * rule denies it. The reasons of a deny are the rules that denied (or the engine's own reason,
 * such as {@code invalid-request}); the reasons of a permit are the rules that permitted. A deny
 * never carries obligations.
 *
 * <p>Immutable and thread-safe.
 *
 * @param effect      permit or deny
 * @param reasons     at least one reason, each naming its clause
 * @param obligations the obligations of a permit, in the order the pack declares them; empty for a deny
 * @param policy      the pack and version that decided
 */
public record Decision(Effect effect, List<Reason> reasons, List<Obligation> obligations, PolicyInfo policy) {
    /**
     * @throws NullPointerException     if any argument is null
     * @throws IllegalArgumentException if there is no reason, or a deny carries obligations
     */
    public Decision {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(policy, "policy");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        obligations = List.copyOf(Objects.requireNonNull(obligations, "obligations"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one reason");
        }
        if (effect == Effect.DENY && !obligations.isEmpty()) {
            throw new IllegalArgumentException("a deny carries no obligations");
        }
    }

    /** True when the host may go ahead (honouring {@link #obligations()}). */
    public boolean permitted() {
        return effect == Effect.PERMIT;
    }

    /** The ids of the obligations, in order. */
    public List<String> obligationIds() {
        return obligations.stream().map(Obligation::id).toList();
    }

    /** The clauses of the reasons, in order. */
    public List<String> clauses() {
        return reasons.stream().map(Reason::clause).toList();
    }
}
