package io.privacyrules.junit;

import io.privacyrules.Decision;
import io.privacyrules.Effect;
import io.privacyrules.Outcome;
import io.privacyrules.RetentionAction;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RightsDecision;
import java.time.LocalDate;
import java.util.Objects;
import org.opentest4j.AssertionFailedError;

/**
 * Fluent assertions on the three kinds of decision, for tests written in Java rather than in
 * scenario files.
 *
 * <pre>{@code
 * import static io.privacyrules.junit.DecisionAssertions.assertThat;
 *
 * assertThat(engine.decide(shareWithDealer))
 *         .isPermitted()
 *         .citing("III.2(1)(b)")
 *         .withObligations("aggregate", "anonymize");
 * assertThat(engine.decide(childRegistersAlone)).isDenied().citing("VI");
 * assertThat(engine.decide(erasure)).isFulfilled().respondBy(LocalDate.of(2026, 7, 31));
 * assertThat(engine.decide(contractRecord)).isRetained().until(LocalDate.of(2028, 1, 10)).citing("I.1");
 * }</pre>
 *
 * <p>The assertions match as the {@code expect} of a scenario file does ({@code docs/scenarios.md}):
 * what an assertion names must be in the decision, and the decision may carry more reasons or
 * obligations. {@code citing("III.2")} passes when a reason cites {@code III.2} or a clause under
 * it, such as {@code III.2(1)(b)}: a clause {@code X} covers {@code Y} when {@code Y} equals
 * {@code X} or starts with {@code X.} or {@code X(}. So {@code I} covers {@code I.1(3)} but not
 * {@code IV.2}.
 *
 * <p>A failing assertion throws {@link AssertionFailedError}, with the expected and actual values
 * where they can be compared, and a message that shows the whole decision: the answer, each reason
 * as {@code clause code: message (rule id)}, the obligations and the pack. Decisions carry
 * identifiers and the pack's sentences only, never personal data.
 *
 * <p>Misuse throws at once, whatever the decision: a null argument throws
 * {@link NullPointerException} naming it; an empty list of clauses, codes or obligations, a
 * malformed clause reference or a code or obligation id that is not lower-case kebab-case throws
 * {@link IllegalArgumentException}, so that a typo in an assertion such as
 * {@code withoutObligations("Anonymize")} cannot pass unnoticed.
 *
 * <p>Stateless; the assertion objects hold only the immutable decision and are thread-safe.
 */
public final class DecisionAssertions {
    private DecisionAssertions() {
    }

    /**
     * Starts assertions on the answer to a processing request.
     *
     * <pre>{@code assertThat(decision).isDenied().citing("VII").withCode("cross-border-transfer-forbidden");}</pre>
     *
     * @param decision the decision to check
     * @return the assertions on it
     * @throws NullPointerException if {@code decision} is null
     */
    public static DecisionAssert assertThat(Decision decision) {
        return new DecisionAssert(Objects.requireNonNull(decision, "decision"));
    }

    /**
     * Starts assertions on the answer to a data-subject request.
     *
     * <pre>{@code assertThat(rightsDecision).isFulfilled().respondBy(LocalDate.of(2026, 11, 2)).citing("V.2");}</pre>
     *
     * @param decision the decision to check
     * @return the assertions on it
     * @throws NullPointerException if {@code decision} is null
     */
    public static RightsDecisionAssert assertThat(RightsDecision decision) {
        return new RightsDecisionAssert(Objects.requireNonNull(decision, "decision"));
    }

    /**
     * Starts assertions on the answer to a retention query.
     *
     * <pre>{@code assertThat(retentionDecision).isDisposed().citing("I");}</pre>
     *
     * @param decision the decision to check
     * @return the assertions on it
     * @throws NullPointerException if {@code decision} is null
     */
    public static RetentionDecisionAssert assertThat(RetentionDecision decision) {
        return new RetentionDecisionAssert(Objects.requireNonNull(decision, "decision"));
    }

