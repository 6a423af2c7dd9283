package io.privacyrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a sweep is set up on the driver, and what an executor does without the driver's pack. */
class SweepSetupTest {
    private static final String PACK = "classpath:bmw-connected-drive-cn";

    private static SparkSession spark;
    private static SparkRetention retention;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        retention = SparkRetention.load(PACK);
    }

    /** The engine the driver loaded (loaded again if a test emptied the JVM's cache). */
    private static PolicyEngine driverEngine() {
        return Engines.get(retention.locations(), retention.policy().revision()).engine();
    }

    /** Three records: dispose (contract period over), retain until a day, retain for ever (purpose open). */
    private static Dataset<Row> three() {
        return spark.createDataFrame(List.of(
                new Records.Rec(1, "contract.record", List.of("contract-conclusion"), List.of("contract-conclusion"),
                        LocalDate.of(2020, 1, 10), null, null).row(),
                new Records.Rec(2, "financial.transaction", List.of("contract-fulfilment"), List.of("contract-fulfilment"),
                        null, "2026-03-15", null).row(),
                new Records.Rec(3, "vehicle.location", List.of("contract-fulfilment"), null, null, null, null).row()),
                Records.SCHEMA);
    }

    @Test
    void anExecutorWithAnotherRevisionDecidesNothingAndRetainsEveryRecord() {
        SparkRetention stale = new SparkRetention(retention.locations(), driverEngine(), "0123456789ab");
        RetentionSweep sweep = stale.sweep(three(), Records.COLUMNS, Records.AS_OF);
        // no orderBy: a sort samples its input first, deciding the rows twice and counting them twice
        List<Row> rows = sweep.decisions().collectAsList();
        assertEquals(3, sweep.invalidCount());
        assertEquals(3, rows.size());
        for (Row row : rows) {
            assertEquals("retain", row.getAs(RetentionSweep.ACTION));
            assertNull(row.getAs(RetentionSweep.UNTIL));
            assertEquals(List.of("revision-mismatch"), row.getList(row.fieldIndex(RetentionSweep.CODES)));
            assertEquals(List.of(), row.getList(row.fieldIndex(RetentionSweep.CLAUSES)));
            assertEquals(retention.policy().revision(), row.getAs(RetentionSweep.REVISION));
            assertEquals("The pack classpath:bmw-connected-drive-cn on this executor has revision "
                    + retention.policy().revision() + ", not the driver's 0123456789ab; no record was decided with it.",
                    row.getAs(RetentionSweep.PROBLEM));
        }
        assertEquals(0, sweep.toDispose().count());
        assertEquals(3, sweep.invalid().count());
    }

    @Test
    void anExecutorWithoutThePackRetainsEveryRecord() {
        SparkRetention missing = new SparkRetention(List.of("classpath:no-such-pack"), driverEngine(),
                retention.policy().revision());
        List<Row> rows = missing.sweep(three(), Records.COLUMNS, Records.AS_OF).decisions().collectAsList();
        assertEquals(3, rows.size());
        for (Row row : rows) {
            assertEquals("retain", row.getAs(RetentionSweep.ACTION));
            assertEquals(List.of("pack-unavailable"), row.getList(row.fieldIndex(RetentionSweep.CODES)));
            assertNull(row.getAs(RetentionSweep.REVISION));
            String problem = row.getAs(RetentionSweep.PROBLEM);
            assertTrue(problem.startsWith("The pack classpath:no-such-pack did not load on this executor (PolicyLoadException"),
                    problem);
        }
    }

    @Test
    void anExecutorLoadsThePackItselfWhenTheDriverDidNotLeaveItInTheJvm() {
        Engines.clear();   // in local mode the driver's engine would otherwise be found
        List<Row> rows = retention.sweep(three(), Records.COLUMNS, Records.AS_OF).decisions().orderBy("record_id")
                .select(RetentionSweep.ACTION, RetentionSweep.UNTIL).collectAsList();
        assertEquals("dispose", rows.get(0).getString(0));
        assertEquals(LocalDate.of(2029, 3, 15), rows.get(1).getDate(1).toLocalDate());
        assertEquals("retain", rows.get(2).getString(0));
        assertNull(rows.get(2).get(1));
    }

    @Test
    void withoutADayTheSweepIsAsOfTodayByTheClockReadOnceOnTheDriver() {
        // 2028-01-10T17:00Z is already 11 January in Shanghai, the seed pack's time zone:
        // the contract record (period over on 10 January 2028 at the end of the day) is disposed of
        Clock clock = Clock.fixed(Instant.parse("2028-01-10T17:00:00Z"), ZoneId.of("UTC"));
        Dataset<Row> contract = spark.createDataFrame(List.of(new Records.Rec(1, "contract.record",
                List.of("contract-conclusion"), List.of("contract-conclusion"), LocalDate.of(2025, 1, 10), null, null).row()),
                Records.SCHEMA);
        RetentionSweep sweep = retention.withClock(clock.withZone(ZoneId.of("Asia/Shanghai"))).sweep(contract, Records.COLUMNS);
        assertEquals(LocalDate.of(2028, 1, 11), sweep.asOf());
        Row row = sweep.decisions().collectAsList().get(0);
        assertEquals("dispose", row.getAs(RetentionSweep.ACTION));
        assertEquals(LocalDate.of(2028, 1, 11), ((java.sql.Date) row.getAs(RetentionSweep.AS_OF)).toLocalDate());
        RetentionSweep dayBefore = retention.withClock(clock.withZone(ZoneId.of("UTC"))).sweep(contract, Records.COLUMNS);
        assertEquals(LocalDate.of(2028, 1, 10), dayBefore.asOf());
        assertEquals(0, dayBefore.toDispose().count());
    }

    @Test
    void aPurposeColumnMayBeAStringAndDatesMayComeAsJavaTimeValues() {
        Dataset<Row> records = three()
                .withColumn("purpose", functions.element_at(functions.col("purposes"), 1))
                .withColumn("done", functions.element_at(functions.col("fulfilled"), 1));
        RetentionColumns columns = RetentionColumns.builder().id("record_id").data("category").purposes("purpose")
                .purposesFulfilled("done").event("contract-ended", "contract_end").event("transaction-completed", "tx_done").build();
        spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
        try {
            List<Row> rows = retention.sweep(records, columns, Records.AS_OF).decisions().orderBy("record_id")
                    .select(RetentionSweep.ACTION, RetentionSweep.UNTIL, RetentionSweep.AS_OF).collectAsList();
            assertEquals("dispose", rows.get(0).getString(0));
            assertEquals(LocalDate.of(2029, 3, 15), rows.get(1).getLocalDate(1));
            assertEquals(Records.AS_OF, rows.get(1).getLocalDate(2));
            assertEquals("retain", rows.get(2).getString(0));
        } finally {
            spark.conf().unset("spark.sql.datetime.java8API.enabled");
        }
    }

    @Test
    void aMappingThatDoesNotFitTheTableIsRefusedOnTheDriver() {
        Dataset<Row> records = three();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> retention.sweep(records,
                RetentionColumns.builder().id("record_id").data("category").purposes("purpose").build(), Records.AS_OF));
        assertTrue(missing.getMessage().startsWith("the records have no column purpose (mapped to purposes)"),
                missing.getMessage());

        Dataset<Row> timestamps = records.withColumn("ended_at", functions.current_timestamp());
        IllegalArgumentException timestamp = assertThrows(IllegalArgumentException.class, () -> retention.sweep(timestamps,
                RetentionColumns.builder().id("record_id").data("category").purposes("purposes")
                        .event("contractEndedOn", "ended_at").build(), Records.AS_OF));
        assertTrue(timestamp.getMessage().startsWith("column ended_at (mapped to contractEndedOn) is timestamp, not date"),
                timestamp.getMessage());

        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> retention.sweep(records,
                RetentionColumns.builder().id("record_id").data("record_id").purposes("purposes").build(), Records.AS_OF));
        assertEquals("column record_id (mapped to data) is bigint, not string", number.getMessage());

        Dataset<Row> clash = records.withColumn("Retention_Action", functions.lit("x"));
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> retention.sweep(clash, Records.COLUMNS, Records.AS_OF));
        assertEquals("the records already have a column Retention_Action, which the sweep adds; rename it",
                taken.getMessage());

        IllegalStateException incomplete = assertThrows(IllegalStateException.class,
                () -> RetentionColumns.builder().data("category").build());
        assertEquals("map the columns id, data and purposes; missing: id purposes", incomplete.getMessage());
        assertThrows(NullPointerException.class, () -> retention.sweep(records, Records.COLUMNS, null));
    }

    @Test
    void aRowThatCannotBeReadIsKeptNotAFailedTask() {
        // a layout that does not fit the row (the driver's type checks prevent it): the id, a long, read as the category
        LongAccumulator invalid = new LongAccumulator();
        RowDecider decider = new RowDecider(retention.locations(), retention.policy().revision(), Records.AS_OF,
                new RowDecider.Column("record_id", 0, RowDecider.Kind.STRING),
                new RowDecider.Column("purposes", 2, RowDecider.Kind.STRING_ARRAY), null, List.of(),
                Records.SCHEMA.size(), false, invalid);
        Iterator<Row> out = decider.call(List.of(Records.record(5).row(), Records.record(6).row()).iterator());
        Row row = out.next();
        int width = Records.SCHEMA.size();
        assertEquals(5L, row.getLong(0));
        assertEquals("retain", row.getString(width));
        assertEquals(List.of("internal-error"), row.getList(width + 2));
        assertEquals("The record could not be read (ClassCastException).", row.getString(width + 6));
        assertTrue(out.hasNext());
        out.next();
        assertFalse(out.hasNext());
        assertEquals(2, invalid.value());
    }

    @Test
    void theColumnMappingIsAValue() {
        RetentionColumns a = RetentionColumns.builder().id("i").data("d").purposes("p").event("contract-ended", "c").build();
        RetentionColumns b = RetentionColumns.builder().id("i").data("d").purposes("p").event("contract-ended", "c").build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("c", a.event("contract-ended"));
        assertNull(a.event("transaction-completed"));
        assertNull(a.purposesFulfilled());
    }
}
