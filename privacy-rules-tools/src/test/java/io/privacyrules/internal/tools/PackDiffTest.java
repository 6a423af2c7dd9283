package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.internal.yaml.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes are classified by Section VIII of the seed policy; the exit code follows the worst one. */
class PackDiffTest {
    @TempDir
    Path dir;

    private PackDiff.Report diff(Path changed) {
        return PackDiff.compare(ToolPacks.seed(), LoadedPack.load(changed.toString()));
    }

    private static String lines(PackDiff.Report r) {
        return String.join("\n", r.lines(3));
    }

    private static PackDiff.Change change(PackDiff.Report r, String description) {
        return r.changes().stream().filter(c -> c.description().equals(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no change '" + description + "' in\n" + lines(r)));
    }

    @Test
    void theSeedPackAgainstItselfHasNoChange() {
        PackDiff.Report r = PackDiff.compare(ToolPacks.seed(), ToolPacks.seed());
        assertEquals(List.of(), r.changes(), lines(r));
        assertTrue(r.behaviour().decisions().isEmpty() && r.behaviour().rights().isEmpty(), lines(r));
        assertTrue(r.behaviour().requests() > 5000 && r.behaviour().rightsRequests() > 500, lines(r));
        assertEquals(0, r.exitCode());
        assertEquals("summary: no change", r.lines(3).get(r.lines(3).size() - 1));
    }

    @Test
    void renamingARecipientThroughoutIsOneMajorChangeUnderRecipients() throws Exception {
        Path pack = ToolPacks.copy(dir);
        String text = Files.readString(pack.resolve("policy.yaml"));
        Files.writeString(pack.resolve("policy.yaml"), text.replace("bmw-affiliate", "bmw-group-company"));
        PackDiff.Report r = diff(pack);
        assertEquals(1, r.changes().size(), lines(r));
        PackDiff.Change c = r.changes().get(0);
        assertEquals(PackDiff.Kind.MAJOR, c.kind());
        assertEquals("VIII.3 recipients", c.item());
        assertEquals("recipient bmw-affiliate renamed to bmw-group-company", c.description());
        assertTrue(c.line().startsWith("MAJOR   VIII.3 recipients"), c.line());
        assertTrue(r.behaviour().decisions().isEmpty(), "a rename decides nothing differently:\n" + lines(r));
        assertEquals(4, r.exitCode());
    }

    /** One copy with a change of each class; each is one line with its class and item. */
    @Test
    void eachChangeIsClassified() {
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "policy.yaml", "      clause: V.1\n      respondWithin: P30D", "      clause: V.1\n      respondWithin: P45D");
        ToolPacks.edit(pack, "policy.yaml", "    trade-secret: V.8(8)", "    trade-secret: V.8(8)\n    business-reasons: V.8");
        ToolPacks.edit(pack, "policy.yaml", "    data: [identity.name, contact.mobile, contact.email]", "    data: [identity.name, contact.mobile]");
        ToolPacks.edit(pack, "policy.yaml", "  name: China Unicom Network Communication Co., Ltd. Shanghai Branch", "  name: Another Operator Ltd.");
        ToolPacks.edit(pack, "policy.yaml", "version: \"2019.11\"", "version: \"2019.12\"");
        ToolPacks.edit(pack, "policy.yaml", "Entrusted processing is permitted under a strict non-disclosure agreement",
                "Entrusted processing is permitted under a non-disclosure agreement");
        PackDiff.Report r = diff(pack);

        PackDiff.Change later = change(r, "right access: respond within P30D -> P45D (later)");
        assertEquals(PackDiff.Kind.REDUCED, later.kind());
        assertEquals("VIII.4 rights", later.item());
        assertEquals(PackDiff.Kind.REDUCED, change(r, "refusal ground business-reasons (V.8) added").kind());
        PackDiff.Change data = change(r, "purpose customer-service: data drops contact.email");
        assertEquals(PackDiff.Kind.MAJOR, data.kind());
        assertEquals("VIII.1 purposes", data.item());
        assertEquals(ToolPacks.lineOf(pack, "  customer-service:"), data.at().line());
        assertEquals("VIII.2 ownership", change(r, "controller name changed: who operates the processing changes").item());
        assertEquals(PackDiff.Kind.MINOR, change(r, "version 2019.11 -> 2019.12").kind());
        PackDiff.Change message = change(r, "rule entrust-under-nda: message changed");
        assertEquals("-", message.item());
        assertTrue(message.line().startsWith("MINOR   -"), message.line());
        assertEquals(6, r.changes().size(), lines(r));

        assertTrue(r.behaviour().decisions().stream().anyMatch(c -> c.request().startsWith("collect of [contact.email] for customer-service")
                && c.before().equals("permit") && c.after().equals("deny")), lines(r));
        assertTrue(r.behaviour().rightsReduced() > 0, lines(r));
        assertEquals(5, r.exitCode());
        String summary = r.lines(0).get(r.lines(0).size() - 1);
        assertEquals("summary: 6 changes: 2 reduce a right (explicit consent needed, VIII), 2 major (clear notice needed, VIII), 2 minor", summary);
    }

    @Test
    void aDrlChangeThatLosesErasureIsFoundByItsBehaviour() {
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "rules/rights.drl", "Rights( right == \"erasure\", erasureGrounds.isEmpty() )", "Rights( right == \"erasure\" )");
        PackDiff.Report r = diff(pack);
        PackDiff.Change drl = change(r, "DRL rule rights-erasure-needs-a-ground changed");
        assertEquals(PackDiff.Kind.MAJOR, drl.kind());
        assertEquals("VIII.4 rights", drl.item());
        assertTrue(r.behaviour().rights().stream().anyMatch(c -> c.request().startsWith("erasure, identity verified, erasure ground")
                && c.before().startsWith("fulfil") && c.after().startsWith("refuse")), lines(r));
        PackDiff.Change reduced = r.changes().get(r.changes().size() - 1);
        assertEquals(PackDiff.Kind.REDUCED, reduced.kind(), lines(r));
        assertTrue(reduced.description().endsWith("less favourably by the new version (see behaviour)"), reduced.description());
        assertEquals(5, r.exitCode());
    }

