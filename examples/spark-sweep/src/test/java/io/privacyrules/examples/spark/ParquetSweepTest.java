package io.privacyrules.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.immutable.ArraySeq;

/** The example job on a small Parquet file it is given, in Spark local mode. */
class ParquetSweepTest {
    private static final StructType SCHEMA = new StructType()
            .add("record_id", DataTypes.StringType, false)
            .add("category", DataTypes.StringType, true)
            .add("purposes", DataTypes.createArrayType(DataTypes.StringType), true)
            .add("fulfilled", DataTypes.createArrayType(DataTypes.StringType), true)
            .add("contract_end", DataTypes.DateType, true)
            .add("transaction_completed", DataTypes.DateType, true)
            .add("service_life_end", DataTypes.DateType, true);

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("ParquetSweepTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Row row(String id, String category, List<String> purposes, List<String> fulfilled,
                           LocalDate contractEnd, LocalDate transaction, LocalDate serviceLife) {
        return RowFactory.create(id, category, ArraySeq.unsafeWrapArray(purposes.toArray(new String[0])),
                ArraySeq.unsafeWrapArray(fulfilled.toArray(new String[0])), date(contractEnd), date(transaction),
                date(serviceLife));
    }

    private static java.sql.Date date(LocalDate day) {
        return day == null ? null : java.sql.Date.valueOf(day);
    }

    @Test
    void writesTheRecordsToDisposeOfAndTheInvalidOnes(@TempDir Path dir) {
        List<String> cc = List.of("contract-conclusion");
        List<String> cf = List.of("contract-fulfilment");
        spark.createDataFrame(List.of(
                // contract record, period over 2028-01-10: kept on 2026-11-01
                row("c-1", "contract.record", cc, cc, LocalDate.of(2025, 1, 10), null, null),
                // contract record whose period ended 2026-01-10: dispose
                row("c-2", "contract.record", cc, cc, LocalDate.of(2023, 1, 10), null, null),
                // payment record, period over 2026-10-31: dispose
                row("p-1", "financial.transaction", cf, cf, null, LocalDate.of(2023, 10, 31), null),
                // payment record on the last day of its period: kept
                row("p-2", "financial.transaction", cf, cf, null, LocalDate.of(2023, 11, 1), null),
                // purpose fulfilled, nothing else keeps it: dispose
                row("e-1", "contact.email", List.of("customer-service"), List.of("customer-service"), null, null, null),
                // after-sales data, service life over: dispose
                row("v-1", "vehicle.service-data", List.of("after-sales-service"), List.of(), null, null,
                        LocalDate.of(2026, 10, 31)),
                // unknown category: invalid, kept
                row("x-1", "contract.records", cc, cc, LocalDate.of(2020, 1, 10), null, null),
                // no purpose: invalid, kept
                row("x-2", "contact.email", List.of(), List.of(), null, null, null)), SCHEMA)
                .coalesce(1).write().parquet(dir.resolve("records").toString());

        ParquetSweep.Summary summary = ParquetSweep.run(spark, dir.resolve("records").toString(),
                dir.resolve("out").toString(), LocalDate.of(2026, 11, 1));

        assertEquals(new ParquetSweep.Summary(LocalDate.of(2026, 11, 1), summary.revision(), 4, 2), summary);
        assertEquals(12, summary.revision().length());
        List<Row> dispose = spark.read().parquet(dir.resolve("out/dispose").toString()).orderBy("record_id").collectAsList();
        assertEquals(List.of("c-2", "e-1", "p-1", "v-1"), dispose.stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of("I.1", "I"), dispose.get(0).getList(1));
        assertEquals(summary.revision(), dispose.get(0).getString(2));
        List<Row> invalid = spark.read().parquet(dir.resolve("out/invalid").toString()).orderBy("record_id").collectAsList();
        assertEquals(List.of("x-1", "x-2"), invalid.stream().map(r -> r.getString(0)).toList());
        assertEquals(List.of("invalid-request"), invalid.get(0).getList(1));
        assertEquals("The request is not valid for this policy: unknown data category 'contract.records'.",
                invalid.get(0).getString(2));
    }
}
