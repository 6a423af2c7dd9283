package io.privacyrules.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One local Spark for all the tests of this JVM: starting one costs seconds. */
final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    /** The shared session, {@code local[2]}, started on first use and stopped when the JVM exits. */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("privacy-rules-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
                    .getOrCreate();
        }
        return session;
    }
}
