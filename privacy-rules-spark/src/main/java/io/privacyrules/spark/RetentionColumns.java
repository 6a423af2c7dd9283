package io.privacyrules.spark;

import io.privacyrules.RetentionQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a table of stored records holds which field of a {@link RetentionQuery}.
 *
 * <pre>{@code
 * RetentionColumns columns = RetentionColumns.builder()
 *         .id("record_id")                       // any type; names the row in the side output
 *         .data("category")                      // string
 *         .purposes("purposes")                  // array<string>, or a string holding one purpose
 *         .purposesFulfilled("fulfilled")        // array<string> or string; null means none
 *         .event("contract-ended", "contract_end")  // an event of the pack: a date, or a string yyyy-MM-dd
 *         .build();
 * }</pre>
 *
 * <p>{@code id}, {@code data} and {@code purposes} are required. Each event date is optional;
 * a date left unmapped is decided as absent (the event has not happened). Column
 * names are top-level names of the table, matched as Spark matches them; a column may be mapped
 * to more than one field. The types are checked when a sweep is set up
 * ({@link SparkRetention#sweep}), not here.
 *
 * <p>Immutable, thread-safe and serializable. The {@link Builder} is for one thread.
 */
public final class RetentionColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * An event of the pack whose day a column holds: its id or the key the pack declares for it
     * ({@code retention.events}), set on the query with {@link RetentionQuery.Builder#event}.
     */
    record Event(String name) implements Serializable {
        /** The event's name, used in problem messages. */
        String field() {
            return name;
        }

        void set(RetentionQuery.Builder query, LocalDate day) {
            query.event(name, day);
        }
    }

    private final String id;
    private final String data;
    private final String purposes;
    private final String purposesFulfilled;
    private final Map<Event, String> events;

    private RetentionColumns(Builder b) {
        this.id = b.id;
        this.data = b.data;
        this.purposes = b.purposes;
        this.purposesFulfilled = b.purposesFulfilled;
        this.events = new LinkedHashMap<>(b.events);
    }

    /** A new builder with nothing mapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** The column that identifies a record. */
    public String id() {
        return id;
    }

    /** The column of the record's data category. */
    public String data() {
        return data;
    }

    /** The column of the purposes the record serves. */
    public String purposes() {
        return purposes;
    }

    /** The column of the purposes already fulfilled, or null when not mapped. */
    public String purposesFulfilled() {
        return purposesFulfilled;
    }

    /** The column mapped to the event {@code name} (an event id or its declared key), or null. */
    public String event(String name) {
        return events.get(new Event(name));
    }

    /** The mapped event dates, in the order they were mapped. */
    Map<Event, String> events() {
        return Collections.unmodifiableMap(events);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetentionColumns c && id.equals(c.id) && data.equals(c.data) && purposes.equals(c.purposes)
                && Objects.equals(purposesFulfilled, c.purposesFulfilled) && events.equals(c.events);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, data, purposes, purposesFulfilled, events);
    }

    @Override
    public String toString() {
        return "RetentionColumns[id=" + id + ", data=" + data + ", purposes=" + purposes + ", purposesFulfilled="
                + purposesFulfilled + ", events=" + events + "]";
    }

    /** Builds {@link RetentionColumns}. Not thread-safe. Each method replaces an earlier mapping of its field. */
    public static final class Builder {
        private String id;
        private String data;
        private String purposes;
        private String purposesFulfilled;
        private final Map<Event, String> events = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The column that identifies a record, of any type. It is what the side output of invalid
         * rows shows of a record ({@link RetentionSweep#invalid()}).
         *
         * @throws NullPointerException if {@code column} is null
         */
        public Builder id(String column) {
            this.id = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * The column of the record's data category: a string.
         *
         * @throws NullPointerException if {@code column} is null
         */
        public Builder data(String column) {
            this.data = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * The column of the purposes the record serves: an array of strings, or a string holding
         * one purpose.
         *
         * @throws NullPointerException if {@code column} is null
         */
        public Builder purposes(String column) {
            this.purposes = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * The column of the purposes already fulfilled: an array of strings, or a string holding
         * one purpose; a null value means none.
         *
         * @throws NullPointerException if {@code column} is null
         */
        public Builder purposesFulfilled(String column) {
            this.purposesFulfilled = Objects.requireNonNull(column, "column");
            return this;
        }

        /**
         * The column of the day an event of the pack happened: a date, or a string
         * {@code yyyy-MM-dd}; a null value means it has not happened (or is not known). The event
         * is named by its id ({@code contract-ended}) or by the key the pack declares for it
         * ({@code contractEndedOn}); the pack's {@code retention.events} lists both.
         *
         * @throws NullPointerException if an argument is null
         */
        public Builder event(String event, String column) {
            events.put(new Event(Objects.requireNonNull(event, "event")), Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * The mapping.
         *
         * @throws IllegalStateException if {@code id}, {@code data} or {@code purposes} is not mapped
         */
        public RetentionColumns build() {
            if (id == null || data == null || purposes == null) {
                throw new IllegalStateException("map the columns id, data and purposes; missing:"
                        + (id == null ? " id" : "") + (data == null ? " data" : "") + (purposes == null ? " purposes" : ""));
            }
            return new RetentionColumns(this);
        }
    }
}
