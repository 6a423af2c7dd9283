package io.privacyrules.spark;

import io.privacyrules.RetentionQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.ArraySeq;

/**
 * A made-up table of stored records, each a pure function of its id, so that a test can rebuild
 * any row on the driver. Most rows are valid queries of the seed pack with dates around
 * {@link #AS_OF}; some are invalid in every way a host's table can be.
 */
final class Records {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    static final StructType SCHEMA = new StructType()
            .add("record_id", DataTypes.LongType, false)
            .add("category", DataTypes.StringType, true)
            .add("purposes", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("fulfilled", DataTypes.createArrayType(DataTypes.StringType, true), true)
            .add("contract_end", DataTypes.DateType, true)
            .add("tx_done", DataTypes.StringType, true)
            .add("service_life_end", DataTypes.DateType, true)
            .add("payload", DataTypes.StringType, true);

    static final RetentionColumns COLUMNS = RetentionColumns.builder()
            .id("record_id").data("category").purposes("purposes").purposesFulfilled("fulfilled")
            .event("contractEndedOn", "contract_end").event("transactionCompletedOn", "tx_done").event("vehicleServiceLifeEndedOn", "service_life_end")
            .build();

    /** Values no message may show: they stand for personal data put into the wrong column. */
    static final String PHONE = "+86 138 0013 8000";
    static final String NAME = "Zhang San";

    private static final String[] CATEGORIES = {"contract.record", "financial.transaction", "vehicle.identifiers",
            "vehicle.service-data", "vehicle.sensor-data", "identity.name", "contact.email", "contact.mobile",
            "vehicle.location"};
    private static final String[] PURPOSES = {"contract-conclusion", "contract-fulfilment", "customer-service",
            "after-sales-service", "marketing"};

    /** One stored record. */
    record Rec(long id, String category, List<String> purposes, List<String> fulfilled, LocalDate contractEnd,
               String txDone, LocalDate serviceLifeEnd) {
        Row row() {
            return RowFactory.create(id, category, seq(purposes), seq(fulfilled),
                    contractEnd == null ? null : java.sql.Date.valueOf(contractEnd), txDone,
                    serviceLifeEnd == null ? null : java.sql.Date.valueOf(serviceLifeEnd), "free text " + id);
        }

        private static Object seq(List<String> ids) {
            return ids == null ? null : ArraySeq.unsafeWrapArray(ids.toArray(new String[0]));
        }

        Rec withTxDone(String value) {
            return new Rec(id, category, purposes, fulfilled, contractEnd, value, serviceLifeEnd);
        }

        /** True when tx_done holds a string that is not a day. */
        boolean malformedDate() {
            if (txDone == null) {
                return false;
            }
            try {
                LocalDate.parse(txDone);
                return false;
            } catch (DateTimeParseException e) {
                return true;
            }
        }

        /** The query a host would ask for this record; only for records without a malformed date. */
        RetentionQuery query(LocalDate asOf) {
            RetentionQuery.Builder b = RetentionQuery.builder().data(category).asOf(asOf)
                    .event("contract-ended", contractEnd).event("service-life-ended", serviceLifeEnd)
                    .event("transaction-completed", txDone == null ? null : LocalDate.parse(txDone));
            if (purposes != null) {
                b.purposes(purposes.toArray(new String[0]));
            }
            if (fulfilled != null) {
                b.purposesFulfilled(fulfilled.toArray(new String[0]));
            }
            return b.build();
        }
    }

    private Records() {
    }

    /** The records 0 to n - 1 as a dataset of {@code partitions} partitions, generated on the executors. */
    static Dataset<Row> table(SparkSession spark, long n, int partitions) {
        return spark.range(0, n, 1, partitions)
                .map((MapFunction<Long, Row>) i -> record(i).row(), Encoders.row(SCHEMA));
    }

    /** Record {@code id}: a pure function of it. */
    static Rec record(long id) {
        SplittableRandom r = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        int bad = r.nextInt(64);                      // 0..3: invalid in one way each
        String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        List<String> purposes = new ArrayList<>();
        for (String p : PURPOSES) {
            if (r.nextInt(3) == 0) {
                purposes.add(p);
            }
        }
        if (purposes.isEmpty()) {
            purposes.add(PURPOSES[r.nextInt(PURPOSES.length)]);
        }
        List<String> fulfilled = new ArrayList<>();
        for (String p : purposes) {
            if (r.nextInt(3) != 0) {
                fulfilled.add(p);
            }
        }
        boolean fulfilledNull = fulfilled.isEmpty() && r.nextBoolean();
        // days over ten years from 2018: before and after AS_OF and the end of its periods
        LocalDate contractEnd = r.nextInt(3) == 0 ? null : LocalDate.of(2018, 1, 1).plusDays(r.nextInt(3650));
        String txDone = r.nextInt(3) == 0 ? null : LocalDate.of(2018, 1, 1).plusDays(r.nextInt(3650)).toString();
        LocalDate serviceLife = r.nextBoolean() ? null : LocalDate.of(2022, 1, 1).plusDays(r.nextInt(3650));

        Rec rec = new Rec(id, category, purposes, fulfilledNull ? null : fulfilled, contractEnd, txDone, serviceLife);
        return switch (bad) {
            case 0 -> switch ((int) (id % 6)) {   // the engine finds the query invalid
                case 0 -> new Rec(id, "Contract.Record", rec.purposes, rec.fulfilled, contractEnd, txDone, serviceLife);
                case 1 -> new Rec(id, null, rec.purposes, rec.fulfilled, contractEnd, txDone, serviceLife);
                case 2 -> new Rec(id, PHONE, rec.purposes, rec.fulfilled, contractEnd, txDone, serviceLife);
                case 3 -> new Rec(id, category, null, null, contractEnd, txDone, serviceLife);
                case 4 -> new Rec(id, category, List.of("warranty"), null, contractEnd, txDone, serviceLife);
                default -> new Rec(id, category, rec.purposes, List.of("marketing", "legal-obligation"), contractEnd,
                        txDone, serviceLife);
            };
            case 1 -> switch ((int) (id % 3)) {   // malformed dates
                case 0 -> new Rec(id, category, rec.purposes, rec.fulfilled, contractEnd, "2026-13-01", serviceLife);
                case 1 -> new Rec(id, category, rec.purposes, rec.fulfilled, contractEnd, NAME, serviceLife);
                default -> new Rec(id, category, rec.purposes, rec.fulfilled, contractEnd, "", serviceLife);
            };
            case 2 -> {                           // a null among the purposes
                List<String> withNull = new ArrayList<>(rec.purposes);
                withNull.add(null);
                yield new Rec(id, category, withNull, rec.fulfilled, contractEnd, txDone, serviceLife);
            }
            case 3 -> new Rec(id, category, List.of(purposes.get(0), purposes.get(0)), null, contractEnd, txDone,
                    serviceLife);             // a purpose named twice
            default -> rec;
        };
    }
}
