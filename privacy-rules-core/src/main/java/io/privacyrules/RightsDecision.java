package io.privacyrules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a {@link RightsRequest}: the outcome, the day by which to respond, the reasons
 * and the obligations: for {@link Outcome#FULFIL}, those of the right and the rules; for a refusal
 * by the rules, the pack's refusal obligations (GDPR Art. 12(4): tell the subject how to complain);
 * with an extension of the deadline, its obligations (Art. 12(3): tell the subject within the
 * first period).
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome     fulfil, refuse or verify-identity
 * @param respondBy   the last day to respond (fulfil or refuse), or null (verify-identity, or an
 *                    invalid request)
 * @param reasons     at least one reason, each naming its clause
 * @param obligations what the host takes on with this answer; always empty for verify-identity
 * @param policy      the pack and version that decided
 */
public record RightsDecision(Outcome outcome, LocalDate respondBy, List<Reason> reasons, List<Obligation> obligations,
                             PolicyInfo policy) {
    /**
     * @throws NullPointerException     if outcome, reasons, obligations or policy is null
     * @throws IllegalArgumentException if there is no reason, or verify-identity carries obligations
     */
    public RightsDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(policy, "policy");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        obligations = List.copyOf(Objects.requireNonNull(obligations, "obligations"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a decision needs at least one reason");
        }
        if (outcome == Outcome.VERIFY_IDENTITY && !obligations.isEmpty()) {
            throw new IllegalArgumentException("verify-identity carries no obligations");
        }
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
