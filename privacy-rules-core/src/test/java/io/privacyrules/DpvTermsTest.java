package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dpv: fields of a pack: how they load, how a bad one is reported, and PolicyEngine.terms. */
class DpvTermsTest {

    @Test
    void aRequestOfTheSeedPackMapsToDpvTerms() {
        Terms t = SeedPack.engine().terms(ProcessingRequest.builder()
                .action("share").purpose("service-analytics").data("identity.gender", "contact.mobile")
                .recipient("authorized-dealer").build());
        assertEquals("dpv:Share", t.action());
        assertEquals("dpv:ServiceUsageAnalytics", t.purpose());
        assertEquals("dpv:Contract", t.basis());
        assertEquals("dpv:DataController", t.recipient());
        assertNull(t.right());
        assertEquals(List.of("identity.gender", "contact.mobile"), List.copyOf(t.data().keySet()));
        assertEquals(Map.of("identity.gender", "pd:Gender", "contact.mobile", "pd:TelephoneNumber"), t.data());
    }

    @Test
    void whatThePackDoesNotMapOrDoesNotDeclareIsLeftOut() {
        // entrust has no term in the seed pack, enterprise.name neither; nothing is declared as 'nope'.
        List<String> data = new ArrayList<>(Arrays.asList("enterprise.name", "nope", null, "identity.name", "identity.name"));
        Terms t = SeedPack.engine().terms(new ProcessingRequest("entrust", "no-such-purpose", data, null, null,
                false, false, false, false, null));
        assertNull(t.action());
        assertNull(t.purpose());
        assertNull(t.basis());
        assertNull(t.recipient());
        assertEquals(Map.of("identity.name", "pd:Name"), t.data());
        assertTrue(SeedPack.engine().terms(ProcessingRequest.builder().build()).isEmpty());
    }

    @Test
    void termsDoNotDependOnTheDecision() {
        ProcessingRequest denied = ProcessingRequest.builder().action("use").purpose("marketing").data("contact.email").build();
        assertEquals(false, SeedPack.engine().decide(denied).permitted());
        Terms t = SeedPack.engine().terms(denied);
        assertEquals("dpv:Marketing", t.purpose());
        assertEquals("dpv:Consent", t.basis());
    }

