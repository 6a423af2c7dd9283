package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of the loader, one edit of the seed pack at a time. */
class PackValidationTest {
    @TempDir
    Path dir;

    private Path seed() {
        return TestPacks.copySeed(dir);
    }

    private static void assertProblem(Problem p, String file, String messagePart) {
        assertTrue(p.file().endsWith(file), p::toString);
        assertTrue(p.line() > 0 && p.column() > 0, p::toString);
        assertTrue(p.message().contains(messagePart), p::toString);
    }

    @Test
    void theUneditedCopyLoads() {
        PolicyEngine engine = PolicyEngine.load(seed());
        assertEquals("bmw-connected-drive-cn", engine.policy().id());
    }

    @Test
    void aValueThatTriesToInjectDrlIsAnUndeclaredReference() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "when: {action: entrust, recipient: entrusted-processor}",
                "when: {action: entrust, recipient: 'x\") || true || (\"'}");
        Problem p = TestPacks.problem(pack);
        assertProblem(p, "policy.yaml", "undeclared recipient");
        assertFalse(p.message().contains("DRL"), p::toString);
    }

    @Test
    void anIdentifierThatTriesToInjectDrlIsRejected() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "  identity.gender:", "  'identity.gender\") || true || (\"':");
        List<Problem> problems = TestPacks.problems(pack);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("is not a lower-case id")), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.message().contains("DRL error")), problems::toString);
    }

    @Test
    void anUnknownConditionKeyIsReportedWithTheNearestKnownKey() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "when: {action: disclose, requiredByLaw: true}",
                "when: {action: disclose, requiredbylaw: true}");
        Problem p = TestPacks.problem(pack);
        assertProblem(p, "policy.yaml", "unknown key 'requiredbylaw'");
        assertEquals("did you mean 'requiredByLaw'?", p.hint());
    }

    @Test
    void anUnknownConsentTestIsReported() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "when: {action: disclose, consent: naming-action}",
                "when: {action: disclose, consent: naming-actoin}");
        assertProblem(TestPacks.problem(pack), "policy.yaml", "naming-actoin");
    }

    @Test
    void aDuplicateYamlKeyIsReported() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "  collect:\n", "  use:\n    description: again\n  collect:\n");
        assertProblem(TestPacks.problem(pack), "policy.yaml", "duplicate key 'use'");
    }

    @Test
    void aliasesAreRejected() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "    actions: [collect, use]\n    data: [account.credentials]",
                "    actions: &both [collect, use]\n    data: [account.credentials]");
        TestPacks.edit(pack, "policy.yaml", "    actions: [collect, use]\n    data: [emergency-contact.secondary]",
                "    actions: *both\n    data: [emergency-contact.secondary]");
        List<Problem> problems = TestPacks.problems(pack);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("aliases")), problems::toString);
    }

    @Test
    void deepNestingIsRejected() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "source: >-", "deep: " + "[".repeat(60) + "]".repeat(60) + "\nsource: >-");
        List<Problem> problems = TestPacks.problems(pack);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("nesting")), problems::toString);
    }

    @Test
    void anOversizedFileIsRejectedWithoutParsing() throws Exception {
        Path pack = seed();
        Files.writeString(pack.resolve("policy.yaml"), "# " + "x".repeat(1 << 20) + "\n");
        Problem p = TestPacks.problem(pack);
        assertTrue(p.message().contains("larger than"), p::toString);
    }

    @Test
    void binaryContentIsRejected() throws Exception {
        Path pack = seed();
        Files.write(pack.resolve("policy.yaml"), new byte[] {'p', 'a', 'c', 'k', ':', 0, 1, 2});
        assertTrue(TestPacks.problem(pack).message().contains("binary"));
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "jurisdiction: CN\n", "jurisdiction: CN\n  bad: [\n");
        Problem p = TestPacks.problem(pack);
        assertTrue(p.message().startsWith("YAML syntax error"), p::toString);
        assertTrue(p.line() > 0, p::toString);
    }

    @Test
    void aDrlRuleWithoutAClauseIsReported() {
        Path pack = seed();
        TestPacks.edit(pack, "rules/children.drl", "    @clause(\"VI\")\nwhen\n    Request( child, !guardianConsent, action == \"collect\"",
                "when\n    Request( child, !guardianConsent, action == \"collect\"");
        Problem p = TestPacks.problem(pack);
        assertProblem(p, "children.drl", "names no clause");
        assertEquals(5, p.line());
    }

    @Test
    void aDrlRuleCitingAnUndeclaredClauseIsReported() {
        Path pack = seed();
        TestPacks.edit(pack, "rules/children.drl", "@clause(\"VI\")\nwhen\n    Request( child, !guardianConsent, !requiredByLaw",
                "@clause(\"VI.9\")\nwhen\n    Request( child, !guardianConsent, !requiredByLaw");
        assertProblem(TestPacks.problem(pack), "children.drl", "clause VI.9 is not declared");
    }

    @Test
    void drlMayNotImportClasses() {
        Path pack = seed();
        TestPacks.edit(pack, "rules/children.drl", "rule \"children-collect", "import java.io.File;\n\nrule \"children-collect");
        Problem p = TestPacks.problem(pack);
        assertProblem(p, "children.drl", "may not declare 'import'");
    }

    @Test
    void drlObligationsMustBeDeclared() {
        Path pack = seed();
        TestPacks.edit(pack, "rules/children.drl", "out.deny(\"guardian-consent-required\",\n             \"No child",
                "out.oblige(\"shred\");\n    out.deny(\"guardian-consent-required\",\n             \"No child");
        assertProblem(TestPacks.problem(pack), "children.drl", "undeclared obligation \"shred\"");
    }

    @Test
    void drlCodesAndObligationsMustBeLiterals() {
        Path pack = seed();
        TestPacks.edit(pack, "rules/children.drl", "    Request( child, !guardianConsent, action == \"collect\"",
                "    $q : Request( child, !guardianConsent, action == \"collect\"");
        TestPacks.edit(pack, "rules/children.drl", "out.deny(\"guardian-consent-required\",\n             \"No child",
                "out.deny($q.getAction(),\n             \"No child");
        List<Problem> problems = TestPacks.problems(pack);
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("children.drl") && p.line() == 10
                && p.message().contains("out.deny(...) must be called as")), problems::toString);
    }

    @Test
    void aMissingDrlFileIsReportedWhereItIsListed() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/childern.drl");
        // since strict authoring, the file the typo misses is also reported as not listed
        List<Problem> problems = TestPacks.problems(pack);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(1), "policy.yaml", "rules/childern.drl does not exist");
        assertProblem(problems.get(0), "policy.yaml", "rules/children.drl is not listed under drl:");
    }

    @Test
    void aDrlPathLeavingThePackIsRejected() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - ../outside.drl");
        List<Problem> problems = TestPacks.problems(pack);
        assertEquals(2, problems.size(), problems::toString);
        assertProblem(problems.get(1), "policy.yaml", "not a relative path");
        assertProblem(problems.get(0), "policy.yaml", "rules/children.drl is not listed under drl:");
    }

    @Test
    void aDrlTypeErrorNamesTheAuthorsLine() {
        Path pack = seed();
        TestPacks.edit(pack, "rules/children.drl", "Request( child, !guardianConsent, !requiredByLaw",
                "Request( kid, !guardianConsent, !requiredByLaw");
        List<Problem> problems = TestPacks.problems(pack);
        assertTrue(problems.stream().allMatch(p -> p.file().endsWith("children.drl")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.line() == 17 && p.column() == 14
                && p.message().equals("Request has no property 'kid'") && p.hint().contains("child")), problems::toString);
    }

    @Test
    void aMissingSectionIsReported() {
        Path pack = seed();
        TestPacks.edit(pack, "policy.yaml", "obligations:\n  anonymize:", "obligationz:\n  anonymize:");
        List<Problem> problems = TestPacks.problems(pack);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("unknown key 'obligationz'")
                && p.hint().equals("did you mean 'obligations'?")), problems::toString);
    }

    @Test
    void aFolderWithoutPolicyYamlSaysSo() {
        Problem p = TestPacks.problem(dir);
        assertTrue(p.message().contains("no policy.yaml"), p::toString);
    }

    @Test
    void anUnknownClasspathPackSaysSo() {
        PolicyLoadException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.load("classpath:no-such-pack"));
        assertTrue(e.problems().get(0).file().startsWith("classpath:no-such-pack/"), e::getMessage);
    }
}
