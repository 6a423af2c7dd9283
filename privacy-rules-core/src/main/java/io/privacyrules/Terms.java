package io.privacyrules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The W3C Data Privacy Vocabulary (DPV) terms that a pack maps a request's identifiers to, for
 * exporting a decision in a shared vocabulary: in the seed pack, {@code share} of
 * {@code contact.mobile} for {@code service-analytics} becomes {@code dpv:Share} of
 * {@code pd:TelephoneNumber} for {@code dpv:ServiceUsageAnalytics}. Each term is a compact IRI with the prefix the pack wrote
 * ({@code dpv:} for {@code https://w3id.org/dpv#}, {@code pd:} for {@code https://w3id.org/dpv/pd#}).
 *
 * <p>A field is null, and a category is left out of {@link #data()}, when the request does not name
 * it, names an identifier the pack does not declare, or the pack gives that identifier no
 * {@code dpv:} term. The terms describe the request only: they say nothing about whether it is
 * permitted.
 *
 * <p>Immutable and thread-safe. Returned by {@link PolicyEngine#terms(ProcessingRequest)} and
 * {@link PolicyEngine#terms(RightsRequest)}.
 *
 * @param action    the term of the request's action, for example {@code dpv:Share}, or null
 * @param purpose   the term of its purpose, for example {@code dpv:ServiceUsageAnalytics}, or null
 * @param basis     the term of the legal basis of its purpose, for example {@code dpv:Contract}, or null
 * @param recipient the term of its recipient, for example {@code dpv:DataProcessor}, or null
 * @param right     the term of the right a {@link RightsRequest} exercises, or null
 * @param data      category id to term, in the request's order, for the categories that have one
 */
public record Terms(String action, String purpose, String basis, String recipient, String right,
                    Map<String, String> data) {
    /** No terms at all. */
    public static final Terms NONE = new Terms(null, null, null, null, null, Map.of());

    /**
     * @throws NullPointerException if {@code data} is null or holds a null key or value
     */
    public Terms {
        Objects.requireNonNull(data, "data");
        Map<String, String> copy = new LinkedHashMap<>();
        data.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "data key"), Objects.requireNonNull(v, "data term")));
        data = Collections.unmodifiableMap(copy);
    }

    /** True when there is no term at all. */
    public boolean isEmpty() {
        return action == null && purpose == null && basis == null && recipient == null && right == null && data.isEmpty();
    }
}
