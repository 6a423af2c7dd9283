package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An extended deadline in layers. The company extends every answer by two months; the second layer
 * (the same vocabulary, so no map) extends a fulfilment but keeps a refusal to the first month
 * ({@code refusals: false}). The earliest day binds, so an extended refusal is answered in the first
 * month, and the company's extension must not show in the answer: no reason saying the deadline is
 * extended, no duty to tell the subject of an extension that does not hold.
 */
class LayeredExtensionTest {
    static final Path FROM = Path.of("src/test/resources/packs/general-format");
    static final LocalDate RECEIVED = LocalDate.of(2026, 6, 10);

    @TempDir
    static Path dir;
    static PolicyEngine layered;
    static PolicyEngine company;

    @BeforeAll
    static void load() {
        Path first = copy(dir.resolve("company"));
        Path second = copy(dir.resolve("strict"));
        TestPacks.edit(second, "policy.yaml", "pack: general-format", "pack: strict-deadlines");
        TestPacks.edit(second, "policy.yaml", "obligations: [tell-subject-of-extension]}",
                "obligations: [tell-subject-of-extension], refusals: false}");
        company = PolicyEngine.load(first);
        layered = PolicyEngine.layered(first.toString(), second.toString());
    }

    static RightsRequest.Builder extendedErasure() {
        return RightsRequest.builder().right("erasure").receivedOn(RECEIVED).identityVerified(true).extended(true);
    }

    static boolean saysExtended(RightsDecision d) {
        return d.reasons().stream().anyMatch(r -> r.code().equals("deadline-extended"));
    }

    @Test
    void anExtendedRefusalThatAnotherLayerKeepsToTheFirstMonthCarriesNoExtension() {
        RightsRequest r = extendedErasure().refusalGrounds("legal-claims").build();
        RightsDecision alone = company.decide(r);
        assertEquals(LocalDate.of(2026, 9, 10), alone.respondBy());
        assertTrue(saysExtended(alone) && alone.obligationIds().contains("tell-subject-of-extension"), alone::toString);

        RightsDecision both = layered.decide(r);
        assertEquals("refuse", both.outcome().id());
        assertEquals(LocalDate.of(2026, 7, 10), both.respondBy());
        assertFalse(saysExtended(both), both::toString);
        assertFalse(both.obligationIds().contains("tell-subject-of-extension"), both::toString);
        assertTrue(both.obligationIds().contains("tell-how-to-complain"), both::toString);
    }

    @Test
    void anExtensionEveryLayerGrantsStays() {
        RightsDecision both = layered.decide(extendedErasure().erasureGrounds("consent-withdrawn").build());
        assertEquals("fulfil", both.outcome().id());
        assertEquals(LocalDate.of(2026, 9, 10), both.respondBy());
        assertTrue(saysExtended(both), both::toString);
        assertTrue(both.obligationIds().contains("tell-subject-of-extension"), both::toString);
    }

    private static Path copy(Path to) {
        try (Stream<Path> files = Files.walk(FROM)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(FROM.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
