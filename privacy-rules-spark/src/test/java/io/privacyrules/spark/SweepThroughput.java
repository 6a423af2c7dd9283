package io.privacyrules.spark;

import io.privacyrules.PolicyEngine;
import io.privacyrules.RetentionQuery;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Rows per second of a sweep in Spark local mode: not a test, a timed run for docs/spark.md.
 *
 * <pre>
 * mvn -B -q -pl privacy-rules-spark -am process-test-classes -Pthroughput
 * </pre>
 *
 * runs it on {@code local[1]} and on {@code local[2]}, each in its own JVM. Arguments: the
 * master, the number of rows (default 1,000,000), the number of timed runs (default 5). The
 * table ({@link Records}, the one the tests check) is generated and cached first; one untimed run
 * warms the JIT and loads the pack; then each timed run decides every row and writes the result
 * to Spark's {@code noop} sink, so every decision column is computed and nothing is stored.
 */
public final class SweepThroughput {
    private SweepThroughput() {
    }

    /**
     * Runs the measurement and prints one line per run and a summary.
     *
     * @param args master, rows, runs
     */
    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SparkSession spark = SparkSession.builder().master(master).appName("privacy-rules-spark throughput")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
                .getOrCreate();
        try {
            Dataset<Row> table = Records.table(spark, rows, 8).cache();
            long n = table.count();
            SparkRetention retention = SparkRetention.load("classpath:bmw-connected-drive-cn");
            sweep(retention, table);   // warm-up
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                long cpu = cpuNanos();
                long start = System.nanoTime();
                sweep(retention, table);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cores = (cpuNanos() - cpu) / 1e9 / seconds;
                rates.add(n / seconds);
                System.out.printf("%s run %d: %,d rows in %.2f s = %,.0f rows/s; this JVM used %.2f cores, load average %s%n",
                        master, run, n, seconds, n / seconds, cores, load());
            }
            Collections.sort(rates);
            System.out.printf("%s: %,d rows, %d runs, median %,.0f rows/s, best %,.0f rows/s, cores available %d%n",
                    master, n, runs, rates.get(runs / 2), rates.get(runs - 1), Runtime.getRuntime().availableProcessors());
            baseline(retention, (int) Math.min(n, 200_000));
        } finally {
            spark.stop();
        }
    }

    /**
     * For comparison: the same records' queries decided by {@code PolicyEngine.decide} in a loop on
     * one thread, without Spark (the queries are built before the clock starts).
     */
    private static void baseline(SparkRetention retention, int n) {
        PolicyEngine engine = PolicyEngine.load(retention.locations().get(0));
        List<RetentionQuery> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Records.Rec rec = Records.record(i);
            if (!rec.malformedDate()) {
                queries.add(rec.query(Records.AS_OF));
            }
        }
        for (RetentionQuery q : queries) {   // warm-up
            engine.decide(q);
        }
        long start = System.nanoTime();
        for (RetentionQuery q : queries) {
            engine.decide(q);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("baseline, PolicyEngine.decide in a loop on one thread, no Spark: %,d queries in %.2f s = %,.0f per second%n",
                queries.size(), seconds, queries.size() / seconds);
    }

    /** CPU time of this JVM, all threads (JIT and GC included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The 1-minute load average: how much the machine was shared while measuring. */
    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void sweep(SparkRetention retention, Dataset<Row> table) {
        retention.sweep(table, Records.COLUMNS, Records.AS_OF).decisions()
                .write().format("noop").mode("overwrite").save();
    }
}
