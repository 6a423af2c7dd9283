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
 * One action of a company that is different actions in the law's terms depending on the recipient:
 * handing data to a host that only keeps it is storage, handing it to a mailer that sends it is a
 * disclosure. The map's actionsByRecipient section says so; the actions section stays the default.
 */
class LayeredActionsByRecipientTest {
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
            actions: {entrust: {description: Give to a processor., requiresRecipient: true}}
            bases: {contract: Contract.}
            categories: {email: {clause: "1", description: Email address.}}
            recipients:
              host: {clause: "1", location: DE, description: Keeps the data.}
              mailer: {clause: "1", location: DE, description: Sends emails.}
            purposes:
              service: {clause: "1", basis: contract, description: The service., actions: [entrust], data: [email]}
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
            clauses: {"1": Everything, "18": Restriction}
            actions:
              store: {description: Store.}
              disclose: {description: Disclose., requiresRecipient: true}
            bases: {contract: Contract.}
            categories: {personal-data: {clause: "1", description: Personal data.}}
            recipients: {processor: {clause: "1", location: DE, description: A processor.}}
            purposes:
              contract: {clause: "1", basis: contract, description: A contract., actions: [store, disclose], data: any}
            obligations: {note: {clause: "1", description: A note.}}
            rules:
              - id: restricted-data-is-only-stored
                clause: "18"
                effect: deny
                code: processing-restricted
                message: Restricted data is only stored.
                when: {restricted: true, action: [disclose]}
            """;

    static final String MAP = """
            map: law
            actions: {entrust: disclose}
            purposes: {service: contract}
            categories: {email: personal-data}
            recipients: {host: processor, mailer: processor}
            """;

    PolicyEngine layers(String map) throws IOException {
        return TestPacks.layered(dir, COMPANY, LAW, MAP + map);
    }

    static Decision entrustRestricted(PolicyEngine engine, String recipient) {
        return engine.decide(ProcessingRequest.builder().action("entrust").purpose("service").data("email")
                .recipient(recipient).restricted(true).build());
    }

    @Test
    void anActionReachesTheLawAsTheActionItIsForThatRecipient() throws IOException {
        PolicyEngine engine = layers("actionsByRecipient: {entrust: {host: store}}\n");
        assertTrue(entrustRestricted(engine, "host").permitted(), "to the host, entrusting is storage, which restriction allows");
        Decision mailer = entrustRestricted(engine, "mailer");
        assertFalse(mailer.permitted(), "to the mailer, entrusting is still a disclosure");
        assertEquals(List.of("processing-restricted"), mailer.reasons().stream().map(Reason::code).toList());
    }

    @Test
    void withoutTheSectionTheActionsSectionDecides() throws IOException {
        PolicyEngine engine = layers("");
        assertFalse(entrustRestricted(engine, "host").permitted());
    }

    @Test
    void everyIdOfTheSectionIsCheckedAtLoadAndAllProblemsAreListed() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class,
                () -> layers("actionsByRecipient:\n  entrus: {host: store}\n  entrust: {hots: store, mailer: stor}\n"));
        String all = e.getMessage();
        assertTrue(all.contains("the mapped action 'entrus' is not declared by this pack"), all);
        assertTrue(all.contains("the recipient 'hots' is not declared by this pack"), all);
        assertTrue(all.contains("action 'entrust' to 'mailer' maps onto 'stor', which pack law does not declare"), all);
        assertTrue(all.contains("did you mean 'store'?"), all);
        assertTrue(all.contains("maps/law.yaml:7:3: the mapped action"), all);
        assertTrue(all.contains("maps/law.yaml:8:34: action 'entrust' to 'mailer'"), all);
    }
}
