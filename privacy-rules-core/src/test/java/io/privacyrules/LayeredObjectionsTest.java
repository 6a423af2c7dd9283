package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Objections carried into a law layer: only those that cover the request, as with consents. Two
 * company purposes on legitimate interests meet on one purpose of the law; an objection to one of
 * them is not an objection to the other (GDPR Art. 21(1) objects to some processing, not a basis).
 */
class LayeredObjectionsTest {
    @TempDir
    static Path dir;
    static PolicyEngine layered;

    static final String COMMON = """
            version: "1"
            effective: 2026-01-01
            jurisdiction: DE
            children: {under: 16, clause: "1"}
            defaults:
              deny: {clause: "1", code: not-permitted, message: Not permitted.}
              invalidRequest: {clause: "1"}
            actions: {use: {description: Use data.}}
            bases: {legitimate-interests: Legitimate interests.}
            categories: {data: {clause: "1", description: Data.}}
            recipients: {partner: {clause: "1", location: DE, description: A partner.}}
            obligations: {note: {clause: "1", description: A note.}}
            """;

    @BeforeAll
    static void load() throws IOException {
        Path company = Files.createDirectories(dir.resolve("company"));
        Files.createDirectories(company.resolve("maps"));
        Files.writeString(company.resolve("policy.yaml"), """
                pack: company
                title: A company
                clauses: {"1": Everything, "2": Analytics, "3": City insights, "4": Opting out of analytics}
                objections:
                  analytics-opt-out: {clause: "4", description: An opt-out of analytics., purposes: [analytics]}
                purposes:
                  analytics: {clause: "2", basis: legitimate-interests, description: Analytics., actions: [use], data: [data]}
                  city-insights: {clause: "3", basis: legitimate-interests, description: City insights., actions: [use], data: [data]}
                """ + COMMON);
        Files.writeString(company.resolve("maps/law.yaml"), """
                map: law
                purposes: {analytics: legitimate-interests, city-insights: legitimate-interests}
                """);
        Path law = Files.createDirectories(dir.resolve("law"));
        Files.writeString(law.resolve("policy.yaml"), """
                pack: law
                title: A law
                clauses: {"1": Everything, "21": Objection}
                purposes:
                  legitimate-interests: {clause: "1", basis: legitimate-interests, description: Legitimate interests., actions: [use], data: any}
                rules:
                  - id: objection
                    clause: "21"
                    effect: deny
                    code: objected
                    message: The subject objected.
                    when: {objected: true}
                """ + COMMON);
        layered = PolicyEngine.layered(dir.resolve("company").toString(), law.toString());
    }

    static Decision use(String purpose, String... objections) {
        return layered.decide(ProcessingRequest.builder().action("use").purpose(purpose).data("data")
                .objections(objections).build());
    }

    @Test
    void anObjectionToOnePurposeDoesNotReachAnotherOnTheSameBasis() {
        assertFalse(use("analytics", "analytics").permitted(), "the law sees the objection to analytics");
        assertTrue(use("city-insights", "analytics").permitted(), "city insights were not objected to");
    }

    @Test
    void aKindOfObjectionTheLawDoesNotKnowCarriesOverWhereItCoversTheRequest() {
        assertFalse(use("analytics", "analytics-opt-out").permitted());
        assertTrue(use("city-insights", "analytics-opt-out").permitted());
    }
}
