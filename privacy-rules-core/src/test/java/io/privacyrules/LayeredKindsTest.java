package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent kinds that a company and a law name differently: the map's consentKinds section carries
 * them over; without a line, only the same id does, and an unknown kind counts as the law's weakest.
 */
class LayeredKindsTest {
    @TempDir
    Path dir;

    static final String COMPANY = """
            pack: company
            title: A company
            version: "1"
            effective: 2026-01-01
            jurisdiction: DE
            children: {under: 16, clause: "1"}
            defaults:
              deny: {clause: "1", code: not-permitted, message: Not permitted.}
              invalidRequest: {clause: "1"}
            clauses: {"1": Everything}
            consentKinds:
              plain: {clause: "1", description: A consent., default: true}
              express: {clause: "1", description: A consent given in so many words.}
            objections:
              no-ads: {clause: "1", description: No more advertising., directMarketing: true}
            actions: {use: {description: Use.}}
            bases: {consent: Consent.}
            categories: {heart-rate: {clause: "1", description: Heart rate., sensitive: true}}
            recipients: {}
            purposes:
              ads: {clause: "1", basis: consent, description: Advertising., actions: [use], data: [heart-rate], requires: {consent: naming-purpose}}
            obligations: {note: {clause: "1", description: A note.}}
            """;

    static final String LAW = """
            pack: law
            title: A law
            version: "1"
            effective: 2026-01-01
            jurisdiction: DE
            children: {under: 16, clause: "1"}
            defaults:
              deny: {clause: "1", code: no-basis, message: No basis.}
              invalidRequest: {clause: "1"}
            clauses: {"1": Everything, "9": Health data, "21": Objection}
            consentKinds:
              ordinary: {clause: "1", description: A consent., default: true}
              explicit: {clause: "9", description: An explicit consent.}
            objections:
              direct-marketing: {clause: "21", description: An objection to direct marketing., directMarketing: true}
            actions: {use: {description: Use.}}
            bases: {consent: Consent.}
            categories: {health: {clause: "9", description: Health data., sensitive: true}}
            recipients: {}
            purposes:
              marketing: {clause: "1", basis: consent, description: Marketing., actions: [use], data: any, requires: {consent: naming-purpose}}
            obligations: {note: {clause: "1", description: A note.}}
            rules:
              - id: health-needs-explicit-consent
                clause: "9"
                effect: deny
                code: explicit-consent-required
                message: Health data needs an explicit consent.
                when: {sensitiveData: true}
                unless: {consent: naming-purpose, consentKind: explicit}
              - id: objection-to-direct-marketing
                clause: "21"
                effect: deny
                code: objected
                message: The subject objected to direct marketing.
                when: {objected: true}
            """;

    static final String MAP = """
            map: law
            purposes: {ads: marketing}
            categories: {heart-rate: health}
            """;

    PolicyEngine layers(String map) throws IOException {
        return TestPacks.layered(dir, COMPANY, LAW, MAP + map);
    }

    static ProcessingRequest.Builder ads() {
        return ProcessingRequest.builder().action("use").purpose("ads").data("heart-rate");
    }

    @Test
    void aConsentKindReachesTheLawUnderTheKindItIsMappedOnto() throws IOException {
        ProcessingRequest express = ads().consent(Consent.toPurpose("ads").ofKind("express")).build();
        assertTrue(layers("consentKinds: {express: explicit}\n").decide(express).permitted());
        Decision unmapped = layers("").decide(express);
        assertFalse(unmapped.permitted(), "an unmapped kind the law does not know counts as its weakest");
        assertEquals(List.of("explicit-consent-required"), unmapped.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void theSectionIsCheckedAtLoad() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> layers("consentKinds: {expres: explicit, plain: explict}\n"));
        String all = e.getMessage();
        assertTrue(all.contains("the mapped consent kind 'expres' is not declared by this pack"), all);
        assertTrue(all.contains("consent kind 'plain' maps onto 'explict', which pack law does not declare"), all);
    }
}