    /**
     * Assertions on a {@link Decision}, the answer to a processing request. Each method returns this
     * object, so that assertions chain; each throws {@link AssertionFailedError} when the decision
     * does not match. Thread-safe.
     */
    public static final class DecisionAssert {
        private final Decision decision;

        private DecisionAssert(Decision decision) {
            this.decision = decision;
        }

        /**
         * The decision under test.
         *
         * @return the decision given to {@link DecisionAssertions#assertThat(Decision)}
         */
        public Decision decision() {
            return decision;
        }

        /**
         * Fails unless the decision is a permit.
         *
         * @return this
         * @throws AssertionFailedError if the decision is a deny
         */
        public DecisionAssert isPermitted() {
            Checks.answer(Effect.PERMIT.id(), decision.effect().id(), this::shown);
            return this;
        }

        /**
         * Fails unless the decision is a deny.
         *
         * @return this
         * @throws AssertionFailedError if the decision is a permit
         */
        public DecisionAssert isDenied() {
            Checks.answer(Effect.DENY.id(), decision.effect().id(), this::shown);
            return this;
        }

        /**
         * Fails unless each clause covers the clause of at least one reason: {@code citing("III.2")}
         * passes for a reason citing {@code III.2(1)(b)}.
         *
         * @param clauses clause references such as {@code VI} or {@code III.2(1)(b)}, at least one
         * @return this
         * @throws AssertionFailedError     if no reason cites one of the clauses, or a clause under it
         * @throws NullPointerException     if {@code clauses} or one of them is null
         * @throws IllegalArgumentException if there is no clause, or one is not a clause reference
         */
        public DecisionAssert citing(String... clauses) {
            Checks.citing(Checks.clauses(clauses), decision.reasons(), this::shown);
            return this;
        }

        /**
         * Fails unless each code is the code of at least one reason.
         *
         * @param codes reason codes such as {@code consent-required}, at least one
         * @return this
         * @throws AssertionFailedError     if no reason has one of the codes
         * @throws NullPointerException     if {@code codes} or one of them is null
         * @throws IllegalArgumentException if there is no code, or one is not lower-case kebab-case
         */
        public DecisionAssert withCode(String... codes) {
            Checks.codes(Checks.ids("codes", codes), decision.reasons(), this::shown);
            return this;
        }

        /**
         * Fails unless each obligation is among the decision's obligations, which may have more.
         *
         * @param ids obligation ids such as {@code anonymize}, at least one
         * @return this
         * @throws AssertionFailedError     if one of the obligations is missing
         * @throws NullPointerException     if {@code ids} or one of them is null
         * @throws IllegalArgumentException if there is no id, or one is not lower-case kebab-case
         */
        public DecisionAssert withObligations(String... ids) {
            Checks.obligations(Checks.ids("obligations", ids), decision.obligationIds(), this::shown);
            return this;
        }

        /**
         * Fails if any of the obligations is among the decision's obligations.
         *
         * @param ids obligation ids such as {@code anonymize}, at least one
         * @return this
         * @throws AssertionFailedError     if one of the obligations is present
         * @throws NullPointerException     if {@code ids} or one of them is null
         * @throws IllegalArgumentException if there is no id, or one is not lower-case kebab-case
         */
        public DecisionAssert withoutObligations(String... ids) {
            Checks.noneOf(Checks.ids("obligations", ids), decision.obligationIds(), this::shown);
            return this;
        }

        /**
         * Fails unless the decision carries no obligation at all (as every deny does).
         *
         * @return this
         * @throws AssertionFailedError if the decision carries an obligation
         */
        public DecisionAssert withNoObligations() {
            Checks.noObligations(decision.obligationIds(), this::shown);
            return this;
        }

        private String shown() {
            return Shown.decision(decision);
        }
    }

