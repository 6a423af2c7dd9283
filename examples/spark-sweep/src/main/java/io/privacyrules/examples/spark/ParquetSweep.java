package io.privacyrules.examples.spark;

import io.privacyrules.spark.RetentionColumns;
import io.privacyrules.spark.RetentionSweep;
import io.privacyrules.spark.SparkRetention;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A nightly retention sweep as a Spark job: read the stored records from Parquet, ask the seed
 * pack about each, and write the ids of those to delete or anonymize, as Parquet, for the job
 * that does it. Records the pack cannot be asked about go to a second output, to be fixed.
 *
 * <pre>
 * spark-submit --class io.privacyrules.examples.spark.ParquetSweep privacy-rules-spark-sweep-assembly.jar \
 *     RECORDS_PARQUET OUTPUT_FOLDER [YYYY-MM-DD]
 * </pre>
 *
 * <p>The records have the columns {@code record_id}, {@code category} (string),
 * {@code purposes} and {@code fulfilled} (arrays of strings), {@code contract_end},
 * {@code transaction_completed} and {@code service_life_end} (dates). The output folder gets
 * {@code dispose/} (record id, clauses, pack revision, day) and {@code invalid/} (record id,
 * codes, problem).
 *
 * <p>Stateless and thread-safe; {@link #COLUMNS} is immutable.
 */
public final class ParquetSweep {
    /** How the columns of the records map to a retention query. */
    public static final RetentionColumns COLUMNS = RetentionColumns.builder()
            .id("record_id")
            .data("category")
            .purposes("purposes")
            .purposesFulfilled("fulfilled")
            .event("contract-ended", "contract_end")
            .event("transaction-completed", "transaction_completed")
            .event("service-life-ended", "service_life_end")
            .build();

    /**
     * What a sweep did: the counts are for the log of the job; they are ids and numbers only.
     * Immutable and thread-safe.
     *
     * @param asOf     the day of the sweep
     * @param revision the revision of the pack that decided
     * @param dispose  records written to {@code dispose/}
     * @param invalid  records written to {@code invalid/}
     */
    public record Summary(LocalDate asOf, String revision, long dispose, long invalid) {
    }

    private ParquetSweep() {
    }

    /**
     * Sweeps the records in the Parquet files at {@code records} and writes {@code out/dispose}
     * and {@code out/invalid}, replacing earlier outputs.
     *
     * @param spark   the session
     * @param records where the records are
     * @param out     the output folder
     * @param asOf    the day of the sweep, or null for today in the pack's time zone
     * @return what the sweep did
     */
    public static Summary run(SparkSession spark, String records, String out, LocalDate asOf) {
        SparkRetention retention = SparkRetention.load("classpath:bmw-connected-drive-cn");
        Dataset<Row> table = spark.read().parquet(records);
        RetentionSweep sweep = asOf == null ? retention.sweep(table, COLUMNS) : retention.sweep(table, COLUMNS, asOf);
        // both outputs come from the same decisions: decide once
        Dataset<Row> decided = sweep.decisions().persist();
        try {
            Dataset<Row> dispose = decided.filter(decided.col(RetentionSweep.ACTION).equalTo("dispose"))
                    .select("record_id", RetentionSweep.CLAUSES, RetentionSweep.REVISION, RetentionSweep.AS_OF);
            Dataset<Row> invalid = decided.filter(decided.col(RetentionSweep.PROBLEM).isNotNull())
                    .select("record_id", RetentionSweep.CODES, RetentionSweep.PROBLEM);
            dispose.write().mode(SaveMode.Overwrite).parquet(out + "/dispose");
            invalid.write().mode(SaveMode.Overwrite).parquet(out + "/invalid");
            return new Summary(sweep.asOf(), sweep.policy().revision(), dispose.count(), invalid.count());
        } finally {
            decided.unpersist();
        }
    }

    /**
     * Runs the sweep; the master and the rest come from {@code spark-submit}.
     *
     * @param args the records' Parquet path, the output folder, optionally the day (yyyy-MM-dd)
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ParquetSweep RECORDS_PARQUET OUTPUT_FOLDER [YYYY-MM-DD]");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("privacy-rules retention sweep").getOrCreate();
        try {
            Summary s = run(spark, args[0], args[1], args.length == 3 ? LocalDate.parse(args[2]) : null);
            System.out.printf("retention sweep as of %s, pack revision %s: %d records to dispose of, %d invalid%n",
                    s.asOf(), s.revision(), s.dispose(), s.invalid());
        } finally {
            spark.stop();
        }
    }
}
