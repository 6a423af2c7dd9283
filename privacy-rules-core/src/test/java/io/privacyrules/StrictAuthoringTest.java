package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No silent typos: countries that are no countries, days that do not exist, DRL files nobody loads. */
class StrictAuthoringTest {
    @TempDir
    Path dir;

    private Path seed() {
        return TestPacks.copySeed(dir);
    }

    private static Problem only(List<Problem> problems, String part) {
        List<Problem> found = problems.stream().filter(p -> p.message().contains(part)).toList();
        assertEquals(1, found.size(), problems::toString);
        return found.get(0);
    }

    // ---- countries ---------------------------------------------------------------------------

    @Test
    void aJurisdictionOrLocationThatIsNoIsoCountryDoesNotLoad() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "jurisdiction: CN\n", "jurisdiction: ZZ\n");
        TestPacks.edit(pack, "policy.yaml", "    location: DE\n", "    location: EU\n");
        List<Problem> problems = TestPacks.problems(pack);
        Problem zz = only(problems, "'ZZ'");
        assertEquals("'ZZ' is not an ISO 3166-1 country code", zz.message());
        assertEquals(TestPacks.lineOf(pack, "jurisdiction: ZZ"), zz.line());
        assertEquals(15, zz.column());
        assertTrue(zz.hint().contains("CN"), zz::toString);
        Problem eu = only(problems, "'EU'");
        assertEquals(TestPacks.lineOf(pack, "location: EU"), eu.line());
    }

    @Test
    void kosovosUserAssignedCodeIsNoIsoCountry() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "    location: DE\n", "    location: XK\n");
        only(TestPacks.problems(pack), "'XK' is not an ISO 3166-1 country code");
    }

    @Test
    void aDestinationThatIsNoIsoCountryIsAnInvalidRequestNamingItOnlyWhenItLooksLikeACode() {
        ProcessingRequest.Builder b = ProcessingRequest.builder().action("use").purpose("customer-service")
                .data("contact.mobile");
        for (String code : List.of("ZZ", "EU", "XK")) {
            Decision d = SeedPack.engine().decide(b.destination(code).build());
            assertFalse(d.permitted(), code);
            assertEquals("invalid-request", d.reasons().get(0).code(), d::toString);
            assertTrue(d.reasons().get(0).message().contains("destination '" + code + "' is not an ISO 3166-1 country code"),
                    d::toString);
        }
        Decision secret = SeedPack.engine().decide(b.destination("Wangfujing Street 1").build());
        assertEquals("invalid-request", secret.reasons().get(0).code(), secret::toString);
        assertFalse(secret.reasons().get(0).message().contains("Wangfujing"), secret::toString);
        Decision norway = SeedPack.engine().decide(b.destination("NO").build());
        assertEquals("cross-border-transfer-forbidden", norway.reasons().get(0).code(), norway::toString);
    }

    @Test
    void aScenarioWithAnUnquotedNorwayDestinationIsNorway() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: data for Norway stays in China
                    request: {action: use, purpose: customer-service, data: [contact.mobile], destination: NO}
                    expect: {decision: deny, codes: [cross-border-transfer-forbidden], clauses: [VII]}
                """);
        List<ScenarioResult> r = Scenarios.run(SeedPack.engine(), file);
        assertTrue(r.get(0).passed(), r::toString);
    }

    // ---- dates ---------------------------------------------------------------------------------

    @Test
    void anImpossibleDateInAPackSaysWhy() {
        Path pack = seed();
        String effective = TestPacks.read(pack, "policy.yaml").lines().filter(l -> l.startsWith("effective:")).findFirst()
                .orElseThrow();
        TestPacks.edit(pack, "policy.yaml", effective + "\n", "effective: 2019-02-29\n");
        Problem p = only(TestPacks.problems(pack), "no such date");
        assertEquals("2019-02-29 is no such date (2019 is not a leap year)", p.message());
        assertEquals(TestPacks.lineOf(pack, "effective: 2019-02-29"), p.line());
    }

    @Test
    void anImpossibleHolidayOrWorkdaySaysWhy() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "      - 2026-01-04\n", "      - 2026-04-31\n");
        TestPacks.edit(pack, "policy.yaml", "{from: 2026-01-01, to: 2026-01-03", "{from: 2026-13-01, to: 2026-01-03");
        List<Problem> problems = TestPacks.problems(pack);
        assertEquals("2026-04-31 is no such date (April has 30 days)", only(problems, "2026-04-31").message());
        assertEquals("2026-13-01 is no such date (there is no month 13)", only(problems, "2026-13-01").message());
    }

    @Test
    void anImpossibleDateInAScenarioSaysWhyAndFailsThatScenarioAlone() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: leap day that is not
                    rightsRequest: {right: access, receivedOn: 2026-02-29, identityVerified: true}
                    expect: {outcome: fulfil}
                  - name: a real leap day
                    rightsRequest: {right: access, receivedOn: 2028-02-29, identityVerified: true}
                    expect: {outcome: fulfil, respondBy: 2028-03-30}
                """);
        List<ScenarioResult> r = Scenarios.run(SeedPack.engine(), file);
        assertEquals(2, r.size(), r::toString);
        assertEquals(List.of(file + ":3:48: 2026-02-29 is no such date (2026 is not a leap year) (hint: check the day and month)"),
                r.get(0).failures());
        assertTrue(r.get(1).passed(), r::toString);
        assertEquals(LocalDate.of(2028, 3, 30), LocalDate.of(2028, 2, 29).plusDays(30));
    }

    @Test
    void aDateOfTheWrongShapeStillSaysSo() throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                scenarios:
                  - name: American
                    retention: {data: contract.record, purposes: [contract-conclusion], asOf: 11/01/2026}
                    expect: {action: retain}
                """);
        List<ScenarioResult> r = Scenarios.run(SeedPack.engine(), file);
        assertTrue(r.get(0).failures().get(0).contains("'asOf' must be a date YYYY-MM-DD"), r::toString);
    }

    // ---- DRL files nobody loads ------------------------------------------------------------------

    private static final String UNLISTED = "rule \"forgotten\"\n    @clause(\"VI\")\nwhen\n    Request( child )\nthen\n"
            + "    out.deny(\"forgotten\", \"Never loaded.\");\nend\n";

    @Test
    void aDrlFileThePackDoesNotListDoesNotLoad() {
        Path pack = seed();
        TestPacks.write(pack, "rules/extra.drl", UNLISTED);
        TestPacks.write(pack, "old/deep/older.drl", UNLISTED);
        List<Problem> problems = TestPacks.problems(pack);
        Problem extra = only(problems, "rules/extra.drl");
        assertEquals("DRL file rules/extra.drl is not listed under drl:, so it is never loaded", extra.message());
        assertEquals("add it to drl: or delete it", extra.hint());
        assertTrue(extra.file().endsWith("policy.yaml"), extra::toString);
        assertEquals(TestPacks.lineOf(pack, "drl:"), extra.line());
        assertEquals(1, extra.column());
        only(problems, "old/deep/older.drl");
    }

    @Test
    void withoutADrlKeyAnUnlistedFileIsReportedAtItself() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "drl:\n  - rules/children.drl\n  - rules/rights.drl\n  - rules/retention.drl\n", "");
        List<Problem> problems = TestPacks.problems(pack);
        Problem children = only(problems, "rules/children.drl is not listed");
        assertTrue(children.file().endsWith("children.drl"), children::toString);
        assertEquals(1, children.line());
        assertEquals(1, children.column());
    }

    @Test
    void aClasspathPackIsCheckedInAFolderAndInAJar() throws Exception {
        Path folder = dir.resolve("cp");
        TestPacks.copySeed(folder.resolve("my-pack"));
        TestPacks.write(folder.resolve("my-pack"), "rules/extra.drl", UNLISTED);
        Path jar = dir.resolve("packs.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(folder.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        for (java.net.URL url : List.of(folder.toUri().toURL(), jar.toUri().toURL())) {
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            try (var loader = new java.net.URLClassLoader(new java.net.URL[] {url}, before)) {
                Thread.currentThread().setContextClassLoader(loader);
                PolicyLoadException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyLoadException.class,
                        () -> PolicyEngine.load("classpath:my-pack"));
                Problem p = only(e.problems(), "rules/extra.drl is not listed under drl:");
                assertEquals("classpath:my-pack/policy.yaml", p.file(), url::toString);
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }
    }

    @Test
    void theBundledPacksListEveryDrlFileTheyHold() {
        for (String pack : List.of("classpath:bmw-connected-drive-cn", "classpath:pipl-baseline", "../rules/pipl-baseline",
                "classpath:gdpr-baseline", "../rules/gdpr-baseline",
                "../examples/packs/pedalwise-bikes-nl")) {
            assertTrue(PolicyEngine.load(pack).policy().id().length() > 0, pack);
        }
    }
}
