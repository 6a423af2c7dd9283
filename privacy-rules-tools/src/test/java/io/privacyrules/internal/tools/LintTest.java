package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lint on the seed pack, and on copies with one known mistake each. */
class LintTest {
    static LintReport seed;

    @BeforeAll
    static void lintTheSeedPack() {
        seed = Lint.run(ToolPacks.seed());
    }

    private static List<Finding> findings(LintReport r, String code) {
        return r.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    private static Finding only(LintReport r, String code, String about) {
        List<Finding> f = r.findings().stream().filter(x -> x.code().equals(code) && x.about().equals(about)).toList();
        assertEquals(1, f.size(), () -> "expected one " + code + " about " + about + " in\n" + lines(r));
        return f.get(0);
    }

    private static String lines(LintReport r) {
        return String.join("\n", r.findings().stream().map(Finding::line).toList());
    }

    @Test
    void theSeedPackReportsTheBmwAgConflictWithBothPlacesAcknowledgedSoItDoesNotFail() {
        Finding f = only(seed, "recipient-abroad-forbidden", "bmw-ag");
        int recipientLine = ToolPacks.lineOf(ToolPacks.SEED, "  bmw-ag:");
        int viiLine = ToolPacks.lineOf(ToolPacks.SEED, "- id: stays-in-the-prc");
        assertTrue(f.at().file().endsWith("policy.yaml") && f.at().line() == recipientLine, f.line());
        assertTrue(f.message().contains("policy.yaml:" + viiLine), f.line());
        assertTrue(f.message().contains("located in DE") && f.message().contains("III.2(1)(a) conflicts with VII"), f.line());
        assertTrue(f.related().stream().anyMatch(r -> r.at().line() == viiLine), f.related()::toString);
        assertEquals(Finding.Severity.ERROR, f.severity());
        assertNotNull(f.acknowledged());
        assertTrue(f.line().startsWith("ACKNOWLEDGED recipient-abroad-forbidden "), f.line());
        assertTrue(f.line().contains("[error, acknowledged: III.2(1)(a) names BMW AG"), f.line());
        assertFalse(seed.failed(), lines(seed));
    }

    @Test
    void theSeedPackHasNoOtherErrorsAndItsWarningsAreRealGaps() {
        assertEquals(0, seed.errors(), lines(seed));
        // The policy names bank account numbers as sensitive, but no purpose declares them.
        assertEquals("financial.bank-account", only(seed, "unused-id", "financial.bank-account").about());
        // Sensitive categories collected on the contract alone, with neither consent nor notice obligation.
        assertEquals(List.of("contract-conclusion", "contract-fulfilment", "customer-service"),
                findings(seed, "sensitive-without-consent").stream().map(Finding::about).toList());
        assertTrue(only(seed, "sensitive-without-consent", "contract-conclusion").message()
                .contains("contact.mobile, identity.id-number"));
        // Every purpose has a retention answer, and every implemented clause is cited.
        assertTrue(findings(seed, "purpose-without-retention").isEmpty(), lines(seed));
        assertTrue(findings(seed, "clause-not-implemented").isEmpty(), lines(seed));
        assertTrue(findings(seed, "never-fires").isEmpty(), lines(seed));
    }

    /** One copy of the seed pack with a mistake of each kind lint checks over the conditions and declarations. */
    @Test
    void seededMistakesAreEachReportedAtTheirLine(@TempDir Path dir) {
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "policy.yaml", "  financial.bank-account:", "  unused.thing: {clause: I, description: Never used}\n  financial.bank-account:");
        ToolPacks.edit(pack, "policy.yaml", "  VIII: How the privacy policy will be updated",
                "  VIII: How the privacy policy will be updated\n  II.1: Cookies we set\n  II.2: Cookies others set");
        ToolPacks.edit(pack, "policy.yaml", "implements: [I, III, IV.2, V, VI, VII]", "implements: [I, II, III, IV.2, V, VI, VII]");
        ToolPacks.edit(pack, "policy.yaml", "rules:\n", """
                rules:
                  - id: dealers-at-home-only
                    clause: III.2(1)(b)
                    effect: permit
                    code: explicit-consent
                    message: "Never fires: bmw-ag is located abroad."
                    when: {action: share, recipient: bmw-ag, abroad: false}
                  - id: authorities-without-law
                    clause: III.2(2)
                    effect: permit
                    code: required-by-law
                    message: "Always overridden by authorities-only-when-required-by-law."
                    when: {action: share, recipient: [government-authority, bmw], requiredByLaw: false, consent: covering}
                  - id: one-dead-alternative
                    clause: VII
                    effect: deny
                    code: stays-in-the-prc
                    message: "The second alternative is dead: bmw-ag is located abroad."
                    when:
                      - {action: cross-border-transfer}
                      - {action: share, consent: naming-recipient, anonymized: true, recipient: [bmw-ag], abroad: false}
                """);
        ToolPacks.edit(pack, "policy.yaml", "  acknowledged:\n", """
                  acknowledged:
                    - code: clause-not-implemented
                      about: II.2
                      reason: The cookie policy is a separate document.
                    - code: never-fires
                      about: no-such-rule
                      reason: A stale acknowledgement.
                """);
        LintReport r = Lint.run(LoadedPack.load(pack.toString()));

        Finding unused = only(r, "unused-id", "unused.thing");
        assertEquals(ToolPacks.lineOf(pack, "  unused.thing:"), unused.at().line());
        assertEquals(Finding.Severity.WARNING, unused.severity());

        Finding clause = only(r, "clause-not-implemented", "II.1");
        assertEquals(Finding.Severity.ERROR, clause.severity());
        assertEquals(ToolPacks.lineOf(pack, "implements: ["), clause.at().line());
        // every implemented clause is reported by itself, so that each can be acknowledged
        assertTrue(only(r, "clause-not-implemented", "II").message().contains("no rule cites it or any of its items"));
        assertEquals("The cookie policy is a separate document.", only(r, "clause-not-implemented", "II.2").acknowledged());

        Finding never = only(r, "never-fires", "dealers-at-home-only");
        assertEquals(ToolPacks.lineOf(pack, "- id: dealers-at-home-only"), never.at().line());
        assertTrue(never.message().contains("{recipient: bmw-ag, abroad: false}"), never.line());

        Finding overridden = only(r, "permit-overridden", "authorities-without-law/share/government-authority");
        assertTrue(overridden.message().contains("authorities-only-when-required-by-law"), overridden.line());
        assertTrue(r.findings().stream().noneMatch(f -> f.about().equals("authorities-without-law/share/bmw")),
                "the bmw part of the rule is not overridden:\n" + lines(r));

        Finding dead = only(r, "never-fires", "one-dead-alternative/when2");
        assertEquals(ToolPacks.lineOf(pack, "- {action: share, consent: naming-recipient, anonymized: true"), dead.at().line());
        assertTrue(dead.message().endsWith("its when alternative 2 {recipient: bmw-ag, abroad: false} cannot hold under the declarations"),
                dead.line());
        assertTrue(findings(r, "never-fires").stream().noneMatch(f -> f.about().equals("one-dead-alternative")), lines(r));

        Finding stale = only(r, "unmatched-acknowledgement", "no-such-rule");
        assertEquals(ToolPacks.lineOf(pack, "- code: never-fires"), stale.at().line());

        assertTrue(r.failed());
        assertEquals(5, r.errors(), lines(r));
        assertEquals(2, r.acknowledged(), lines(r));
    }

