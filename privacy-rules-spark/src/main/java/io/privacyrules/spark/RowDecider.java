package io.privacyrules.spark;

import io.privacyrules.PolicyEngine;
import io.privacyrules.Reason;
import io.privacyrules.RetentionAction;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import scala.collection.immutable.ArraySeq;

/**
 * Decides the rows of one partition on an executor: the input row with the decision's columns
 * after it ({@link RetentionSweep#DECISION_COLUMNS}). Serializable: what travels to the executors
 * is the pack's locations and revision, the column layout and the day, never an engine.
 */
final class RowDecider implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** How a column's value becomes a field of the query. */
    enum Kind { STRING, STRING_ARRAY, DATE, ISO_DATE_STRING }

    /** One mapped column: its position in the input row and how to read it. */
    record Column(String name, int index, Kind kind) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One mapped event date. */
    record EventColumn(RetentionColumns.Event event, Column column) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final List<String> locations;
    private final String revision;
    private final LocalDate asOf;
    private final Column data;
    private final Column purposes;
    private final Column purposesFulfilled;
    private final List<EventColumn> events;
    private final int width;
    private final boolean java8Dates;
    private final LongAccumulator invalid;

    RowDecider(List<String> locations, String revision, LocalDate asOf, Column data, Column purposes,
               Column purposesFulfilled, List<EventColumn> events, int width, boolean java8Dates,
               LongAccumulator invalid) {
        this.locations = List.copyOf(locations);
        this.revision = revision;
        this.asOf = asOf;
        this.data = data;
        this.purposes = purposes;
        this.purposesFulfilled = purposesFulfilled;
        this.events = List.copyOf(events);
        this.width = width;
        this.java8Dates = java8Dates;
        this.invalid = invalid;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Engines.Loaded loaded = Engines.get(locations, revision);
        PolicyEngine engine = loaded.engine();
        Answer failed = null;
        if (engine == null) {
            failed = Answer.notDecided(RetentionSweep.PACK_UNAVAILABLE, null, loaded.failure());
        } else if (!revision.equals(engine.policy().revision())) {
            String found = engine.policy().revision();
            failed = Answer.notDecided(RetentionSweep.REVISION_MISMATCH, found, "The pack "
                    + String.join(" + ", locations) + " on this executor has revision " + found
                    + ", not the driver's " + revision + "; no record was decided with it.");
        }
        // What the engine answers for an invalid query (retain, invalid-request, the pack's clause
        // for it): the answer for a row the engine cannot be asked about, such as a malformed date.
        RetentionDecision invalidAnswer = failed != null ? null : engine.decide(RetentionQuery.builder().asOf(asOf).build());
        Answer notDecided = failed;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row row = rows.next();
                Answer answer = notDecided;
                if (answer == null) {
                    try {
                        answer = decide(engine, invalidAnswer, row);
                    } catch (RuntimeException e) {
                        // not expected (the column types were checked on the driver), but a row
                        // never fails the job: it is kept, and the class name says what went wrong
                        answer = Answer.notDecided(RetentionSweep.INTERNAL_ERROR, revision,
                                "The record could not be read (" + e.getClass().getSimpleName() + ").");
                    }
                }
                if (answer.problem != null) {
                    invalid.add(1);
                }
                return answer.append(row, width, external(asOf), java8Dates);
            }
        };
    }

    private Answer decide(PolicyEngine engine, RetentionDecision invalidAnswer, Row row) {
        RetentionQuery.Builder query = RetentionQuery.builder().asOf(asOf)
                .data(row.isNullAt(data.index()) ? null : row.getString(data.index()));
        addIds(row, purposes, query, false);
        if (purposesFulfilled != null) {
            addIds(row, purposesFulfilled, query, true);
        }
        List<String> problems = null;
        for (EventColumn e : events) {
            Column c = e.column();
            if (row.isNullAt(c.index())) {
                continue;
            }
            Object value = row.get(c.index());
            try {
                e.event().set(query, day(value));
            } catch (DateTimeParseException ex) {
                if (problems == null) {
                    problems = new ArrayList<>(2);
                }
                // the value's length only: a malformed date may be anything, personal data included
                problems.add("The record's " + e.event().field() + " (column " + c.name()
                        + ") is not a day in the form yyyy-MM-dd (a value of " + ((String) value).length()
                        + " characters, not shown).");
            }
        }
        if (problems != null) {
            return Answer.invalid(invalidAnswer, String.join(" ", problems));
        }
        return Answer.of(engine.decide(query.build()), null);
    }

    private static void addIds(Row row, Column c, RetentionQuery.Builder query, boolean fulfilled) {
        if (row.isNullAt(c.index())) {
            return;
        }
        String[] ids;
        if (c.kind() == Kind.STRING) {
            ids = new String[] {row.getString(c.index())};
        } else {
            ids = row.<String>getList(c.index()).toArray(new String[0]);
        }
        if (fulfilled) {
            query.purposesFulfilled(ids);
        } else {
            query.purposes(ids);
        }
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse((String) value);
    }

    private Object external(LocalDate day) {
        return day == null ? null : java8Dates ? day : java.sql.Date.valueOf(day);
    }

    /** The values of the decision columns of one row. */
    private record Answer(String action, LocalDate until, String[] codes, String[] clauses, String revision,
                          String problem) {
        static Answer of(RetentionDecision d, String problem) {
            List<Reason> reasons = d.reasons();
            String[] codes = new String[reasons.size()];
            String[] clauses = new String[reasons.size()];
            StringBuilder engineProblem = null;
            for (int i = 0; i < codes.length; i++) {
                Reason r = reasons.get(i);
                codes[i] = r.code();
                clauses[i] = r.clause();
                if (problem == null && (r.code().equals(RetentionSweep.INVALID_REQUEST)
                        || r.code().equals(RetentionSweep.INTERNAL_ERROR))) {
                    // engine messages name identifiers only (docs/concepts.md, "No personal data in messages")
                    engineProblem = engineProblem == null ? new StringBuilder(r.message()) : engineProblem.append(' ').append(r.message());
                }
            }
            return new Answer(d.action().id(), d.until(), codes, clauses, d.policy().revision(),
                    problem != null ? problem : engineProblem == null ? null : engineProblem.toString());
        }

        /**
         * The answer for a row the engine cannot be asked about: the engine's own answer to an
         * invalid query (retain, code invalid-request and its clause, each pair once) with our problem.
         */
        static Answer invalid(RetentionDecision invalidQuery, String problem) {
            List<String> codes = new ArrayList<>(1);
            List<String> clauses = new ArrayList<>(1);
            List<String> pairs = new ArrayList<>(1);
            for (Reason r : invalidQuery.reasons()) {
                if (!pairs.contains(r.code() + '\n' + r.clause())) {
                    pairs.add(r.code() + '\n' + r.clause());
                    codes.add(r.code());
                    clauses.add(r.clause());
                }
            }
            return new Answer(invalidQuery.action().id(), null, codes.toArray(new String[0]),
                    clauses.toArray(new String[0]), invalidQuery.policy().revision(), problem);
        }

        static Answer notDecided(String code, String revision, String problem) {
            return new Answer(RetentionAction.RETAIN.id(), null, new String[] {code}, new String[0], revision, problem);
        }

        Row append(Row row, int width, Object asOf, boolean java8Dates) {
            Object[] values = new Object[width + RetentionSweep.DECISION_COLUMNS.size()];
            for (int i = 0; i < width; i++) {
                values[i] = row.get(i);
            }
            values[width] = action;
            values[width + 1] = until == null ? null : java8Dates ? until : java.sql.Date.valueOf(until);
            values[width + 2] = ArraySeq.unsafeWrapArray(codes);   // the row encoder wants a Scala Seq
            values[width + 3] = ArraySeq.unsafeWrapArray(clauses);
            values[width + 4] = revision;
            values[width + 5] = asOf;
            values[width + 6] = problem;
            return RowFactory.create(values);
        }
    }
}
