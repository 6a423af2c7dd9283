package io.privacyrules.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.RetentionQuery;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.pack.PackLoader;
import io.privacyrules.internal.pack.PackSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A map's events section: a company's retention event reaches the law under the law's id. */
class TranslationEventsTest {
    static final Path COMPANY = Path.of("..", "rules", "pulsetrack-eu");
    static final Path LAW = Path.of("..", "rules", "gdpr-baseline");

    @TempDir
    Path dir;

    static Pack load(Path folder) {
        Problems problems = new Problems();
        Pack pack = PackLoader.load(new PackSource.Folder(folder), problems);
        assertTrue(problems.isEmpty(), problems::toString);
        return pack;
    }

    @Test
    void aMappedEventReachesTheLawUnderItsIdAndAnUnmappedOneOnlyUnderTheSameId() {
        Problems problems = new Problems();
        Pack company = load(COMPANY);
        Translation t = Translation.load(new PackSource.Folder(COMPANY), company, load(LAW), problems);
        assertTrue(problems.isEmpty(), problems::toString);
        RetentionQuery q = RetentionQuery.builder().data("usage.events").purposes("analytics-and-security")
                .event("objectedOn", LocalDate.of(2026, 5, 1)).event("collectedOn", LocalDate.of(2026, 1, 1))
                .event("consentWithdrawnOn", LocalDate.of(2026, 4, 1)).build();
        Map<String, LocalDate> events = t.translate(q, LocalDate.of(2026, 5, 2)).events();
        assertEquals(Map.of("objection-upheld", LocalDate.of(2026, 5, 1), "consent-withdrawn", LocalDate.of(2026, 4, 1)), events);
        assertNull(events.get("collected"), "the law declares no such event");
    }

    @Test
    void everyEventOfTheSectionIsCheckedAtLoad() throws IOException {
        Path copy = io.privacyrules.TestPacks.copy(COMPANY, dir.resolve("pulsetrack-eu"));
        Path map = copy.resolve("maps/gdpr-baseline.yaml");
        Files.writeString(map, Files.readString(map).replace("  objected: objection-upheld", "  objectd: objection-upheld\n  collected: objection-uphold"));
        Problems problems = new Problems();
        Translation t = Translation.load(new PackSource.Folder(copy), load(copy), load(LAW), problems);
        assertNull(t);
        String all = problems.sorted().toString();
        assertTrue(all.contains("the mapped retention event 'objectd' is not declared by this pack"), all);
        assertTrue(all.contains("did you mean 'objected'?"), all);
        assertTrue(all.contains("retention event 'collected' maps onto 'objection-uphold', which pack gdpr-baseline does not declare"), all);
    }
}