    /** One copy without retention rules, without implements, and with a deny on sensitive data collected without consent. */
    /** A clause cited only by a refusal obligation (GDPR Art. 12(4)) is implemented: every refusal cites it. */
    @Test
    void aClauseCitedByARefusalObligationIsImplemented(@TempDir Path dir) {
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "policy.yaml", "  V.8: Responding to your requests",
                "  V.9: Complaints about a refusal\n  V.8: Responding to your requests");
        ToolPacks.edit(pack, "policy.yaml", "obligations:\n", """
                obligations:
                  tell-how-to-complain:
                    clause: V.9
                    description: Tell the subject why the request is refused and where to complain.
                """);
        ToolPacks.edit(pack, "policy.yaml", "rights:\n  calendar: prc\n",
                "rights:\n  calendar: prc\n  refusalObligations: [tell-how-to-complain]\n");
        LintReport r = Lint.run(LoadedPack.load(pack.toString()));
        assertTrue(findings(r, "clause-not-implemented").isEmpty(), lines(r));
        assertTrue(findings(r, "unused-id").stream().noneMatch(f -> f.about().equals("tell-how-to-complain")), lines(r));

        // without the refusal obligation, nothing cites V.9
        ToolPacks.edit(pack, "policy.yaml", "  refusalObligations: [tell-how-to-complain]\n", "");
        LintReport without = Lint.run(LoadedPack.load(pack.toString()));
        assertEquals(Finding.Severity.ERROR, only(without, "clause-not-implemented", "V.9").severity());
    }

    @Test
    void retentionSensitiveDataAndImplementsAreCheckedAgainstThePack(@TempDir Path dir) {
        Path pack = ToolPacks.copy(dir);
        ToolPacks.edit(pack, "policy.yaml", "  - rules/retention.drl\n", "");
        try {
            // an unlisted DRL file is a load error since strict authoring: remove the file too
            java.nio.file.Files.delete(pack.resolve("rules/retention.drl"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ToolPacks.edit(pack, "policy.yaml", "implements: [I, III, IV.2, V, VI, VII]\n", "");
        ToolPacks.edit(pack, "policy.yaml", "rules:\n", """
                rules:
                  - id: sensitive-needs-consent
                    clause: I
                    effect: deny
                    code: consent-required
                    message: "Sensitive data is collected only with consent."
                    when: {action: collect, sensitiveData: true}
                    unless: {consent: covering}
                """);
        LintReport r = Lint.run(LoadedPack.load(pack.toString()));
        assertEquals(11, findings(r, "purpose-without-retention").size(), lines(r));
        assertTrue(only(r, "purpose-without-retention", "marketing").message().contains("the pack has no retention rules"));
        assertTrue(findings(r, "sensitive-without-consent").isEmpty(), lines(r));
        assertEquals(Finding.Severity.INFO, only(r, "no-implements", "implements").severity());
        assertNotNull(only(r, "recipient-abroad-forbidden", "bmw-ag").acknowledged());
    }

    @Test
    void jsonKeepsEveryField() {
        var m = seed.toMap();
        assertEquals(0L, m.get("errors"));
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> fs = (List<java.util.Map<String, Object>>) m.get("findings");
        var bmw = fs.stream().filter(f -> "bmw-ag".equals(f.get("about"))).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, bmw.get("acknowledged"));
        assertEquals("error", bmw.get("severity"));
        assertFalse(((List<?>) bmw.get("related")).isEmpty());
    }
}
