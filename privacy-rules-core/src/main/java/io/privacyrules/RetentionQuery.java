package io.privacyrules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a stored record may still be kept. The keys are those of the {@code retention}
 * mapping of a scenario file.
 *
 * <p>Retention periods run from events the pack declares ({@code retention.events}: for example
 * {@code collected}, {@code account-closed}, {@code consent-withdrawn}, {@code contract-ended}).
 * The query gives the day each event happened, by the event's id or by the {@code key} the pack
 * declares for it ({@code contractEndedOn} in the seed pack); an event it leaves out has not
 * happened yet.
 *
 * <p>Unknown identifiers are not thrown: the answer is {@code retain} with reason code
 * {@code invalid-request} (retaining is the reversible choice; the host must fix its query).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 *
 * @param data              the record's data category, for example {@code contract.record}
 * @param purposes          the purposes the record serves, at least one
 * @param purposesFulfilled those of {@code purposes} already fulfilled
 * @param events            the day each event happened, by event id or declared key; an event left out
 *                          has not happened
 * @param asOf              the day the question is asked, or null for today by the engine's clock
 */
public record RetentionQuery(String data, List<String> purposes, List<String> purposesFulfilled,
                             Map<String, LocalDate> events, LocalDate asOf) {

    /** Copies the lists and the map; a null list or map becomes empty. */
    public RetentionQuery {
        purposes = purposes == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(purposes));
        purposesFulfilled = purposesFulfilled == null ? List.of()
                : java.util.Collections.unmodifiableList(new ArrayList<>(purposesFulfilled));
        events = events == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this query's values. */
    public Builder toBuilder() {
        Builder b = new Builder().data(data).asOf(asOf);
        b.purposes.addAll(purposes);
        b.purposesFulfilled.addAll(purposesFulfilled);
        b.events.putAll(events);
        return b;
    }

    /** Builds a {@link RetentionQuery}. Not thread-safe. */
    public static final class Builder {
        private String data;
        private final List<String> purposes = new ArrayList<>();
        private final List<String> purposesFulfilled = new ArrayList<>();
        private final Map<String, LocalDate> events = new LinkedHashMap<>();
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

        /**
         * Says that event {@code id} (an event of the pack, or the key it declares) happened on
         * {@code day}; a null day means it has not happened, and is ignored.
         *
         * @throws NullPointerException if {@code id} is null
         */
        public Builder event(String id, LocalDate day) {
            Objects.requireNonNull(id, "id");
            if (day == null) {
                events.remove(id);
            } else {
                events.put(id, day);
            }
            return this;
        }

        /** Sets the day the question is asked; unset means today by the engine's clock. */
        public Builder asOf(LocalDate day) {
            this.asOf = day;
            return this;
        }

        /** The query. Never throws. */
        public RetentionQuery build() {
            return new RetentionQuery(data, purposes, purposesFulfilled, events, asOf);
        }
    }
}
