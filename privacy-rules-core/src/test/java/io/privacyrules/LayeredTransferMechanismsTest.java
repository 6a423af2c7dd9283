package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfer mechanisms carried into a law layer. A company ties its standard contractual clauses to
 * the recipients it signed them with; the law asks the host to name them (claimed). The map's
 * mechanisms section says which of the law's mechanisms each of the company's is.
 */
class LayeredTransferMechanismsTest {
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
            clauses: {"1": Everything, "4": Transfers}
            actions: {entrust: {description: Give to a processor., requiresRecipient: true}}
            bases: {contract: Contract.}
            categories: {email: {clause: "1", description: Email address.}}
            recipients:
              mailer: {clause: "1", location: US, description: A US email processor.}
              printer: {clause: "1", location: US, description: A US printing processor.}
            transfers:
              mechanisms:
                sccs: {clause: "4", description: Clauses signed with the mailer., recipients: [mailer]}
                binding-rules: {clause: "4", description: Group rules., claimed: true}
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
            clauses: {"1": Everything, "44": Transfers, "46": Safeguards}
            actions: {disclose: {description: Disclose., requiresRecipient: true}}
            bases: {contract: Contract.}
            categories: {personal-data: {clause: "1", description: Personal data.}}
            recipients: {processor: {clause: "1", location: DE, description: A processor.}}
            transfers:
              mechanisms:
                scc: {clause: "46", description: Standard clauses., claimed: true}
                bcr: {clause: "46", description: Binding corporate rules., claimed: true}
            purposes:
              contract: {clause: "1", basis: contract, description: A contract., actions: [disclose], data: any}
            obligations: {note: {clause: "1", description: A note.}}
            rules:
              - id: transfers-need-a-mechanism
                clause: "44"
                effect: deny
                code: transfer-not-covered
                message: Not covered.
                when: {transferCovered: false}
            """;

    static final String MAP = """
            map: law
            actions: {entrust: disclose}
            purposes: {service: contract}
            categories: {email: personal-data}
            recipients: {mailer: processor, printer: processor}
            """;

    PolicyEngine layers(String map) throws IOException {
        return TestPacks.layered(dir, COMPANY, LAW, MAP + map);
    }

    static Decision entrust(PolicyEngine engine, String recipient, String mechanism) {
        return engine.decide(ProcessingRequest.builder().action("entrust").purpose("service").data("email")
                .recipient(recipient).transferMechanism(mechanism).build());
    }

    @Test
    void clausesTiedToARecipientReachTheLawsNamedClauses() throws IOException {
        PolicyEngine engine = layers("mechanisms: {sccs: scc, binding-rules: bcr}\n");
        assertTrue(entrust(engine, "mailer", null).permitted(), "the company's sccs cover the mailer: the law sees scc");
        assertFalse(entrust(engine, "printer", null).permitted(), "no clauses with the printer, in either layer");
        assertTrue(entrust(engine, "printer", "binding-rules").permitted(), "a named mechanism is mapped too");
    }

    @Test
    void withoutTheMapsSectionOnlyTheSameIdCarriesOver() throws IOException {
        PolicyEngine engine = layers("");
        assertFalse(entrust(engine, "mailer", null).permitted(), "the law declares no sccs");
    }

    @Test
    void aMechanismMappedOntoNothingIsDropped() throws IOException {
        PolicyEngine engine = layers("mechanisms: {sccs: ~}\n");
        assertFalse(entrust(engine, "mailer", null).permitted());
    }

    @Test
    void aMechanismTheLawDoesNotDeclareIsALoadErrorWithAHint() {
        PolicyLoadException e = assertThrows(PolicyLoadException.class, () -> layers("mechanisms: {sccs: sc}\n"));
        String all = e.getMessage();
        assertTrue(all.contains("transfer mechanism 'sccs' maps onto 'sc', which pack law does not declare"), all);
        assertTrue(all.contains("did you mean 'scc'?"), all);
    }
}