    @Test
    void aLowerChildThresholdIsFoundByItsBehaviour() {
        // 14 -> 13: the generated child was aged (new threshold - 2) = 11, a child under both, so the
        // behavioural diff found nothing; the ages now straddle each threshold of both packs
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "policy.yaml", "  under: 14\n", "  under: 13\n");
        PackDiff.Report r = diff(pack);
        assertTrue(r.behaviour().decisions().stream().anyMatch(c -> c.request().contains("age 13")
                && c.before().startsWith("deny") && c.after().startsWith("permit")), lines(r));
        assertTrue(r.behaviour().decisions().stream().noneMatch(c -> c.request().contains("age 12")), lines(r));
    }

    @Test
    void loweringAChildAgeByCountryOrTheMinimumAgeIsAMajorChange() {
        // the thresholds by country of residence and the minimum age (a pack under the GDPR's Art. 8);
        // PulseTrack's changes section asks no consent for reduced rights, so a reduction is major there
        Path original = Path.of("..", "rules", "pulsetrack-eu");
        Path pack = ToolPacks.copy(original, dir);
        ToolPacks.edit(pack, "policy.yaml", "    FR: 15 ", "    FR: 13 ");
        ToolPacks.edit(pack, "policy.yaml", "  minimumAge: 13 ", "  minimumAge: 12 ");
        PackDiff.Report r = PackDiff.compare(LoadedPack.load(original.toString()), LoadedPack.load(pack.toString()));
        assertEquals(PackDiff.Kind.MAJOR, change(r, "children: for a subject living in FR the age below which a subject is a "
                + "child drops from 15 to 13, so fewer subjects have a guardian's protection").kind());
        assertEquals(PackDiff.Kind.MAJOR, change(r, "children: the age below which a subject may not use the service drops from 13 to 12").kind());
        assertTrue(r.changes().stream().noneMatch(c -> c.description().contains("living in DE")), lines(r));
    }

    @Test
    void theExitCodeFollowsTheWorstChange() {
        Location at = new Location("policy.yaml", 1, 1);
        PackDiff.Change minor = new PackDiff.Change(PackDiff.Kind.MINOR, "-", "x", at);
        PackDiff.Change major = new PackDiff.Change(PackDiff.Kind.MAJOR, PackDiff.USE, "y", at);
        PackDiff.Behaviour none = PackDiff.Behaviour.NONE;
        PackDiff.Behaviour reduced = new PackDiff.Behaviour(0, List.of(), 0, List.of(), 0, List.of(), 1, List.of(), 1);
        PackDiff.Change lessRights = new PackDiff.Change(PackDiff.Kind.REDUCED, PackDiff.RIGHTS, "z", at);
        assertEquals(0, new PackDiff.Report(List.of(), none, "VIII").exitCode());
        assertEquals(3, new PackDiff.Report(List.of(minor), none, "VIII").exitCode());
        assertEquals(4, new PackDiff.Report(List.of(minor, major), none, "VIII").exitCode());
        // compare() turns a behaviour that reduces a right into a change, classified as the pack says
        assertEquals(5, new PackDiff.Report(List.of(minor, lessRights), reduced, "VIII").exitCode());
    }

    /** Issue 12: what is major is what the pack's changes section says, not the seed policy's Section VIII. */
    @Test
    void aPackSaysWhatAMajorChangeIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path from = ToolPacks.CORE_PACKS.resolve("general-format");
        LoadedPack old = LoadedPack.load(from.toString());
        String text = java.nio.file.Files.readString(from.resolve("policy.yaml"));
        String added = text.replace("  city-partner:       {clause: III.5",
                "  insurer:            {clause: III.5, location: DE, description: An insurer.}\n  city-partner:       {clause: III.5");
        java.nio.file.Path v2 = copy(from, dir.resolve("v2"), added);
        PackDiff.Report r = PackDiff.compare(old, LoadedPack.load(v2.toString()));
        assertTrue(r.changes().stream().anyMatch(c -> c.kind() == PackDiff.Kind.MAJOR && c.item().equals("VIII recipients")),
                r.lines(0).toString());
        assertEquals(4, r.exitCode());
        assertTrue(r.lines(0).get(r.lines(0).size() - 1).contains("(clear notice needed, VIII)"), r.lines(0).toString());
        // The same change, in a version whose policy does not count recipients as material, is minor.
        java.nio.file.Path v3 = copy(from, dir.resolve("v3"), added.replace("recipients: VIII, ", ""));
        PackDiff.Report minor = PackDiff.compare(old, LoadedPack.load(v3.toString()));
        assertTrue(minor.changes().stream().noneMatch(c -> c.kind() != PackDiff.Kind.MINOR), minor.lines(0).toString());
        assertEquals(3, minor.exitCode());
    }

    private static java.nio.file.Path copy(java.nio.file.Path from, java.nio.file.Path to, String policy) throws Exception {
        java.nio.file.Files.createDirectories(to.resolve("rules"));
        java.nio.file.Files.writeString(to.resolve("policy.yaml"), policy);
        for (String f : List.of("rules/rights.drl", "rules/retention.drl")) {
            java.nio.file.Files.copy(from.resolve(f), to.resolve(f));
        }
        return to;
    }
}
