package io.privacyrules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A data subject exercising a right, as the host received it. The keys and defaults are those of
 * the {@code rightsRequest} mapping of a scenario file.
 *
 * <p>Identifiers are the pack's own ({@code erasure}, {@code trade-secret},
 * {@code service-no-longer-used} in the seed pack). Unknown identifiers are not thrown: the
 * request is refused with reason code {@code invalid-request}, which the host must treat as its
 * own error to fix, not as an answer to send the subject.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 *
 * @param right            the right exercised, for example {@code access}
 * @param receivedOn       the day the request was received, or null for today by the engine's clock
 * @param identityVerified the subject's identity has been verified
 * @param erasureGrounds   the grounds for erasure the subject has (for {@code erasure})
 * @param refusalGrounds   the grounds on which the request may be refused, as the host found them
 * @param repeated         the request repeats an earlier one
 * @param extended         the host claims the extension of the deadline that the pack declares for the
 *                         right (GDPR Art. 12(3): two further months for complex or numerous requests)
 */
public record RightsRequest(String right, LocalDate receivedOn, boolean identityVerified, List<String> erasureGrounds,
                            List<String> refusalGrounds, boolean repeated, boolean extended) {

    /** Copies the lists; a null list becomes empty. */
    public RightsRequest {
        erasureGrounds = erasureGrounds == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(erasureGrounds));
        refusalGrounds = refusalGrounds == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(refusalGrounds));
    }

    /** A request that does not claim an extension of the deadline. */
    public RightsRequest(String right, LocalDate receivedOn, boolean identityVerified, List<String> erasureGrounds,
                         List<String> refusalGrounds, boolean repeated) {
        this(right, receivedOn, identityVerified, erasureGrounds, refusalGrounds, repeated, false);
    }

    /** A new builder with every field at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder().right(right).receivedOn(receivedOn).identityVerified(identityVerified).repeated(repeated)
                .extended(extended);
        b.erasureGrounds.addAll(erasureGrounds);
        b.refusalGrounds.addAll(refusalGrounds);
        return b;
    }

    /** Builds a {@link RightsRequest}. Not thread-safe. */
    public static final class Builder {
        private String right;
        private LocalDate receivedOn;
        private boolean identityVerified;
        private final List<String> erasureGrounds = new ArrayList<>();
        private final List<String> refusalGrounds = new ArrayList<>();
        private boolean repeated;
        private boolean extended;

        private Builder() {
        }

        /** Sets the right, for example {@code erasure}. */
        public Builder right(String right) {
            this.right = right;
            return this;
        }

        /** Sets the day the request was received. */
        public Builder receivedOn(LocalDate receivedOn) {
            this.receivedOn = receivedOn;
            return this;
        }

        /** Says whether the subject's identity has been verified. */
        public Builder identityVerified(boolean identityVerified) {
            this.identityVerified = identityVerified;
            return this;
        }

        /**
         * Adds grounds for erasure.
         *
         * @throws NullPointerException if {@code grounds} is null (a null element is decided as invalid)
         */
        public Builder erasureGrounds(String... grounds) {
            erasureGrounds.addAll(java.util.Arrays.asList(Objects.requireNonNull(grounds, "grounds")));
            return this;
        }

        /**
         * Adds grounds for refusal.
         *
         * @throws NullPointerException if {@code grounds} is null (a null element is decided as invalid)
         */
        public Builder refusalGrounds(String... grounds) {
            refusalGrounds.addAll(java.util.Arrays.asList(Objects.requireNonNull(grounds, "grounds")));
            return this;
        }

        /** Says whether the request repeats an earlier one. */
        public Builder repeated(boolean repeated) {
            this.repeated = repeated;
            return this;
        }

        /**
         * Claims the extension of the deadline the pack declares for the right; a right without one
         * makes the request {@code invalid-request}.
         */
        public Builder extended(boolean extended) {
            this.extended = extended;
            return this;
        }

        /** The request. Never throws. */
        public RightsRequest build() {
            return new RightsRequest(right, receivedOn, identityVerified, erasureGrounds, refusalGrounds, repeated,
                    extended);
        }
    }
}
