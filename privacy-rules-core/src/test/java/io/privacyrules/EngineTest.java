package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deciding through the public API: fail closed, explain, never echo data values. */
class EngineTest {
    private final PolicyEngine engine = SeedPack.engine();

    private static ProcessingRequest.Builder collectName() {
        return ProcessingRequest.builder().action("collect").purpose("contract-conclusion").data("identity.name");
    }

    private static boolean hasCode(Decision d, String code) {
        return d.reasons().stream().anyMatch(r -> r.code().equals(code));
    }

    @Test
    void aValidRequestIsPermittedWithItsPurposesClause() {
        Decision d = engine.decide(collectName().build());
        assertTrue(d.permitted(), d::toString);
        assertEquals(List.of("I.1(1)"), d.clauses());
        assertEquals("bmw-connected-drive-cn", d.policy().id());
        assertEquals("2019.11", d.policy().version());
    }

    @Test
    void aNullRequestIsDeniedNotThrown() {
        Decision d = engine.decide((ProcessingRequest) null);
        assertFalse(d.permitted());
        assertTrue(hasCode(d, "invalid-request"), d::toString);
    }

    @Test
    void anUnknownIdentifierIsNamedInTheReason() {
        Decision d = engine.decide(collectName().purpose("marketting").build());
        assertFalse(d.permitted());
        assertEquals("invalid-request", d.reasons().get(0).code());
        assertEquals("I", d.reasons().get(0).clause());
        assertTrue(d.reasons().get(0).message().contains("'marketting'"), d::toString);
    }

    @Test
    void everyInvalidPartIsReported() {
        Decision d = engine.decide(ProcessingRequest.builder().action("sell").purpose("x").data("a.b", "a.b")
                .destination("china").age(-1).build());
        List<String> messages = d.reasons().stream().map(Reason::message).toList();
        assertEquals(6, messages.size(), messages::toString);
        assertTrue(d.reasons().stream().allMatch(r -> r.code().equals("invalid-request")));
    }

    @Test
    void aValueInAnIdentifierFieldIsNotEchoed() {
        Decision d = engine.decide(collectName().purpose("+86 138 0013 8000").recipient("Zhang Wei <zw@example.com>").build());
        assertFalse(d.permitted());
        // the reasons, not the whole decision: the pack's revision is a hash whose digits could contain 138
        String text = d.reasons().toString();
        assertFalse(text.contains("138"), text);
        assertFalse(text.contains("Zhang"), text);
        assertTrue(text.contains("not shown"), text);
    }

    @Test
    void missingFieldsAreInvalidNotExceptions() {
        Decision d = engine.decide(ProcessingRequest.builder().build());
        assertFalse(d.permitted());
        assertTrue(d.reasons().size() >= 3, d::toString);
    }

    @Test
    void aConsentNamingNothingIsInvalid() {
        Decision d = engine.decide(collectName().consent(new Consent(null, null, null, false)).build());
        assertTrue(hasCode(d, "invalid-request"), d::toString);
    }

    @Test
    void anActionThatHandsDataOverNeedsARecipient() {
        Decision d = engine.decide(collectName().action("share").build());
        assertTrue(hasCode(d, "invalid-request"), d::toString);
        assertTrue(d.reasons().get(0).message().contains("needs a recipient"), d::toString);
    }

    @Test
    void nothingPermittingMeansTheDefaultDeny() {
        Decision d = engine.decide(ProcessingRequest.builder().action("collect").purpose("after-sales-service")
                .data("vehicle.identifiers").build());
        assertFalse(d.permitted());
        assertEquals("not-permitted", d.reasons().get(0).code());
        assertEquals("I", d.reasons().get(0).clause());
        assertTrue(d.reasons().get(0).message().contains("collect of vehicle.identifiers for after-sales-service"),
                d::toString);
    }

    @Test
    void denyOverridesPermitAndDropsItsObligations() {
        Decision d = engine.decide(ProcessingRequest.builder().action("share").purpose("customer-service")
                .data("identity.name").recipient("bmw-ag").consent(Consent.toRecipient("bmw-ag")).build());
        assertFalse(d.permitted());
        assertEquals(List.of("VII"), d.clauses());
        assertTrue(d.obligations().isEmpty());
    }

    @Test
    void obligationsCiteTheRuleThatImposedThem() {
        Decision d = engine.decide(ProcessingRequest.builder().action("share").purpose("service-analytics")
                .data("identity.gender").recipient("authorized-dealer")
                .consent(Consent.toRecipient("authorized-dealer")).build());
        assertTrue(d.permitted(), d::toString);
        assertEquals(List.of("anonymize", "aggregate", "confidentiality-agreement"), d.obligationIds());
        assertEquals("I.4", d.obligations().get(0).clause());
        assertEquals("III.2", d.obligations().get(2).clause());
    }

