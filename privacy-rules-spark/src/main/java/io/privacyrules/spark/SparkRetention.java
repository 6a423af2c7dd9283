package io.privacyrules.spark;

import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyInfo;
import io.privacyrules.PolicyLoadException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

/**
 * Retention sweeps over a Spark {@code Dataset<Row>} of stored records: every row gets the
 * answer {@link PolicyEngine#decide(io.privacyrules.RetentionQuery)} gives for it.
 *
 * <pre>{@code
 * SparkRetention retention = SparkRetention.load("classpath:bmw-connected-drive-cn");   // on the driver
 * RetentionSweep sweep = retention.sweep(spark.read().parquet(in), columns);
 * sweep.toDispose().select("record_id").write().parquet(out);
 * }</pre>
 *
 * <p>The pack is loaded on the driver, which checks it and fixes its revision. No engine is sent
 * to the executors: each executor loads the pack from the same location once, into a cache of
 * its JVM keyed by location and revision, and decides its partitions with it
 * ({@code mapPartitions}). An executor whose pack has another revision than the driver's, or
 * that cannot load it, decides nothing: its rows are retained with reason code
 * {@link RetentionSweep#REVISION_MISMATCH} or {@link RetentionSweep#PACK_UNAVAILABLE}. So a
 * {@code classpath:} pack must be in a jar the executors have, and a folder must be at the same
 * path on every executor.
 *
 * <p>"Today" is one day for the whole sweep, fixed on the driver when {@link #sweep} is called:
 * the day given, or today by the engine's clock (the pack's time zone). Running the same sweep
 * again, or retrying a task, gives the same answers.
 *
 * <p>For classic Spark (a {@code SparkSession} with a {@code SparkContext}), not Spark Connect.
 * Immutable and thread-safe; not serializable, and not needed on the executors.
 */
public final class SparkRetention {
    private final List<String> locations;
    private final PolicyEngine engine;
    private final String revision;

    SparkRetention(List<String> locations, PolicyEngine engine, String revision) {
        this.locations = List.copyOf(locations);
        this.engine = engine;
        this.revision = revision;
    }

    /**
     * Loads the pack at {@code location} on the driver, as {@link PolicyEngine#load(String)}: a
     * folder path, or {@code classpath:NAME}.
     *
     * @throws NullPointerException if {@code location} is null
     * @throws PolicyLoadException  if the pack does not load, with every problem found
     */
    public static SparkRetention load(String location) {
        return of(List.of(Objects.requireNonNull(location, "location")));
    }

