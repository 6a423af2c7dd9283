package io.privacyrules;

import java.util.Objects;

/**
 * Why a decision came out the way it did: one rule of the pack that spoke to the request.
 *
 * <p>Messages name identifiers (purposes, categories, recipients) but never personal data values.
 * Immutable and thread-safe.
 *
 * @param code    a stable kebab-case reason code, for example {@code invalid-request} or
 *                {@code cross-border-transfer-forbidden}
 * @param clause  the clause of the policy the rule implements, for example {@code III.2(1)(a)}
 * @param message a sentence a person can read
 * @param rule    the id of the rule in the pack that gave the reason ({@code engine} for reasons the
 *                engine itself gives, such as an invalid request)
 */
public record Reason(String code, String clause, String message, String rule) {
    /**
     * @throws NullPointerException if any argument is null
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rule, "rule");
    }
}
