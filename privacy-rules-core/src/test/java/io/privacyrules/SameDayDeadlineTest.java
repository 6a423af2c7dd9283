package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code respondWithin: P0D}: an answer due on the day of receipt, which cannot be extended. */
class SameDayDeadlineTest {
    static final Path GENERAL = Path.of("src", "test", "resources", "packs", "general-format");
    static final String WITHDRAWAL = "    consent-withdrawal: {clause: V.7, respondWithin: P1M}";

    @TempDir
    Path dir;

    static RightsRequest withdrawal(LocalDate received, boolean extended) {
        return RightsRequest.builder().right("consent-withdrawal").receivedOn(received).identityVerified(true)
                .extended(extended).build();
    }

    @Test
    void theAnswerIsDueOnTheDayOfReceiptOrTheNextWorkingDay() {
        Path pack = TestPacks.copy(GENERAL, dir);
        TestPacks.edit(pack, "policy.yaml", WITHDRAWAL, "    consent-withdrawal: {clause: V.7, respondWithin: P0D}");
        PolicyEngine engine = PolicyEngine.load(pack);
        RightsDecision wednesday = engine.decide(withdrawal(LocalDate.of(2026, 7, 1), false));
        assertEquals(Outcome.FULFIL, wednesday.outcome(), wednesday::toString);
        assertEquals(LocalDate.of(2026, 7, 1), wednesday.respondBy());
        // the pack rolls a deadline on a weekend to the next working day
        assertEquals(LocalDate.of(2026, 7, 6), engine.decide(withdrawal(LocalDate.of(2026, 7, 4), false)).respondBy());
        RightsDecision extended = engine.decide(withdrawal(LocalDate.of(2026, 7, 1), true));
        assertEquals(Outcome.REFUSE, extended.outcome(), "the pack-wide extension does not reach a same-day answer");
        assertEquals("invalid-request", extended.reasons().get(0).code());
    }

    @Test
    void aSameDayAnswerWithAnExtensionOfItsOwnIsALoadError() {
        Path pack = TestPacks.copy(GENERAL, dir);
        TestPacks.edit(pack, "policy.yaml", WITHDRAWAL,
                "    consent-withdrawal: {clause: V.7, respondWithin: P0D, extension: {within: P1M, clause: V.8}}");
        Problem p = TestPacks.problem(pack);
        assertTrue(p.message().contains("an answer due on the day of receipt (P0D) cannot be extended"), p::toString);
        assertEquals(TestPacks.lineOf(pack, "consent-withdrawal: {clause: V.7"), p.line());
    }

    @Test
    void aNegativeDeadlineIsALoadError() {
        Path pack = TestPacks.copy(GENERAL, dir);
        TestPacks.edit(pack, "policy.yaml", WITHDRAWAL, "    consent-withdrawal: {clause: V.7, respondWithin: P-1D}");
        assertTrue(TestPacks.problem(pack).message().contains("the period must not be negative"));
    }
}