    /**
     * Assertions on a {@link RightsDecision}, the answer to a data-subject request. Each method
     * returns this object, so that assertions chain; each throws {@link AssertionFailedError} when
     * the decision does not match. Thread-safe.
     */
    public static final class RightsDecisionAssert {
        private final RightsDecision decision;

        private RightsDecisionAssert(RightsDecision decision) {
            this.decision = decision;
        }

        /**
         * The decision under test.
         *
         * @return the decision given to {@link DecisionAssertions#assertThat(RightsDecision)}
         */
        public RightsDecision decision() {
            return decision;
        }

        /**
         * Fails unless the outcome is {@link Outcome#FULFIL}.
         *
         * @return this
         * @throws AssertionFailedError if the outcome is another
         */
        public RightsDecisionAssert isFulfilled() {
            return outcome(Outcome.FULFIL);
        }

        /**
         * Fails unless the outcome is {@link Outcome#REFUSE}.
         *
         * @return this
         * @throws AssertionFailedError if the outcome is another
         */
        public RightsDecisionAssert isRefused() {
            return outcome(Outcome.REFUSE);
        }

        /**
         * Fails unless the outcome is {@link Outcome#VERIFY_IDENTITY}.
         *
         * @return this
         * @throws AssertionFailedError if the outcome is another
         */
        public RightsDecisionAssert needsIdentityVerification() {
            return outcome(Outcome.VERIFY_IDENTITY);
        }

        private RightsDecisionAssert outcome(Outcome expected) {
            Checks.answer(expected.id(), decision.outcome().id(), this::shown);
            return this;
        }

        /**
         * Fails unless the last day to respond is {@code day}.
         *
         * @param day the expected {@link RightsDecision#respondBy()}
         * @return this
         * @throws AssertionFailedError if the decision has another day, or none
         * @throws NullPointerException if {@code day} is null
         */
        public RightsDecisionAssert respondBy(LocalDate day) {
            Checks.day("respondBy", Objects.requireNonNull(day, "day"), decision.respondBy(), this::shown);
            return this;
        }

        /**
         * Fails unless each clause covers the clause of at least one reason: {@code citing("V.3")}
         * passes for a reason citing {@code V.3(4)}.
         *
         * @param clauses clause references such as {@code V.8} or {@code V.8(2)}, at least one
         * @return this
         * @throws AssertionFailedError     if no reason cites one of the clauses, or a clause under it
         * @throws NullPointerException     if {@code clauses} or one of them is null
         * @throws IllegalArgumentException if there is no clause, or one is not a clause reference
         */
        public RightsDecisionAssert citing(String... clauses) {
            Checks.citing(Checks.clauses(clauses), decision.reasons(), this::shown);
            return this;
        }

        /**
         * Fails unless each code is the code of at least one reason.
         *
         * @param codes reason codes such as {@code right-exercised}, at least one
         * @return this
         * @throws AssertionFailedError     if no reason has one of the codes
         * @throws NullPointerException     if {@code codes} or one of them is null
         * @throws IllegalArgumentException if there is no code, or one is not lower-case kebab-case
         */
        public RightsDecisionAssert withCode(String... codes) {
            Checks.codes(Checks.ids("codes", codes), decision.reasons(), this::shown);
            return this;
        }

        /**
         * Fails unless each obligation is among the decision's obligations, which may have more.
         *
         * @param ids obligation ids such as {@code notify-recipients}, at least one
         * @return this
         * @throws AssertionFailedError     if one of the obligations is missing
         * @throws NullPointerException     if {@code ids} or one of them is null
         * @throws IllegalArgumentException if there is no id, or one is not lower-case kebab-case
         */
        public RightsDecisionAssert withObligations(String... ids) {
            Checks.obligations(Checks.ids("obligations", ids), decision.obligationIds(), this::shown);
            return this;
        }

