package io.privacyrules.spark;

import static org.apache.spark.sql.functions.col;

import io.privacyrules.PolicyInfo;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.LongAccumulator;

/**
 * One retention sweep over a table of stored records, made by {@link SparkRetention#sweep}: the
 * records with the pack's answer for each, the records to dispose of, and the records the pack
 * could not be asked about.
 *
 * <p>The datasets are lazy: nothing is decided until an action runs on one of them, and each
 * action decides the rows it needs again (cache {@link #decisions()} to decide once for several
 * outputs). The answers do not change from one run to the next: the day is fixed.
 *
 * <p>The decision columns, after the records' own:
 *
 * <table>
 *   <caption>columns added to every record</caption>
 *   <tr><th>column</th><th>type</th><th>value</th></tr>
 *   <tr><td>{@value #ACTION}</td><td>string</td><td>{@code retain} or {@code dispose}</td></tr>
 *   <tr><td>{@value #UNTIL}</td><td>date</td><td>for retain, the last day to keep the record when known; else null</td></tr>
 *   <tr><td>{@value #CODES}</td><td>array&lt;string&gt;</td><td>the reasons' codes, in order</td></tr>
 *   <tr><td>{@value #CLAUSES}</td><td>array&lt;string&gt;</td><td>the reasons' clauses, in the same order</td></tr>
 *   <tr><td>{@value #REVISION}</td><td>string</td><td>the revision of the pack that decided</td></tr>
 *   <tr><td>{@value #AS_OF}</td><td>date</td><td>the day of the sweep</td></tr>
 *   <tr><td>{@value #PROBLEM}</td><td>string</td><td>null, or why the pack could not answer for the record</td></tr>
 * </table>
 *
 * <p>A record the pack cannot answer for is retained (the reversible answer), never disposed of,
 * and has a {@value #PROBLEM}: a query the engine finds invalid (an unknown category or purpose,
 * a null category, no purpose, ...: code {@value #INVALID_REQUEST}, as
 * {@link io.privacyrules.PolicyEngine#decide(io.privacyrules.RetentionQuery)} answers), a date
 * column holding a string that is not a day {@code yyyy-MM-dd} (also {@value #INVALID_REQUEST}),
 * a failing rule ({@value #INTERNAL_ERROR}), or an executor that could not load the pack
 * ({@value #PACK_UNAVAILABLE}) or loaded another revision of it ({@value #REVISION_MISMATCH}).
 * Problems name identifiers, column names and lengths, never a value of the record.
 *
 * <p>Thread-safe (Spark's datasets and accumulators are); not serializable, for the driver.
 */
public final class RetentionSweep {
    /** The column of the action, {@code retain} or {@code dispose}. */
    public static final String ACTION = "retention_action";
    /** The column of the last day to keep the record, when known. */
    public static final String UNTIL = "retention_until";
    /** The column of the reasons' codes. */
    public static final String CODES = "retention_codes";
    /** The column of the reasons' clauses. */
    public static final String CLAUSES = "retention_clauses";
    /** The column of the revision of the pack that decided. */
    public static final String REVISION = "retention_revision";
    /** The column of the day of the sweep. */
    public static final String AS_OF = "retention_as_of";
    /** The column of the problem that kept the pack from answering, or null. */
    public static final String PROBLEM = "retention_problem";
    /** The names of the columns the sweep adds, in order. */
    public static final List<String> DECISION_COLUMNS = List.of(ACTION, UNTIL, CODES, CLAUSES, REVISION, AS_OF, PROBLEM);

    /** Reason code of a query the pack finds invalid, or a malformed date. */
    public static final String INVALID_REQUEST = "invalid-request";
    /** Reason code of a rule that failed while deciding. */
    public static final String INTERNAL_ERROR = "internal-error";
    /** Reason code of a record whose executor could not load the pack. */
    public static final String PACK_UNAVAILABLE = "pack-unavailable";
    /** Reason code of a record whose executor loaded another revision of the pack than the driver. */
    public static final String REVISION_MISMATCH = "revision-mismatch";

    static final List<StructField> DECISION_FIELDS = List.of(
            DataTypes.createStructField(ACTION, DataTypes.StringType, false),
            DataTypes.createStructField(UNTIL, DataTypes.DateType, true),
            DataTypes.createStructField(CODES, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(CLAUSES, DataTypes.createArrayType(DataTypes.StringType, false), false),
            DataTypes.createStructField(REVISION, DataTypes.StringType, true),
            DataTypes.createStructField(AS_OF, DataTypes.DateType, false),
            DataTypes.createStructField(PROBLEM, DataTypes.StringType, true));

    private final Dataset<Row> decisions;
    private final String idColumn;
    private final LocalDate asOf;
    private final PolicyInfo policy;
    private final LongAccumulator invalid;

    RetentionSweep(Dataset<Row> decisions, String idColumn, LocalDate asOf, PolicyInfo policy, LongAccumulator invalid) {
        this.decisions = decisions;
        this.idColumn = idColumn;
        this.asOf = asOf;
        this.policy = policy;
        this.invalid = invalid;
    }

    /** Every record, its columns followed by the decision columns. */
    public Dataset<Row> decisions() {
        return decisions;
    }

    /**
     * The records to delete or anonymize now: those of {@link #decisions()} whose action is
     * {@code dispose}, with all their columns.
     */
    public Dataset<Row> toDispose() {
        return decisions.filter(col(ACTION).equalTo("dispose"));
    }

    /**
     * The side output: the records the pack could not answer for, as the id column, the reasons'
     * codes and the {@value #PROBLEM} message. It shows no other value of a record.
     */
    public Dataset<Row> invalid() {
        return decisions.filter(col(PROBLEM).isNotNull()).select(col(idColumn), col(CODES), col(PROBLEM));
    }

    /**
     * The rows found invalid so far, counted by a Spark {@link LongAccumulator} as the executors
     * decided them (see {@link #invalidCounter()}). After one action over all the rows of
     * {@link #decisions()} it is the number of invalid rows; each further action that decides rows
     * again, and each retried task, adds to it. {@code invalid().count()} counts them exactly.
     */
    public long invalidCount() {
        return invalid.value();
    }

    /** The accumulator behind {@link #invalidCount()}, named {@code privacy-rules invalid rows}. */
    public LongAccumulator invalidCounter() {
        return invalid;
    }

    /** The day every record is decided on. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The pack that decides, as loaded on the driver; its revision is every executor's. */
    public PolicyInfo policy() {
        return policy;
    }
}
