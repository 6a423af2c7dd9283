package io.privacyrules.spi;

import io.privacyrules.PolicyInfo;
import io.privacyrules.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One decision, as a decision log receives it. It carries identifiers only (actions, purposes,
 * categories, recipients, rights, grounds), never personal data values: no age, no names, and an
 * identifier field that does not look like an identifier is replaced by {@code "(not an identifier)"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id          unique within the process that logged it
 * @param time        when the decision was made, by the engine's clock
 * @param kind        {@code processing}, {@code rights} or {@code retention}
 * @param policy      the pack version that decided
 * @param request     the request's identifiers and flags, keyed as in scenario files
 * @param answer      {@code permit}, {@code deny}, {@code fulfil}, {@code refuse}, {@code verify-identity},
 *                    {@code retain} or {@code dispose}
 * @param day         {@code respondBy} or {@code until} when the answer has one, else null
 * @param reasons     the decision's reasons
 * @param obligations the ids of the decision's obligations
 */
public record DecisionEvent(String id, Instant time, String kind, PolicyInfo policy, Map<String, Object> request,
                            String answer, LocalDate day, List<Reason> reasons, List<String> obligations) {
    /**
     * @throws NullPointerException if any argument but {@code day} is null
     */
    public DecisionEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(policy, "policy");
        request = Map.copyOf(Objects.requireNonNull(request, "request"));
        Objects.requireNonNull(answer, "answer");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
        obligations = List.copyOf(Objects.requireNonNull(obligations, "obligations"));
    }
}
