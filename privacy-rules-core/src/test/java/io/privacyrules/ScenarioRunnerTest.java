package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner reports what differs, and never lets a typo pass. */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    private List<ScenarioResult> run(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return Scenarios.run(SeedPack.engine(), file);
    }

    @Test
    void aMatchingScenarioPasses() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: a child cannot register alone
                    request: {action: collect, purpose: account-registration, data: [account.credentials], subject: {age: 12}}
                    expect: {decision: deny, clauses: [VI], noObligations: [anonymize]}
                """);
        assertEquals(1, r.size());
        assertTrue(r.get(0).passed(), r::toString);
        assertEquals(2, r.get(0).line());
    }

    @Test
    void everyDifferenceIsReported() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: wrong on purpose
                    request: {action: use, purpose: product-development, data: [vehicle.location]}
                    expect:
                      decision: deny
                      clauses: [VII]
                      codes: [consent-required]
                      obligations: [aggregate]
                      noObligations: [anonymize]
                """);
        assertFalse(r.get(0).passed());
        assertEquals(5, r.get(0).failures().size(), r::toString);
        assertTrue(r.get(0).failures().get(0).startsWith("expected deny, got permit"), r::toString);
    }

    @Test
    void aClauseCoversItsSubClausesOnly() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: III.2 covers III.2(1)(b)
                    request: {action: share, purpose: customer-service, data: [identity.name], recipient: authorized-dealer,
                              subject: {consents: [{recipient: authorized-dealer}]}}
                    expect: {decision: permit, clauses: [III.2]}
                  - name: III does not cover I
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit, clauses: [III]}
                """);
        assertTrue(r.get(0).passed(), r::toString);
        assertFalse(r.get(1).passed(), r::toString);
    }

    @Test
    void aTypoInAKeyFailsTheScenarioWithLineAndHint() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: typo
                    request: {action: collect, purpose: marketing, data: [contact.mobile], requiredbylaw: true}
                    expect: {decision: deny}
                """);
        assertEquals(1, r.size());
        assertFalse(r.get(0).passed());
        String failure = r.get(0).failures().get(0);
        assertTrue(failure.contains("s.yaml:3:") && failure.contains("did you mean 'requiredByLaw'"), failure);
        assertEquals("typo", r.get(0).name());
    }

    @Test
    void wrongTypesAndBadExpectationsAreErrorsOfTheirOwnScenario() throws IOException {
        // Before strict authoring the five problems were one failed result for the whole file.
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: bad
                    request: {action: collect, purpose: marketing, data: [contact.mobile], subject: {age: twelve}}
                    expect: {decision: allow, clauses: [III-2]}
                  - name: bad
                    request: {action: collect, purpose: marketing, data: [contact.mobile]}
                """);
        assertEquals(2, r.size(), r::toString);
        assertEquals(3, r.get(0).failures().size(), r::toString);
        assertEquals(2, r.get(1).failures().size(), r::toString);
        assertEquals(List.of(2, 5), List.of(r.get(0).line(), r.get(1).line()));
        assertTrue(r.get(1).failures().get(0).contains("s.yaml:5:"), r::toString);
    }

    @Test
    void aMalformedScenarioFailsAloneAndTheOthersStillRun() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: first
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                  - name: a typo in a key
                    request: {action: collect, purpse: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                  - just text
                  - name: an undeclared obligation
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit, noObligations: [anonymise]}
                  - name: last
                    request: {action: use, purpose: marketing, data: [contact.email]}
                    expect: {decision: deny}
                """);
        assertEquals(5, r.size(), r::toString);
        assertEquals(List.of(true, false, false, false, true), r.stream().map(ScenarioResult::passed).toList());
        assertEquals(List.of("first", "a typo in a key", "scenario #3", "an undeclared obligation", "last"),
                r.stream().map(ScenarioResult::name).toList());
        assertEquals(List.of(2, 5, 8, 9, 12), r.stream().map(ScenarioResult::line).toList());
        String typo = String.join("\n", r.get(1).failures());
        assertTrue(typo.contains("s.yaml:6:32: unknown key 'purpse' in the request (hint: did you mean 'purpose'?)"), typo);
        assertTrue(r.get(2).failures().get(0).contains("s.yaml:8:5: a scenario must be a mapping"), r::toString);
        assertTrue(r.get(3).failures().get(0).contains(
                "s.yaml:11:48: obligation 'anonymise' in noObligations is not declared by the pack (hint: did you mean 'anonymize'?)"),
                r::toString);
        assertTrue(r.stream().noneMatch(ScenarioResult::fileFailed), r::toString);
    }

    @Test
    void onlyAFileThatIsNotYamlOrHasNoScenariosListFailsWhole() throws IOException {
        for (String whole : List.of("scenarios: [\n", "scenario:\n  - name: x\n", "- name: x\n", "scenarios: {name: x}\n")) {
            List<ScenarioResult> r = run(whole);
            assertEquals(1, r.size(), whole + r);
            assertTrue(r.get(0).fileFailed() && r.get(0).line() == 0 && r.get(0).name().equals("s.yaml"), whole + r);
        }
        assertTrue(run("scenario:\n  - name: x\n").get(0).toString().contains("did you mean 'scenarios'?"));
        // a problem outside the list is the file's own failure; its scenarios still run
        List<ScenarioResult> r = run("""
                title: mine
                scenarios:
                  - name: runs
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                """);
        assertEquals(2, r.size(), r::toString);
        assertTrue(r.get(1).passed(), r::toString);
        assertEquals("s.yaml", r.get(0).name());
        assertEquals(1, r.get(0).line());
        assertFalse(r.get(0).fileFailed());
        assertTrue(r.get(0).failures().get(0).contains("unknown key 'title' in the scenario file"), r::toString);
    }

    @Test
    void yamlProblemsInsideAScenarioBelongToThatScenario() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: twice
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                    expect: {decision: deny}
                  - name: fine
                    request: {action: collect, purpose: contract-conclusion, data: [identity.name]}
                    expect: {decision: permit}
                """);
        assertEquals(2, r.size(), r::toString);
        assertTrue(r.get(0).failures().get(0).contains("s.yaml:5:5: duplicate key 'expect' (first at line 4)"), r::toString);
        assertTrue(r.get(1).passed(), r::toString);
    }

    @Test
    void expectationsNameOnlyWhatThePackDeclaresOrCanGive() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: typos
                    request: {action: use, purpose: marketing, data: [contact.email]}
                    expect: {decision: deny, clauses: [IIV], codes: [consent-requird], obligations: [agregate]}
                  - name: the engine's own codes, the default deny, DRL codes and a clause above the declared ones
                    request: {action: use, purpose: marketing, data: [contact.email]}
                    expect: {decision: deny, codes: [consent-required], noObligations: [aggregate]}
                  - name: codes of every kind are known
                    rightsRequest: {right: access, receivedOn: 2026-07-01}
                    expect: {outcome: verify-identity, codes: [identity-not-verified],
                             noObligations: [charge-fee]}
                  - name: engine codes
                    request: {action: use, purpose: Marketing, data: [contact.email]}
                    expect: {decision: deny, codes: [invalid-request], clauses: [I]}
                """);
        assertEquals(4, r.size(), r::toString);
        List<String> typos = r.get(0).failures();
        assertEquals(3, typos.size(), typos::toString);
        assertTrue(typos.get(0).contains("s.yaml:4:40: clause 'IIV' in clauses covers no clause the pack declares"), typos::toString);
        assertTrue(typos.get(1).contains("reason code 'consent-requird' in codes is not one the pack can give (hint: did you mean 'consent-required'?)"),
                typos::toString);
        assertTrue(typos.get(2).contains("obligation 'agregate' in obligations is not declared by the pack (hint: did you mean 'aggregate'?)"),
                typos::toString);
        assertTrue(r.get(1).passed() && r.get(2).passed() && r.get(3).passed(), r::toString);
        {
            for (String code : List.of("invalid-request", "internal-error", "not-permitted", "no-rule-answered",
                    "calendar-incomplete", "no-disposal-rule", "purpose-permitted", "statutory-retention",
                    "guardian-consent-required")) {
                List<ScenarioResult> one = run("scenarios:\n  - name: x\n    request: {action: use, purpose: marketing, "
                        + "data: [contact.email]}\n    expect: {decision: deny, codes: [" + code + "]}\n");
                assertTrue(one.get(0).failures().stream().noneMatch(f -> f.contains("not one the pack can give")), code + one);
            }
        }
    }

    @Test
    void anUnknownIdentifierIsADenyNotALoadError() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: unknown purpose
                    request: {action: collect, purpose: Marketing, data: [contact.mobile]}
                    expect: {decision: deny, codes: [invalid-request]}
                """);
        assertTrue(r.get(0).passed(), r::toString);
    }

    @Test
    void rightsAndRetentionScenariosCompareOutcomeDayAndClauses() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: erasure answered in 30 days
                    rightsRequest: {right: erasure, receivedOn: 2026-07-01, identityVerified: true,
                                    erasureGrounds: [service-no-longer-used]}
                    expect: {outcome: fulfil, respondBy: 2026-07-31, clauses: [V.3], obligations: [notify-recipients]}
                  - name: wrong day
                    rightsRequest: {right: access, receivedOn: 2026-07-01, identityVerified: true}
                    expect: {outcome: fulfil, respondBy: 2026-07-30}
                  - name: contract records outlive the contract
                    retention: {data: contract.record, purposes: [contract-conclusion],
                                purposesFulfilled: [contract-conclusion], contractEndedOn: 2025-01-10, asOf: 2026-11-01}
                    expect: {action: retain, until: 2028-01-10, clauses: [I.1]}
                  - name: wrong action
                    retention: {data: contract.record, purposes: [contract-conclusion], asOf: 2026-11-01}
                    expect: {action: dispose, clauses: [I]}
                """);
        assertTrue(r.get(0).passed(), r::toString);
        assertEquals(List.of("expected respondBy 2026-07-30, got 2026-07-31"), r.get(1).failures());
        assertTrue(r.get(2).passed(), r::toString);
        assertEquals(1, r.get(3).failures().size(), r::toString);
    }

    @Test
    void eachKindHasItsOwnExpectKeys() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: a rights request expects an outcome
                    rightsRequest: {right: access, receivedOn: 2026-07-01}
                    expect: {decision: permit}
                """);
        String failures = String.join("\n", r.get(0).failures());
        assertTrue(failures.contains("unknown key 'decision' in expect"), failures);
        assertTrue(failures.contains("expect needs the key 'outcome'"), failures);
    }

    @Test
    void aBadDateIsALoadError() throws IOException {
        List<ScenarioResult> r = run("""
                scenarios:
                  - name: bad date
                    retention: {data: contract.record, purposes: [contract-conclusion], asOf: 2026-13-01}
                    expect: {action: retain}
                """);
        // a date of the right shape that does not exist says why (it said "'asOf' must be a date")
        assertTrue(r.get(0).failures().get(0).contains("2026-13-01 is no such date (there is no month 13)"), r::toString);
    }

    @Test
    void consentKindsAreReadAndAMisspelledKindIsAnError() throws IOException {
        List<ScenarioResult> ok = run("""
                scenarios:
                  - name: a separate consent is also explicit
                    request: {action: share, purpose: customer-service, data: [identity.name], recipient: bmw-affiliate,
                              subject: {age: 40, consents: [{recipient: bmw-affiliate, kind: separate}]}}
                    expect: {decision: permit, clauses: [III.2(1)(a)]}
                  - name: a guardian's separate consent is a guardian's consent
                    request: {action: collect, purpose: account-registration, data: [account.credentials],
                              subject: {age: 12, guardianConsent: {kind: separate}}}
                    expect: {decision: permit}
                """);
        assertEquals(2, ok.size());
        assertTrue(ok.stream().allMatch(ScenarioResult::passed), ok::toString);
        List<ScenarioResult> bad = run("""
                scenarios:
                  - name: misspelled
                    request: {action: share, purpose: customer-service, data: [identity.name], recipient: bmw-affiliate,
                              subject: {consents: [{recipient: bmw-affiliate, kind: seperate}]}}
                    expect: {decision: permit}
                """);
        assertEquals(1, bad.size());
        assertFalse(bad.get(0).passed());
        assertTrue(bad.get(0).toString().contains("seperate"), bad::toString);
    }

    @Test
    void aFileWithNoScenariosFails() throws IOException {
        for (String empty : new String[] {"scenarios: []\n", "scenarios:\n"}) {
            List<ScenarioResult> r = run(empty);
            assertEquals(1, r.size(), r::toString);
            assertFalse(r.get(0).passed());
            assertTrue(r.get(0).toString().contains("lists no scenarios") && !r.get(0).toString().contains("mapping"),
                    r::toString);
        }
    }
}
