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
 * @param clause  the clause of the policy the rule implements, for example {@code III.2(1)(a)} in the
 *                seed pack or {@code Art. 9(2)(a)} in the GDPR baseline
 * @param message a sentence a person can read
 * @param rule    the id of the rule in the pack that gave the reason ({@code engine} for reasons the
 *                engine itself gives, such as an invalid request)
 * @param pack    the id of the pack whose rule gave the reason; in an engine of several layers
 *                ({@link PolicyEngine#layered}), this tells the company's clauses from the law's
 */
public record Reason(String code, String clause, String message, String rule, String pack) {
    /**
     * @throws NullPointerException if any argument is null
     */
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(pack, "pack");
    }

    /** A reason whose pack is not known (the empty string), for tests and hand-made decisions. */
    public Reason(String code, String clause, String message, String rule) {
        this(code, clause, message, rule, "");
    }
}
