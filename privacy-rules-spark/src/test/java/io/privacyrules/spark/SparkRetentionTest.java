package io.privacyrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import io.privacyrules.Reason;
import io.privacyrules.RetentionAction;
import io.privacyrules.RetentionDecision;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sweep on Spark ({@code local[2]}) gives every row of a generated table of 100,000 records
 * the answer {@link PolicyEngine#decide(io.privacyrules.RetentionQuery)} gives for the same
 * record, invalid records included.
 */
class SparkRetentionTest {
    private static final String PACK = "classpath:bmw-connected-drive-cn";
    private static final int ROWS = 100_000;

    private static SparkSession spark;
    private static PolicyEngine engine;

    @BeforeAll
    static void start() {
        spark = LocalSpark.session();
        // the reference: the engine SparkRetention.load puts in this JVM, which the local executor
        // uses too; so the reference runs on JIT-warm rules and the pack is compiled once
        SparkRetention retention = SparkRetention.load(PACK);
        engine = Engines.get(retention.locations(), retention.policy().revision()).engine();
    }

    @Test
    void everyRowIsDecidedAsPolicyEngineDecidesIt() {
        SparkRetention retention = SparkRetention.load(PACK);
        RetentionSweep sweep = retention.sweep(Records.table(spark, ROWS, 4), Records.COLUMNS, Records.AS_OF);
        assertEquals(4, sweep.decisions().rdd().getNumPartitions());

        // decided once: the counts of toDispose() and invalid() below read the cached rows
        sweep.decisions().persist(StorageLevel.MEMORY_ONLY());
        long t0 = System.nanoTime();
        List<Row> rows = sweep.decisions().select("record_id", RetentionSweep.ACTION, RetentionSweep.UNTIL,
                RetentionSweep.CODES, RetentionSweep.CLAUSES, RetentionSweep.REVISION, RetentionSweep.AS_OF,
                RetentionSweep.PROBLEM).collectAsList();
        long countedInvalid = sweep.invalidCount();   // one action has decided every row once
        long t1 = System.nanoTime();

        assertEquals(ROWS, rows.size());
        // a malformed date: retain, as the engine answers an invalid query, citing the seed pack's
        // clause for invalid requests (defaults.invalidRequest.clause)
        RetentionDecision invalidAnswer = new RetentionDecision(RetentionAction.RETAIN, null,
                List.of(new Reason("invalid-request", "I", "-", "engine")), engine.policy());
        // the reference: PolicyEngine.decide on each record, on the two cores (the engine is thread-safe)
        RetentionDecision[] reference = new RetentionDecision[ROWS];
        IntStream.range(0, ROWS).parallel().forEach(i -> {
            Records.Rec rec = Records.record(i);
            reference[i] = rec.malformedDate() ? invalidAnswer : engine.decide(rec.query(Records.AS_OF));
        });
        long t2 = System.nanoTime();
        String revision = engine.policy().revision();
        List<String> mismatches = new ArrayList<>();
        long dispose = 0;
        long retainUntil = 0;
        long invalid = 0;
        long malformed = 0;
        boolean[] seen = new boolean[ROWS];
        for (Row row : rows) {
            int id = (int) row.getLong(0);
            assertFalse(seen[id], "record " + id + " twice");
            seen[id] = true;
            Records.Rec rec = Records.record(id);
            RetentionDecision expected = reference[id];
            String action = row.getString(1);
            LocalDate until = row.isNullAt(2) ? null : row.getDate(2).toLocalDate();
            List<String> codes = row.getList(3);
            List<String> clauses = row.getList(4);
            boolean same = expected.action().id().equals(action) && Objects.equals(expected.until(), until)
                    && expected.reasons().stream().map(Reason::code).toList().equals(codes)
                    && expected.clauses().equals(clauses)
                    && revision.equals(row.getString(5))
                    && Records.AS_OF.equals(row.getDate(6).toLocalDate());
            boolean expectProblem = codes.contains("invalid-request") || codes.contains("internal-error");
            same &= expectProblem != row.isNullAt(7);
            if (!same && mismatches.size() < 10) {
                mismatches.add(rec + " -> " + row + ", expected " + expected);
            }
            dispose += "dispose".equals(action) ? 1 : 0;
            retainUntil += "retain".equals(action) && until != null ? 1 : 0;
            invalid += row.isNullAt(7) ? 0 : 1;
            malformed += rec.malformedDate() ? 1 : 0;
            if (!row.isNullAt(7)) {
                String problem = row.getString(7);
                assertFalse(problem.contains(Records.PHONE) || problem.contains(Records.NAME), problem);
                if (rec.malformedDate()) {
                    assertTrue(problem.contains("transactionCompletedOn (column tx_done)"), problem);
                }
            }
        }
        long t3 = System.nanoTime();
        assertEquals(List.of(), mismatches, "rows decided otherwise than PolicyEngine.decide");
        System.out.printf("%,d rows: %,d dispose, %,d retain with until, %,d invalid (%,d malformed dates)%n",
                ROWS, dispose, retainUntil, invalid, malformed);

        // the table exercises every kind of answer, so agreement is not agreement on one answer
        assertTrue(dispose > ROWS / 10, "dispose " + dispose);
        assertTrue(retainUntil > ROWS / 40, "retain with until " + retainUntil);
        assertTrue(invalid > ROWS / 30 && invalid < ROWS / 10, "invalid " + invalid);
        assertTrue(malformed > ROWS / 100, "malformed dates " + malformed);

        assertEquals(invalid, countedInvalid, "the accumulator counts each invalid row once");
        assertEquals(dispose, sweep.toDispose().count());
        Dataset<Row> side = sweep.invalid();
        assertEquals(List.of("record_id", RetentionSweep.CODES, RetentionSweep.PROBLEM), List.of(side.columns()));
        assertEquals(invalid, side.count());
        System.out.printf("sweep and collect %.1f s, PolicyEngine.decide of each record %.1f s, comparing %.1f s,"
                + " two counts %.1f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (System.nanoTime() - t3) / 1e9);
        sweep.decisions().unpersist();
    }

    @Test
    void aMalformedDateIsTheEngineAnswerToAnInvalidQueryWithAMessageThatShowsNoValue() {
        Dataset<Row> records = spark.createDataFrame(List.of(
                Records.record(0).withTxDone(Records.NAME).row(),
                Records.record(1).withTxDone("2026-02-30").row()), Records.SCHEMA);
        List<Row> side = SparkRetention.load(PACK).sweep(records, Records.COLUMNS, Records.AS_OF).invalid()
                .orderBy("record_id").collectAsList();
        assertEquals(2, side.size());
        assertEquals(List.of("invalid-request"), side.get(0).getList(1));
        assertEquals("The record's transactionCompletedOn (column tx_done) is not a day in the form yyyy-MM-dd"
                + " (a value of 9 characters, not shown).", side.get(0).getString(2));
        assertEquals("The record's transactionCompletedOn (column tx_done) is not a day in the form yyyy-MM-dd"
                + " (a value of 10 characters, not shown).", side.get(1).getString(2));
    }

    @Test
    void aNullDateIsAnEventThatHasNotHappenedNotAProblem() {
        Records.Rec rec = new Records.Rec(7, "contract.record", List.of("contract-conclusion"),
                List.of("contract-conclusion"), null, null, null);
        Row row = SparkRetention.load(PACK).sweep(spark.createDataFrame(List.of(rec.row()), Records.SCHEMA),
                Records.COLUMNS, Records.AS_OF).decisions().collectAsList().get(0);
        assertEquals("retain", row.getAs(RetentionSweep.ACTION));
        assertNull(row.getAs(RetentionSweep.UNTIL));
        assertEquals(List.of("I.1"), row.getList(row.fieldIndex(RetentionSweep.CLAUSES)));
        assertNull(row.getAs(RetentionSweep.PROBLEM));
    }
}
