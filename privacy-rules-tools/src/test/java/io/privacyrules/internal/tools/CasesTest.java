package io.privacyrules.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Decision;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.pack.Condition;
import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The symbolic cases of YAML rules agree with the engine, and know the declarations. */
class CasesTest {
    final Pack pack = ToolPacks.seed().pack();
    final Cases cases = new Cases(pack);

    private static Cases.Lit lit(Condition.Key key, Object value) {
        return new Cases.Lit(key, value, true);
    }

    private Cases.Cube cube(Cases.Lit... lits) {
        return new Cases.Cube(List.of(lits));
    }

    @Test
    void aRecipientAbroadIsNeverAtHome() {
        assertNull(cases.witness(cube(lit(Condition.Key.RECIPIENT, List.of("bmw-ag")), lit(Condition.Key.ABROAD, false))));
        assertNotNull(cases.witness(cube(lit(Condition.Key.RECIPIENT, List.of("bmw")), lit(Condition.Key.ABROAD, false))));
    }

    @Test
    void aConsentNamingTheRecipientNeedsOne() {
        // collect needs no recipient, but a consent naming one covers only a request to it
        Cases.Witness w = cases.witness(cube(lit(Condition.Key.ACTION, List.of("collect")),
                lit(Condition.Key.CONSENT, Condition.ConsentTest.NAMING_RECIPIENT)));
        assertNotNull(w);
        assertFalse(w.recipient().isEmpty());
        // share always has a recipient; "none" is a consent state apart from every naming one
        assertNull(cases.witness(cube(lit(Condition.Key.CONSENT, Condition.ConsentTest.NONE),
                lit(Condition.Key.CONSENT, Condition.ConsentTest.NAMING_ACTION))));
    }

    @Test
    void dataTestsFollowThePurposesDeclarations() {
        // account-registration declares only account.credentials, which is not sensitive
        assertNull(cases.witness(cube(lit(Condition.Key.PURPOSE, List.of("account-registration")),
                lit(Condition.Key.DATA_DECLARED_FOR_PURPOSE, true), lit(Condition.Key.SENSITIVE_DATA, true))));
        // marketing declares any data, so its data is always declared for it
        assertNull(cases.witness(cube(lit(Condition.Key.PURPOSE, List.of("marketing")),
                lit(Condition.Key.DATA_DECLARED_FOR_PURPOSE, false))));
        Cases.Witness w = cases.witness(cube(lit(Condition.Key.PURPOSE, List.of("customer-service")),
                lit(Condition.Key.DATA_DECLARED_FOR_PURPOSE, true), lit(Condition.Key.SENSITIVE_DATA, true)));
        assertNotNull(w);
        assertTrue(w.data().contains("contact.mobile"), w.data()::toString);
    }

    @Test
    void theCoreOfAContradictionLeavesOutTheInnocentTests() {
        Cases.Cube c = cube(lit(Condition.Key.ACTION, List.of("share")), lit(Condition.Key.RECIPIENT, List.of("bmw-ag")),
                lit(Condition.Key.ANONYMIZED, true), lit(Condition.Key.ABROAD, false));
        assertEquals("{recipient: bmw-ag, abroad: false}", new Cases.Cube(cases.core(c)).toString());
    }

    /**
     * For every valid request of the seed scenarios, a YAML rule fired exactly when the request,
     * fixed in every variable the conditions can test, lies in the rule's cases.
     */
    @Test
    void everyYamlRuleFiresExactlyForTheCasesItCovers() {
        List<ProcessingRequest> requests = SeedRequests.all();
        assertTrue(requests.size() > 100, "seed requests: " + requests.size());
        int checked = 0;
        for (ProcessingRequest r : requests) {
            Set<String> fired = new LinkedHashSet<>();
            Decision d = ToolPacks.seed().engine().decide(r, m -> fired.add(m.name()));
            if (d.reasons().stream().anyMatch(x -> x.code().equals("invalid-request"))) {
                continue;
            }
            Cases.Cube point = point(new Request(pack, r), r);
            for (Pack.RuleDef rule : pack.rules()) {
                boolean covers = !cases.and(cases.cubes(rule), List.of(point)).isEmpty();
                boolean didFire = fired.contains("policy.yaml#" + rule.id());
                assertEquals(didFire, covers, () -> rule.id() + " on " + r);
                checked++;
            }
        }
        assertTrue(checked > 3000, "checked " + checked);
    }

    /** The request as a cube fixing every variable a condition can test. */
    private Cases.Cube point(Request f, ProcessingRequest r) {
        List<Cases.Lit> l = new ArrayList<>();
        l.add(lit(Condition.Key.ACTION, List.of(f.getAction())));
        l.add(lit(Condition.Key.PURPOSE, List.of(f.getPurpose())));
        if (f.getRecipient() == null) {
            l.add(new Cases.Lit(Condition.Key.RECIPIENT, List.copyOf(pack.recipients().keySet()), false));
        } else {
            l.add(lit(Condition.Key.RECIPIENT, List.of(f.getRecipient())));
        }
        l.add(lit(Condition.Key.ABROAD, f.isAbroad()));
        l.add(lit(Condition.Key.ANONYMIZED, f.isAnonymized()));
        l.add(lit(Condition.Key.AGGREGATED, f.isAggregated()));
        l.add(lit(Condition.Key.REQUIRED_BY_LAW, f.isRequiredByLaw()));
        l.add(lit(Condition.Key.PROTECTS_CHILD, f.isProtectsChild()));
        l.add(lit(Condition.Key.CHILD, f.isChild()));
        l.add(lit(Condition.Key.GUARDIAN_CONSENT, f.isGuardianConsent()));
        l.add(lit(Condition.Key.DATA_DECLARED_FOR_PURPOSE, f.isDataDeclaredForPurpose()));
        l.add(lit(Condition.Key.SENSITIVE_DATA, f.isSensitiveData()));
        for (String p : pack.purposes().keySet()) {
            l.add(new Cases.Lit(Condition.Key.DATA_OF, p, f.dataWithin(p)));
        }
        l.add(new Cases.Lit(Condition.Key.CONSENT, Condition.ConsentTest.COVERING, f.isConsentCovering()));
        l.add(new Cases.Lit(Condition.Key.CONSENT, Condition.ConsentTest.NAMING_PURPOSE, f.isConsentNamingPurpose()));
        l.add(new Cases.Lit(Condition.Key.CONSENT, Condition.ConsentTest.NAMING_RECIPIENT, f.isConsentNamingRecipient()));
        l.add(new Cases.Lit(Condition.Key.CONSENT, Condition.ConsentTest.NAMING_ACTION, f.isConsentNamingAction()));
        Cases.Cube c = new Cases.Cube(List.copyOf(l));
        assertNotNull(cases.witness(c), () -> "a real request must be a possible case: " + r);
        return c;
    }
}
