package io.privacyrules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link RetentionQuery}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action  retain or dispose
 * @param until   for retain, the last day the record is to be kept when that is known; null otherwise
 * @param reasons at least one reason, each naming its clause
 * @param policy  the pack and version that decided
 */
public record RetentionDecision(RetentionAction action, LocalDate until, List<Reason> reasons, PolicyInfo policy) {
    /**
     * @throws NullPointerException     if action, reasons or policy is null
     * @throws IllegalArgumentException if there is no reason, or a dispose has an {@code until}
     */
    public RetentionDecision {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(policy, "policy");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one reason");
        }
        if (action == RetentionAction.DISPOSE && until != null) {
            throw new IllegalArgumentException("a dispose has no until");
        }
    }

    /** True when the record is to be deleted or anonymized now. */
    public boolean dispose() {
        return action == RetentionAction.DISPOSE;
    }

    /** The clauses of the reasons, in order. */
    public List<String> clauses() {
        return reasons.stream().map(Reason::clause).toList();
    }
}
