package io.privacyrules.spark;

import io.privacyrules.PolicyEngine;
import io.privacyrules.RetentionQuery;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.ArrayList;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SpikeTest {
    @Test
    void spike() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("spike")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            Dataset<Long> ids = spark.range(0, 1000).as(Encoders.LONG());
            Dataset<String> out = ids.mapPartitions((MapPartitionsFunction<Long, String>) it -> {
                PolicyEngine e = PolicyEngine.load("classpath:bmw-connected-drive-cn");
                List<String> r = new ArrayList<>();
                while (it.hasNext()) {
                    long i = it.next();
                    r.add(e.decide(RetentionQuery.builder().data("contract.record").purposes("contract-conclusion")
                            .purposesFulfilled("contract-conclusion").contractEndedOn(LocalDate.of(2020, 1, 1).plusDays(i))
                            .asOf(LocalDate.of(2026, 1, 1)).build()).action().id());
                }
                return r.iterator();
            }, Encoders.STRING());
            List<String> all = out.collectAsList();
            assertEquals(1000, all.size());
            System.out.println("SPIKE " + all.stream().filter("dispose"::equals).count());
        } finally {
            spark.stop();
        }
    }
}
