package io.privacyrules.internal.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.PolicyEngine;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The new logic of issue 12 in small pieces: region membership, month deadlines, roll-over, event periods. */
class TerritoryAndDeadlineTest {
    private static final Pack.Territory EEA = new Pack.Territory("EEA", Map.of(
            "EU", Set.of("DE", "FR", "IE"), "EEA", Set.of("DE", "FR", "IE", "NO"), "adequate", Set.of("CH", "JP"),
            "DACH", Set.of("DE", "AT", "CH")), Map.of(), Map.of());

    @Test
    void aCountryOrARegionLiesInARegionWhenAllItsCountriesDo() {
        assertTrue(EEA.home("NO"));
        assertTrue(EEA.home("EU"));
        assertFalse(EEA.home("US"));
        assertFalse(EEA.home("DACH"), "CH and AT are not in this EEA");
        assertTrue(EEA.within("JP", "adequate"));
        assertTrue(EEA.within("DE", "DE"));
        assertFalse(EEA.within("DE", "FR"));
        assertFalse(EEA.within(null, "EEA"));
    }

    @Test
    void aCalendarMonthEndsOnTheSameDayOrTheLastDayOfAShortMonth() {
        assertEquals(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 1, 31).plus(java.time.Period.parse("P1M")));
        assertEquals(LocalDate.of(2028, 2, 29), LocalDate.of(2028, 1, 31).plus(java.time.Period.parse("P1M")));
        assertEquals(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 31).plus(java.time.Period.parse("P1M")));
    }

    @Test
    void aDayOffMovesToTheNextWorkingDay() {
        WorkingCalendar c = new WorkingCalendar("x", Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Set.of(2026),
                Set.of(LocalDate.of(2026, 10, 5)), Set.of());
        boolean[] uncovered = {false};
        assertEquals(LocalDate.of(2026, 10, 6), c.onOrAfter(LocalDate.of(2026, 10, 3), uncovered), "Sat, Sun, holiday Mon");
        assertEquals(LocalDate.of(2026, 10, 7), c.onOrAfter(LocalDate.of(2026, 10, 7), uncovered), "a working day stays");
        assertFalse(uncovered[0]);
        c.onOrAfter(LocalDate.of(2027, 1, 2), uncovered);
        assertTrue(uncovered[0], "2027 is not listed");
    }

    private static final PolicyEngine PACK = PolicyEngine.load(java.nio.file.Path.of("src/test/resources/packs/general-format"));

    @Test
    void anExtensionCountsFromTheEndOfTheFirstPeriodAndCarriesItsDuty() {
        RightsDecision d = PACK.decide(RightsRequest.builder().right("access").receivedOn(LocalDate.of(2025, 12, 31))
                .identityVerified(true).extended(true).build());
        assertEquals(LocalDate.of(2026, 3, 31), d.respondBy());
        assertEquals(java.util.List.of("tell-subject-of-extension"), d.obligationIds());
        assertTrue(d.reasons().stream().anyMatch(r -> r.code().equals("deadline-extended") && r.clause().equals("V.8")));
    }

    /** GDPR Art. 12(4): with refusals: false, a refusal keeps the first month; a fulfilment is still extended. */
    @Test
    void anExtensionKeptFromRefusalsLeavesARefusalToTheFirstPeriod(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path from = java.nio.file.Path.of("src/test/resources/packs/general-format");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path p : files.toList()) {
                java.nio.file.Path target = dir.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(p, target);
                }
            }
        }
        io.privacyrules.TestPacks.edit(dir, "policy.yaml", "obligations: [tell-subject-of-extension]}",
                "obligations: [tell-subject-of-extension], refusals: false}");
        PolicyEngine pack = PolicyEngine.load(dir);
        RightsDecision refused = pack.decide(RightsRequest.builder().right("erasure").receivedOn(LocalDate.of(2026, 6, 10))
                .identityVerified(true).refusalGrounds("legal-claims").extended(true).build());
        assertEquals("refuse", refused.outcome().id());
        assertEquals(LocalDate.of(2026, 7, 10), refused.respondBy());
        assertEquals(java.util.List.of("tell-how-to-complain"), refused.obligationIds());
        assertTrue(refused.reasons().stream().noneMatch(r -> r.code().equals("deadline-extended")));

        RightsDecision fulfilled = pack.decide(RightsRequest.builder().right("erasure").receivedOn(LocalDate.of(2026, 6, 10))
                .identityVerified(true).erasureGrounds("consent-withdrawn").extended(true).build());
        assertEquals(LocalDate.of(2026, 9, 10), fulfilled.respondBy());
        assertTrue(fulfilled.obligationIds().contains("tell-subject-of-extension"));

        // Without the key, a refusal is extended as before.
        RightsDecision before = PACK.decide(RightsRequest.builder().right("erasure").receivedOn(LocalDate.of(2026, 6, 10))
                .identityVerified(true).refusalGrounds("legal-claims").extended(true).build());
        assertEquals(LocalDate.of(2026, 9, 10), before.respondBy());
    }

    @Test
    void aPeriodRunsFromTheFirstOfItsEventsToHappen() {
        RetentionQuery q = RetentionQuery.builder().data("health.heart-rate").purposes("health-insights")
                .event("accountClosedOn", LocalDate.of(2026, 5, 1)).event("consent-withdrawn", LocalDate.of(2026, 3, 1))
                .asOf(LocalDate.of(2026, 2, 1)).build();
        RetentionDecision d = PACK.decide(q);
        assertEquals(LocalDate.of(2026, 3, 1), d.until());
        RetentionDecision twice = PACK.decide(q.toBuilder().event("account-closed", LocalDate.of(2026, 5, 1)).build());
        assertEquals("invalid-request", twice.reasons().get(0).code(), "an event given by id and by key");
    }
}