    @Test
    void decisionsAreTheSameFromManyThreads() throws Exception {
        List<ProcessingRequest> requests = List.of(collectName().build(),
                collectName().age(12).build(),
                ProcessingRequest.builder().action("use").purpose("marketing").data("contact.email")
                        .consent(Consent.toPurpose("marketing")).build());
        List<Decision> expected = requests.stream().map(engine::decide).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int k = i % requests.size();
                        if (!engine.decide(requests.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRuleThatThrowsIsAnInternalErrorRefusal(@TempDir Path dir) {
        Path pack = TestPacks.copySeed(dir);
        // The checker lets a consequence call only out.*; a clause read from the request that the
        // pack does not declare still fails at run time, and must fail closed.
        TestPacks.write(pack, "rules/broken.drl", String.join("\n",
                "rule \"broken-clause\"",
                "    @clause(\"V.2\")",
                "when",
                "    $r : Rights( right == \"rectification\" )",
                "then",
                "    out.refuse(1, $r.getRight(), \"oops\", \"A clause read from the request.\");",
                "end", ""));
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/children.drl\n  - rules/broken.drl");
        PolicyEngine broken = PolicyEngine.load(pack);
        RightsDecision d = broken.decide(RightsRequest.builder().right("rectification").identityVerified(true).build());
        assertEquals(Outcome.REFUSE, d.outcome());
        assertEquals("internal-error", d.reasons().get(0).code());
        assertEquals("V.2", d.reasons().get(0).clause());
        assertTrue(d.reasons().get(0).message().contains("broken-clause"), d::toString);
        // Other requests are unaffected.
        assertEquals(Outcome.FULFIL, broken.decide(RightsRequest.builder().right("access").identityVerified(true).build())
                .outcome());
        assertTrue(broken.decide(collectName().build()).permitted());
    }

    @Test
    void aConditionThatThrowsIsAnInternalErrorDeny(@TempDir Path dir) {
        Path pack = TestPacks.copySeed(dir);
        // A condition reading a method of a missing value (no recipient) throws while the fact is matched.
        TestPacks.write(pack, "rules/broken.drl", String.join("\n",
                "rule \"broken-condition\"",
                "    @clause(\"VI\")",
                "when",
                "    Request( purpose == \"customer-service\", recipient.startsWith(\"bmw\") )",
                "then",
                "    out.deny(\"never\", \"Never reached.\");",
                "end", ""));
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/children.drl\n  - rules/broken.drl");
        PolicyEngine broken = PolicyEngine.load(pack);
        Decision d = broken.decide(ProcessingRequest.builder().action("use").purpose("customer-service")
                .data("contact.mobile").build());
        assertFalse(d.permitted());
        assertEquals("internal-error", d.reasons().get(0).code());
        assertTrue(broken.decide(collectName().build()).permitted());
    }

    @Test
    void anOutMethodOfAnotherKindDoesNotLoad(@TempDir Path dir) {
        Path pack = TestPacks.copySeed(dir);
        TestPacks.write(pack, "rules/wrong-kind.drl", String.join("\n",
                "rule \"permit-on-a-rights-request\"", "    @clause(\"V.1\")", "when", "    Rights( right == \"access\" )",
                "then", "    out.permit(\"wrong-kind\", \"A processing answer to a rights request.\");", "end",
                "rule \"fulfil-a-retention-query\"", "    @clause(\"I\")", "when", "    Retention( data == \"identity.name\" )",
                "then", "    out.fulfil(1, \"wrong-kind\", \"A rights answer to a retention query.\");", "end",
                "rule \"retain-a-processing-request\"", "    @clause(\"I\")", "when", "    Request( purpose == \"customer-service\" )",
                "then", "    out.retain(\"wrong-kind\", \"A retention answer to a processing request.\");", "end", ""));
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/children.drl\n  - rules/wrong-kind.drl");
        List<Problem> problems = TestPacks.problems(pack);
        assertEquals(List.of(1, 8, 15), problems.stream().map(Problem::line).toList(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.message().contains("but calls out.")), problems::toString);
    }

    @Test
    void theFolderAndTheClasspathPackDecideAlike() {
        PolicyEngine fromFolder = PolicyEngine.load(SeedPack.FOLDER);
        ProcessingRequest r = ProcessingRequest.builder().action("share").purpose("marketing").data("contact.email")
                .recipient("third-party").consent(Consent.toPurpose("marketing")).build();
        assertEquals(engine.decide(r), fromFolder.decide(r));
    }
}
