package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reloading swaps versions atomically and keeps the old one when the new one does not load. */
class LivePolicyTest {
    static final ProcessingRequest MARKETING_WITHOUT_CONSENT = ProcessingRequest.builder().action("use")
            .purpose("marketing").data("contact.email").build();

    /** A copy of the seed pack, version B, that lets marketing go without consent. */
    static Path versionB(Path dir) {
        Path pack = TestPacks.copySeed(dir);
        TestPacks.edit(pack, "policy.yaml", "version: \"2019.11\"", "version: \"B\"");
        TestPacks.edit(pack, "policy.yaml", "    data: any\n    requires: {consent: naming-purpose}\n  legal-obligation:",
                "    data: any\n  legal-obligation:");
        TestPacks.edit(pack, "policy.yaml", "    when: {purpose: marketing}\n    unless: {consent: naming-purpose}",
                "    when: {purpose: marketing, requiredByLaw: true}\n    unless: {consent: naming-purpose}");
        return pack;
    }

    @Test
    void aNewVersionSwapsInAndABrokenOneLeavesTheOldServing(@TempDir Path dir) throws Exception {
        Path pack = versionB(dir);
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        LivePolicy live = LivePolicy.of(SeedPack.engine().withClock(fixed));
        assertFalse(live.decide(MARKETING_WITHOUT_CONSENT).permitted());

        ReloadResult swapped = live.reload(pack.toString());
        assertInstanceOf(ReloadResult.Swapped.class, swapped);
        assertEquals("B", swapped.serving().version());
        Decision d = live.decide(MARKETING_WITHOUT_CONSENT);
        assertTrue(d.permitted(), d::toString);
        assertEquals("B", d.policy().version());
        assertEquals(fixed, live.current().clock(), "a new version keeps the serving engine's clock");

        assertInstanceOf(ReloadResult.Unchanged.class, live.reload(pack.toString()));

        Files.writeString(pack.resolve("policy.yaml"), "pack: broken\n");
        ReloadResult rejected = live.reload(pack.toString());
        ReloadResult.Rejected r = assertInstanceOf(ReloadResult.Rejected.class, rejected);
        assertEquals("B", r.serving().version());
        assertFalse(r.problems().isEmpty());
        assertTrue(live.decide(MARKETING_WITHOUT_CONSENT).permitted());
    }

    @Test
    void theSameVersionStringWithOtherFilesIsANewRevision(@TempDir Path dir) {
        Path pack = TestPacks.copySeed(dir);
        TestPacks.edit(pack, "policy.yaml", "  under: 14", "  under: 16");
        PolicyEngine edited = PolicyEngine.load(pack);
        assertEquals(SeedPack.engine().policy().version(), edited.policy().version());
        assertNotEquals(SeedPack.engine().policy().revision(), edited.policy().revision());
        assertEquals(SeedPack.engine().policy().revision(), PolicyEngine.load(SeedPack.FOLDER).policy().revision(),
                "the folder and the classpath copy of the same files have the same revision");
    }

    @Test
    void aWatchedFolderIsReloadedWhenAFileChanges(@TempDir Path dir) throws Exception {
        Path pack = TestPacks.copySeed(dir);
        BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
        try (LivePolicy live = LivePolicy.of(PolicyEngine.load(pack))) {
            live.watch(pack, Duration.ofMillis(50), results::add);
            Path policy = pack.resolve("policy.yaml");
            Files.writeString(policy, Files.readString(policy).replace("version: \"2019.11\"", "version: \"C\""));
            Files.setLastModifiedTime(policy, FileTime.from(Instant.now().plusSeconds(5)));
            ReloadResult result = results.poll(20, TimeUnit.SECONDS);
            assertInstanceOf(ReloadResult.Swapped.class, result, String.valueOf(result));
            assertEquals("C", live.current().policy().version());
        }
    }

    /** The seed pack and the mini law layer of LayeredEngineTest, copied so that they can change. */
    private static String[] layers(Path dir) throws Exception {
        Path company = TestPacks.copySeed(dir.resolve("company"));
        Files.createDirectories(company.resolve("maps"));
        Files.copy(LayeredEngineTest.MAP, company.resolve("maps/mini-law.yaml"));
        Path law = dir.resolve("law");
        Files.createDirectories(law);
        Files.copy(LayeredEngineTest.LAW.resolve("policy.yaml"), law.resolve("policy.yaml"));
        return new String[] {company.toString(), law.toString()};
    }

    @Test
    void aLayeredPolicyReloadsItsLayersAndRefusesToLoseOne(@TempDir Path dir) throws Exception {
        String[] both = layers(dir);
        LivePolicy live = LivePolicy.of(PolicyEngine.layered(both));
        java.util.List<ReloadResult> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        live.onReload(heard::add);

        ReloadResult.Rejected one = assertInstanceOf(ReloadResult.Rejected.class, live.reload(both[0]));
        assertTrue(one.problems().get(0).message().contains("2 layer(s) and the reload gives 1"), one::toString);
        assertEquals(2, live.current().layers().size(), "still both layers");

        assertInstanceOf(ReloadResult.Unchanged.class, live.reload(both));
        TestPacks.edit(Path.of(both[1]), "policy.yaml", "version: \"1\"", "version: \"2\"");
        ReloadResult.Swapped swapped = assertInstanceOf(ReloadResult.Swapped.class, live.reload(both));
        assertEquals("2", live.current().layers().get(1).version());
        assertEquals(2, live.current().layers().size());

        live.replace(SeedPack.engine());
        assertEquals(4, heard.size(), heard::toString);
        assertEquals(java.util.List.of(one, heard.get(1), swapped), heard.subList(0, 3));
        assertInstanceOf(ReloadResult.Swapped.class, heard.get(3));
    }

    @Test
    void aWatchOverEveryLayerReloadsWhenOneChanges(@TempDir Path dir) throws Exception {
        String[] both = layers(dir);
        try (LivePolicy live = LivePolicy.of(PolicyEngine.layered(both))) {
            BlockingQueue<ReloadResult> results = new LinkedBlockingQueue<>();
            live.watch(java.util.List.of(Path.of(both[0]), Path.of(both[1])), Duration.ofMillis(50), results::add);
            Path law = Path.of(both[1], "policy.yaml");
            TestPacks.edit(Path.of(both[1]), "policy.yaml", "version: \"1\"", "version: \"3\"");
            Files.setLastModifiedTime(law, FileTime.from(Instant.now().plusSeconds(5)));
            ReloadResult r = results.poll(20, TimeUnit.SECONDS);
            assertInstanceOf(ReloadResult.Swapped.class, r, String.valueOf(r));
            assertEquals("3", live.current().layers().get(1).version());
        }
    }
}