        /**
         * Fails if any of the obligations is among the decision's obligations.
         *
         * @param ids obligation ids such as {@code charge-fee}, at least one
         * @return this
         * @throws AssertionFailedError     if one of the obligations is present
         * @throws NullPointerException     if {@code ids} or one of them is null
         * @throws IllegalArgumentException if there is no id, or one is not lower-case kebab-case
         */
        public RightsDecisionAssert withoutObligations(String... ids) {
            Checks.noneOf(Checks.ids("obligations", ids), decision.obligationIds(), this::shown);
            return this;
        }

        /**
         * Fails unless the decision carries no obligation at all (as every refusal does).
         *
         * @return this
         * @throws AssertionFailedError if the decision carries an obligation
         */
        public RightsDecisionAssert withNoObligations() {
            Checks.noObligations(decision.obligationIds(), this::shown);
            return this;
        }

        private String shown() {
            return Shown.rights(decision);
        }
    }

    /**
     * Assertions on a {@link RetentionDecision}, the answer to a retention query. Each method
     * returns this object, so that assertions chain; each throws {@link AssertionFailedError} when
     * the decision does not match. A retention decision carries no obligations, so there are no
     * assertions on them. Thread-safe.
     */
    public static final class RetentionDecisionAssert {
        private final RetentionDecision decision;

        private RetentionDecisionAssert(RetentionDecision decision) {
            this.decision = decision;
        }

        /**
         * The decision under test.
         *
         * @return the decision given to {@link DecisionAssertions#assertThat(RetentionDecision)}
         */
        public RetentionDecision decision() {
            return decision;
        }

        /**
         * Fails unless the record is to be kept ({@link RetentionAction#RETAIN}).
         *
         * @return this
         * @throws AssertionFailedError if the record is to be disposed of
         */
        public RetentionDecisionAssert isRetained() {
            Checks.answer(RetentionAction.RETAIN.id(), decision.action().id(), this::shown);
            return this;
        }

        /**
         * Fails unless the record is to be disposed of ({@link RetentionAction#DISPOSE}).
         *
         * @return this
         * @throws AssertionFailedError if the record is to be kept
         */
        public RetentionDecisionAssert isDisposed() {
            Checks.answer(RetentionAction.DISPOSE.id(), decision.action().id(), this::shown);
            return this;
        }

        /**
         * Fails unless the last day of keeping is {@code day} ({@code until} is inclusive).
         *
         * @param day the expected {@link RetentionDecision#until()}
         * @return this
         * @throws AssertionFailedError if the decision has another day, or none
         * @throws NullPointerException if {@code day} is null
         */
        public RetentionDecisionAssert until(LocalDate day) {
            Checks.day("until", Objects.requireNonNull(day, "day"), decision.until(), this::shown);
            return this;
        }

        /**
         * Fails unless each clause covers the clause of at least one reason: {@code citing("I")}
         * passes for a reason citing {@code I.1}.
         *
         * @param clauses clause references such as {@code I} or {@code I.4}, at least one
         * @return this
         * @throws AssertionFailedError     if no reason cites one of the clauses, or a clause under it
         * @throws NullPointerException     if {@code clauses} or one of them is null
         * @throws IllegalArgumentException if there is no clause, or one is not a clause reference
         */
        public RetentionDecisionAssert citing(String... clauses) {
            Checks.citing(Checks.clauses(clauses), decision.reasons(), this::shown);
            return this;
        }

        /**
         * Fails unless each code is the code of at least one reason.
         *
         * @param codes reason codes such as {@code statutory-retention}, at least one
         * @return this
         * @throws AssertionFailedError     if no reason has one of the codes
         * @throws NullPointerException     if {@code codes} or one of them is null
         * @throws IllegalArgumentException if there is no code, or one is not lower-case kebab-case
         */
        public RetentionDecisionAssert withCode(String... codes) {
            Checks.codes(Checks.ids("codes", codes), decision.reasons(), this::shown);
            return this;
        }

        private String shown() {
            return Shown.retention(decision);
        }
    }
}
