package io.privacyrules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionSweepTest {
    @Test
    void theSweepDisposesOfEndedContractsAfterThreeYearsAndNeverOfRunningOnes() {
        PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn")
                .withClock(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneId.of("Asia/Shanghai")));
        List<Long> ids = RetentionSweep.sweep(engine, RetentionSweep.sampleRecords());
        assertFalse(ids.isEmpty());
        List<RetentionSweep.StoredRecord> all = RetentionSweep.sampleRecords().toList();
        for (long id : ids) {
            RetentionSweep.StoredRecord r = all.get((int) id);
            assertTrue(r.contractEndedOn() != null, () -> "a running contract's record was disposed of: " + r);
            if (r.category().equals("contract.record")) {
                assertTrue(r.contractEndedOn().plusYears(3).isBefore(java.time.LocalDate.of(2026, 11, 26)), r::toString);
            }
        }
        long expected = all.stream().filter(r -> r.contractEndedOn() != null && (r.category().equals("identity.name")
                || r.contractEndedOn().plusYears(3).isBefore(java.time.LocalDate.of(2026, 11, 26)))).count();
        assertEquals(expected, ids.size());
    }
}