    /**
     * Loads several packs as layers of one engine, as {@link PolicyEngine#layered(String...)}: a
     * record is retained when any layer retains it.
     *
     * @throws NullPointerException     if {@code locations} or one of them is null
     * @throws IllegalArgumentException if no location is given
     * @throws PolicyLoadException      if a pack or a map does not load
     */
    public static SparkRetention layered(String... locations) {
        List<String> all = List.of(Objects.requireNonNull(locations, "locations"));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no location given");
        }
        return of(all);
    }

    private static SparkRetention of(List<String> locations) {
        PolicyEngine engine = Engines.load(locations);
        // in local mode the executors run in this JVM: they find the engine instead of loading it again
        Engines.put(locations, engine);
        return new SparkRetention(locations, engine, engine.policy().revision());
    }

    /**
     * This sweep's pack with another clock, which says what day "today" is when {@link #sweep}
     * is given no day; the clock is read on the driver only.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public SparkRetention withClock(Clock clock) {
        return new SparkRetention(locations, engine.withClock(Objects.requireNonNull(clock, "clock")), revision);
    }

    /** The pack (or layers) the driver loaded, with the revision every executor must have. */
    public PolicyInfo policy() {
        return engine.policy();
    }

    /** The locations the pack is loaded from, on the driver and on every executor. */
    public List<String> locations() {
        return locations;
    }

    /**
     * A sweep of {@code records} as of today by the engine's clock, read once, now, on the driver.
     *
     * @see #sweep(Dataset, RetentionColumns, LocalDate)
     */
    public RetentionSweep sweep(Dataset<Row> records, RetentionColumns columns) {
        return sweep(records, columns, LocalDate.now(engine.clock()));
    }

    /**
     * A sweep of {@code records} as of {@code asOf}: the day every row is decided on. Nothing runs
     * yet; the datasets of the result are computed by Spark's actions on them.
     *
     * @param records the stored records
     * @param columns which columns hold the fields of a retention query
     * @param asOf    the day of the sweep
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a mapped column is missing or of a type that cannot
     *                                  hold its field, or if {@code records} already has a column
     *                                  named as one of {@link RetentionSweep#DECISION_COLUMNS}
     */
    public RetentionSweep sweep(Dataset<Row> records, RetentionColumns columns, LocalDate asOf) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(asOf, "asOf");
        StructType schema = records.schema();
        for (StructField f : schema.fields()) {
            for (StructField added : RetentionSweep.DECISION_FIELDS) {
                if (f.name().toLowerCase(Locale.ROOT).equals(added.name())) {
                    throw new IllegalArgumentException("the records already have a column " + f.name()
                            + ", which the sweep adds; rename it");
                }
            }
        }
        column(schema, columns.id(), "id", null);
        RowDecider.Column data = column(schema, columns.data(), "data", RowDecider.Kind.STRING);
        RowDecider.Column purposes = column(schema, columns.purposes(), "purposes", RowDecider.Kind.STRING_ARRAY);
        RowDecider.Column fulfilled = columns.purposesFulfilled() == null ? null
                : column(schema, columns.purposesFulfilled(), "purposesFulfilled", RowDecider.Kind.STRING_ARRAY);
        List<RowDecider.EventColumn> events = new ArrayList<>();
        for (Map.Entry<RetentionColumns.Event, String> e : columns.events().entrySet()) {
            events.add(new RowDecider.EventColumn(e.getKey(),
                    column(schema, e.getValue(), e.getKey().field(), RowDecider.Kind.DATE)));
        }

        boolean java8Dates = Boolean.parseBoolean(
                records.sparkSession().conf().get("spark.sql.datetime.java8API.enabled", "false"));
        LongAccumulator invalid = records.sparkSession().sparkContext().longAccumulator("privacy-rules invalid rows");
        RowDecider decider = new RowDecider(locations, revision, asOf, data, purposes, fulfilled, events,
                schema.fields().length, java8Dates, invalid);
        StructType out = schema;
        for (StructField f : RetentionSweep.DECISION_FIELDS) {
            out = out.add(f);
        }
        Dataset<Row> decisions = records.mapPartitions(decider, Encoders.row(out));
        return new RetentionSweep(decisions, columns.id(), asOf, engine.policy(), invalid);
    }

    /**
     * The mapped column {@code name} for the query field {@code field}, checked to hold what the
     * field needs: a string, strings (an array, or a string for one), a day (a date, or an ISO
     * string); any type for {@code wanted == null}.
     */
    private static RowDecider.Column column(StructType schema, String name, String field, RowDecider.Kind wanted) {
        int index = List.of(schema.fieldNames()).indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the records have no column " + name + " (mapped to " + field
                    + "); columns: " + String.join(", ", schema.fieldNames()));
        }
        DataType type = schema.fields()[index].dataType();
        RowDecider.Kind kind = null;
        if (wanted == null) {
            kind = RowDecider.Kind.STRING;   // not read by the decider
        } else if (type.equals(DataTypes.StringType)) {
            kind = wanted == RowDecider.Kind.DATE ? RowDecider.Kind.ISO_DATE_STRING : RowDecider.Kind.STRING;
        } else if (wanted == RowDecider.Kind.STRING_ARRAY && type instanceof ArrayType a
                && a.elementType().equals(DataTypes.StringType)) {
            kind = RowDecider.Kind.STRING_ARRAY;
        } else if (wanted == RowDecider.Kind.DATE && type.equals(DataTypes.DateType)) {
            kind = RowDecider.Kind.DATE;
        }
        if (kind == null) {
            String expected = switch (wanted) {
                case STRING -> "string";
                case STRING_ARRAY -> "array<string> or string";
                default -> "date or string (yyyy-MM-dd); convert a timestamp with to_date in the pack's time zone";
            };
            throw new IllegalArgumentException("column " + name + " (mapped to " + field + ") is "
                    + type.simpleString() + ", not " + expected);
        }
        return new RowDecider.Column(name, index, kind);
    }
}
