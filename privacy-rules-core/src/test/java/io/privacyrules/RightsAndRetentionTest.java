package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Data-subject requests and retention through the public API. */
class RightsAndRetentionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final PolicyEngine engine = SeedPack.engine()
            .withClock(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), SHANGHAI));

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theDefaultClockIsInThePacksTimeZone() {
        assertEquals(SHANGHAI, SeedPack.engine().clock().getZone());
    }

    @Test
    void anAbsentReceivedOnIsTodayByTheInjectedClock() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("access").identityVerified(true).build());
        assertEquals(Outcome.FULFIL, d.outcome());
        assertEquals(day("2026-04-01"), d.respondBy());
    }

    @Test
    void rectificationCountsWorkingDaysAcrossTheNationalDayHoliday() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("rectification").receivedOn(day("2026-09-15"))
                .identityVerified(true).build());
        assertEquals(day("2026-11-02"), d.respondBy());
        assertEquals(List.of("V.2"), d.clauses());
    }

    @Test
    void aDeadlineInAYearWithoutAConfirmedCalendarSaysSo() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("rectification").receivedOn(day("2026-12-01"))
                .identityVerified(true).build());
        assertEquals(Outcome.FULFIL, d.outcome());
        assertTrue(d.reasons().stream().anyMatch(r -> r.code().equals("calendar-incomplete")), d::toString);
    }

    @Test
    void aGroundNotToRespondComesBeforeIdentity() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("copy").receivedOn(day("2026-07-01"))
                .refusalGrounds("trade-secret", "unrealistic").build());
        assertEquals(Outcome.REFUSE, d.outcome());
        assertEquals(List.of("V.8(8)"), d.clauses());
        assertEquals(day("2026-07-31"), d.respondBy());
        assertTrue(d.obligations().isEmpty());
    }

    @Test
    void identityComesBeforeUnreasonableGroundsAndHasNoDeadline() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("copy").receivedOn(day("2026-07-01"))
                .refusalGrounds("unrealistic").repeated(true).build());
        assertEquals(Outcome.VERIFY_IDENTITY, d.outcome());
        assertNull(d.respondBy());
        assertTrue(d.obligations().isEmpty());
    }

    @Test
    void anInvalidRightsRequestIsARefusalNamingTheProblem() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("Erasure").erasureGrounds("bored").build());
        assertEquals(Outcome.REFUSE, d.outcome());
        assertEquals(2, d.reasons().size(), d::toString);
        assertTrue(d.reasons().stream().allMatch(r -> r.code().equals("invalid-request")));
        assertTrue(engine.decide((RightsRequest) null).reasons().get(0).code().equals("invalid-request"));
    }

    @Test
    void erasureCarriesItsObligationsInThePacksOrder() {
        RightsDecision d = engine.decide(RightsRequest.builder().right("erasure").receivedOn(day("2026-07-01"))
                .identityVerified(true).erasureGrounds("no-consent").repeated(true).build());
        assertEquals(List.of("charge-fee", "notify-recipients", "purge-backups-on-next-update"), d.obligationIds());
        assertEquals(List.of("V.3", "V.3(2)"), d.clauses());
    }

    @Test
    void retentionUntilIsTheLastDayOfKeeping() {
        RetentionQuery.Builder q = RetentionQuery.builder().data("financial.transaction").purposes("contract-conclusion")
                .purposesFulfilled("contract-conclusion").event("transaction-completed", day("2023-03-01"));
        RetentionDecision lastDay = engine.decide(q.asOf(day("2026-03-01")).build());
        assertEquals(RetentionAction.RETAIN, lastDay.action());
        assertEquals(day("2026-03-01"), lastDay.until());
        RetentionDecision after = engine.decide(q.asOf(day("2026-03-02")).build());
        assertTrue(after.dispose(), after::toString);
        assertTrue(after.clauses().containsAll(List.of("I.1", "I")), after::toString);
    }

    @Test
    void anInvalidRetentionQueryKeepsTheRecord() {
        RetentionDecision d = engine.decide(RetentionQuery.builder().data("contract.records").purposes("contract-conclusion").build());
        assertEquals(RetentionAction.RETAIN, d.action());
        assertEquals("invalid-request", d.reasons().get(0).code());
        assertEquals(RetentionAction.RETAIN, engine.decide((RetentionQuery) null).action());
    }

    @Test
    void theSweepYieldsOnlyRecordsToDisposeOfLazily() {
        record Row(int id, String data, LocalDate contractEnded) {
        }
        AtomicInteger read = new AtomicInteger();
        Stream<Row> rows = IntStream.range(0, 100_000).mapToObj(i -> {
            read.incrementAndGet();
            return new Row(i, i % 2 == 0 ? "contract.record" : "identity.name", day("2022-01-01").plusDays(i % 1000));
        });
        List<Row> first = engine.toDispose(rows, r -> RetentionQuery.builder().data(r.data()).purposes("contract-conclusion")
                .purposesFulfilled("contract-conclusion").event("contract-ended", r.contractEnded()).build()).limit(3).toList();
        assertEquals(List.of(0, 1, 2), first.stream().map(Row::id).toList());
        assertTrue(read.get() < 100, "the sweep read " + read.get() + " rows to find three");
        assertTrue(first.stream().allMatch(r -> r.data().equals("identity.name") || r.contractEnded().plusYears(3)
                .isBefore(day("2026-03-02"))), first::toString);
    }

    @Test
    void aQueryThatCannotBeBuiltKeepsItsRecord() {
        List<String> out = engine.toDispose(Stream.of("a", "b"), s -> {
            throw new IllegalStateException("the host's mapping failed");
        }).toList();
        assertTrue(out.isEmpty());
        assertFalse(engine.decide(RetentionQuery.builder().build()).dispose());
    }
}
