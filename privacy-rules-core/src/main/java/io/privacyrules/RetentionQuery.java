package io.privacyrules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a stored record may still be kept. The keys are those of the {@code retention}
 * mapping of a scenario file.
 *
 * <p>Unknown identifiers are not thrown: the answer is {@code retain} with reason code
 * {@code invalid-request} (retaining is the reversible choice; the host must fix its query).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 *
 * @param data                      the record's data category, for example {@code contract.record}
 * @param purposes                  the purposes the record serves, at least one
 * @param purposesFulfilled         those of {@code purposes} already fulfilled
 * @param contractEndedOn           the day the contract ended, or null if it has not
 * @param transactionCompletedOn    the day the transaction completed, or null
 * @param vehicleServiceLifeEndedOn the day the vehicle's service life ended (or will end), or null if unknown
 * @param asOf                      the day the question is asked, or null for today by the engine's clock
 */
public record RetentionQuery(String data, List<String> purposes, List<String> purposesFulfilled,
                             LocalDate contractEndedOn, LocalDate transactionCompletedOn,
                             LocalDate vehicleServiceLifeEndedOn, LocalDate asOf) {

    /** Copies the lists; a null list becomes empty. */
    public RetentionQuery {
        purposes = purposes == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(purposes));
        purposesFulfilled = purposesFulfilled == null ? List.of()
                : java.util.Collections.unmodifiableList(new ArrayList<>(purposesFulfilled));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RetentionQuery}. Not thread-safe. */
    public static final class Builder {
        private String data;
        private final List<String> purposes = new ArrayList<>();
        private final List<String> purposesFulfilled = new ArrayList<>();
        private LocalDate contractEndedOn;
        private LocalDate transactionCompletedOn;
        private LocalDate vehicleServiceLifeEndedOn;
        private LocalDate asOf;

        private Builder() {
        }

        /** Sets the record's data category. */
        public Builder data(String data) {
            this.data = data;
            return this;
        }

        /**
         * Adds purposes the record serves.
         *
         * @throws NullPointerException if {@code ids} is null (a null element is decided as invalid)
         */
        public Builder purposes(String... ids) {
            purposes.addAll(java.util.Arrays.asList(Objects.requireNonNull(ids, "ids")));
            return this;
        }

        /**
         * Adds purposes already fulfilled.
         *
         * @throws NullPointerException if {@code ids} is null (a null element is decided as invalid)
         */
        public Builder purposesFulfilled(String... ids) {
            purposesFulfilled.addAll(java.util.Arrays.asList(Objects.requireNonNull(ids, "ids")));
            return this;
        }

        /** Sets the day the contract ended. */
        public Builder contractEndedOn(LocalDate day) {
            this.contractEndedOn = day;
            return this;
        }

        /** Sets the day the transaction completed. */
        public Builder transactionCompletedOn(LocalDate day) {
            this.transactionCompletedOn = day;
            return this;
        }

        /** Sets the day the vehicle's service life ends or ended. */
        public Builder vehicleServiceLifeEndedOn(LocalDate day) {
            this.vehicleServiceLifeEndedOn = day;
            return this;
        }

        /** Sets the day the question is asked; unset means today by the engine's clock. */
        public Builder asOf(LocalDate day) {
            this.asOf = day;
            return this;
        }

        /** The query. Never throws. */
        public RetentionQuery build() {
            return new RetentionQuery(data, purposes, purposesFulfilled, contractEndedOn, transactionCompletedOn,
                    vehicleServiceLifeEndedOn, asOf);
        }
    }
}