    @Test
    void aNullRequestIsMisuse() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> SeedPack.engine().terms((ProcessingRequest) null));
        assertEquals("request", e.getMessage());
        assertThrows(NullPointerException.class, () -> SeedPack.engine().terms((RightsRequest) null));
    }

    @Test
    void aRightMapsToItsTerm(@TempDir Path dir) {
        TestPacks.copySeed(dir);
        TestPacks.edit(dir, "policy.yaml", "    access:\n      clause: V.1\n",
                "    access:\n      clause: V.1\n      dpv: eu-gdpr:A15\n");
        PolicyEngine engine = PolicyEngine.load(dir);
        assertEquals("eu-gdpr:A15", engine.terms(RightsRequest.builder().right("access").build()).right());
        assertNull(engine.terms(RightsRequest.builder().right("erasure").build()).right());
        assertTrue(SeedPack.engine().terms(RightsRequest.builder().right("access").build()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dpv:collect", "Dpv:Collect", "dpv Collect", "dpv:", ":Collect", "dpv:Col-lect", "dpv:Collect "})
    void aMalformedTermIsALoadErrorAtItsValue(String term, @TempDir Path dir) {
        TestPacks.copySeed(dir);
        TestPacks.edit(dir, "policy.yaml", "    dpv: dpv:Collect\n", "    dpv: \"" + term + "\"\n");
        Problem p = TestPacks.problem(dir);
        assertTrue(p.message().contains("is not a DPV term"), p::toString);
        assertTrue(p.hint().contains("dpv:ServiceProvision"), p::toString);
        assertTrue(p.file().endsWith("policy.yaml"), p::toString);
        assertEquals(TestPacks.lineOf(dir, "    dpv: \"" + term + "\""), p.line(), p::toString);
        assertEquals(10, p.column(), p::toString);
    }

    @Test
    void everySectionChecksItsTerm(@TempDir Path dir) {
        TestPacks.copySeed(dir);
        TestPacks.edit(dir, "policy.yaml", "dpv: dpv:Contract", "dpv: dpv:contract");
        TestPacks.edit(dir, "policy.yaml", "dpv: \"pd:Gender\"", "dpv: \"pd:gender\"");
        TestPacks.edit(dir, "policy.yaml", "dpv: dpv:DataProcessor", "dpv: DataProcessor");
        TestPacks.edit(dir, "policy.yaml", "dpv: dpv:CustomerCare", "dpv: dpv:Customer Care");
        TestPacks.edit(dir, "policy.yaml", "dpv: dpv:NDA", "dpv: nda");
        TestPacks.edit(dir, "policy.yaml", "    access:\n      clause: V.1\n",
                "    access:\n      clause: V.1\n      dpv: A15\n");
        List<Problem> problems = TestPacks.problems(dir);
        assertEquals(6, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.message().contains("is not a DPV term")), problems::toString);
    }

    @Test
    void aBasisMayStillBeAPlainDescription(@TempDir Path dir) {
        TestPacks.copySeed(dir);
        TestPacks.edit(dir, "policy.yaml", "  consent:\n    description: The subject's separate, revocable consent.\n"
                + "    dpv: dpv:Consent\n", "  consent: The subject's separate, revocable consent.\n");
        PolicyEngine engine = PolicyEngine.load(dir);
        Terms t = engine.terms(ProcessingRequest.builder().action("use").purpose("marketing").data("contact.email").build());
        assertNull(t.basis());
        assertEquals("dpv:Marketing", t.purpose());
        assertEquals(SeedPack.engine().decide(ProcessingRequest.builder().action("use").purpose("marketing")
                .data("contact.email").consent(Consent.toPurpose("marketing")).build()).reasons(),
                engine.decide(ProcessingRequest.builder().action("use").purpose("marketing")
                        .data("contact.email").consent(Consent.toPurpose("marketing")).build()).reasons());
    }

    @Test
    void aBasisMappingNeedsADescriptionAndKnowsItsKeys(@TempDir Path dir) {
        TestPacks.copySeed(dir);
        TestPacks.edit(dir, "policy.yaml", "    description: The subject's separate, revocable consent.\n",
                "    descripton: The subject's separate, revocable consent.\n");
        List<Problem> problems = TestPacks.problems(dir);
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("unknown key 'descripton' in legal basis consent")
                && p.hint().contains("description")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("legal basis consent needs the key 'description'")),
                problems::toString);
    }

    @Test
    void aBasisOfTheWrongKindSaysBothForms(@TempDir Path dir) {
        TestPacks.copySeed(dir);
        TestPacks.edit(dir, "policy.yaml", "  consent:\n    description: The subject's separate, revocable consent.\n"
                + "    dpv: dpv:Consent\n", "  consent: [a, b]\n");
        Problem p = TestPacks.problem(dir);
        assertTrue(p.message().contains("legal basis consent needs a description"), p::toString);
        assertTrue(p.hint().contains("{description: ..., dpv: ...}"), p::toString);
    }

    @Test
    void termsChangeNoDecision(@TempDir Path dir) {
        TestPacks.copySeed(dir);
        String text = TestPacks.read(dir, "policy.yaml");
        TestPacks.write(dir, "policy.yaml", text.replaceAll("(?m)^ *dpv: [a-z]+:[A-Za-z]+\\n", "")
                .replaceAll(", dpv: \"[a-z]+:[A-Za-z]+\"}", "}"));
        PolicyEngine plain = PolicyEngine.load(dir);
        assertTrue(plain.terms(ProcessingRequest.builder().action("share").purpose("marketing").data("contact.email")
                .recipient("third-party").build()).isEmpty());
        List<ScenarioResult> results = Scenarios.run(plain, SeedPack.SCENARIOS);
        assertTrue(results.size() > 200, "scenarios: " + results.size());
        assertTrue(results.stream().allMatch(ScenarioResult::passed),
                () -> results.stream().filter(r -> !r.passed()).toList().toString());
    }
}
