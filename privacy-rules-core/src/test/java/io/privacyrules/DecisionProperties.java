package io.privacyrules;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Assume;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the seed pack's decisions over generated requests: determinism, consent
 * withdrawal never permits more, data never leaves CN, a child is never decided as an adult.
 */
class DecisionProperties {
    static final List<String> ACTIONS = List.of("collect", "use", "share", "entrust", "transfer", "disclose",
            "cross-border-transfer");
    static final List<String> PURPOSES = List.of("contract-conclusion", "account-registration", "service-improvement",
            "contract-fulfilment", "product-development", "service-analytics", "after-sales-service", "customer-service",
            "marketing", "legal-obligation", "it-operations");
    static final List<String> CATEGORIES = List.of("identity.name", "identity.gender", "contact.mobile",
            "identity.id-number", "identity.id-address", "emergency-contact.primary", "account.remote-service-password",
            "enterprise.name", "account.credentials", "emergency-contact.secondary", "vehicle.identifiers",
            "vehicle.location", "vehicle.driving-direction", "vehicle.service-data", "vehicle.accident-data",
            "vehicle.sensor-data", "service.online-content", "service.call-records", "feedback.app-data",
            "contact.email", "vehicle.basic", "vehicle.maintenance", "vehicle.status", "contract.record",
            "financial.transaction", "financial.bank-account");
    static final List<String> RECIPIENTS = List.of("bmw", "bmw-affiliate", "bmw-ag", "authorized-dealer",
            "entrusted-processor", "third-party", "government-authority", "acquirer");

    private final PolicyEngine engine = SeedPack.engine();

    @Provide
    Arbitrary<ProcessingRequest> requests() {
        Arbitrary<String> action = Arbitraries.of(ACTIONS);
        Arbitrary<String> purpose = Arbitraries.of(PURPOSES);
        Arbitrary<List<String>> data = Arbitraries.of(CATEGORIES).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<String> recipient = Arbitraries.of(RECIPIENTS).injectNull(0.25);
        Arbitrary<String> destination = Arbitraries.of("CN", "DE", "US").injectNull(0.6);
        Arbitrary<Integer> age = Arbitraries.integers().between(0, 90).injectNull(0.3);
        Arbitrary<List<Consent>> consents = consents().list().ofMaxSize(3);
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(6);
        return Combinators.combine(action, purpose, data, recipient, destination, age, consents, flags)
                .as((a, p, d, r, dest, ag, cs, f) -> ProcessingRequest.builder().action(a).purpose(p).data(d)
                        .recipient(r).destination(dest).anonymized(f.get(0)).aggregated(f.get(1))
                        .requiredByLaw(f.get(2)).protectsChild(f.get(3)).guardianConsent(f.get(4)).age(ag)
                        .consent(cs.toArray(Consent[]::new)).build());
    }

    @Provide
    Arbitrary<Consent> consents() {
        Arbitrary<String> purpose = Arbitraries.of(PURPOSES).injectNull(0.5);
        Arbitrary<String> recipient = Arbitraries.of(RECIPIENTS).injectNull(0.5);
        Arbitrary<String> action = Arbitraries.of(ACTIONS).injectNull(0.6);
        return Combinators.combine(purpose, recipient, action, Arbitraries.frequency(net.jqwik.api.Tuple.of(1, true), net.jqwik.api.Tuple.of(4, false)))
                .as(Consent::new)
                .filter(c -> c.purpose() != null || c.recipient() != null || c.action() != null);
    }

    @Property(tries = 400)
    void theSameRequestAlwaysGetsTheSameDecision(@ForAll("requests") ProcessingRequest r) {
        Decision first = engine.decide(r);
        Decision again = engine.decide(r.toBuilder().build());
        check(first.equals(again), "decisions differ for " + r + ": " + first + " vs " + again);
    }

    @Property(tries = 400)
    void everyDecisionExplainsItselfWithDeclaredClauses(@ForAll("requests") ProcessingRequest r) {
        Decision d = engine.decide(r);
        check(!d.reasons().isEmpty(), "no reason");
        for (Reason reason : d.reasons()) {
            check(!reason.message().isBlank() && reason.clause().matches("[IVX]+.*"), "bad reason " + reason);
            check(!reason.code().equals("internal-error"), "internal error for " + r + ": " + d);
        }
    }

    @Property(tries = 400)
    void withdrawingAConsentNeverTurnsADenyIntoAPermit(@ForAll("requests") ProcessingRequest r,
                                                       @ForAll @IntRange(min = 0, max = 2) int which) {
        Assume.that(!r.subject().consents().isEmpty());
        Decision before = engine.decide(r);
        List<Consent> consents = new ArrayList<>(r.subject().consents());
        int i = which % consents.size();
        consents.set(i, consents.get(i).withdraw());
        ProcessingRequest withdrawn = r.toBuilder().subject(new Subject(r.subject().age(),
                r.subject().guardianConsent(), consents)).build();
        Decision after = engine.decide(withdrawn);
        check(before.permitted() || !after.permitted(), "withdrawal permitted " + withdrawn + ": " + after);
    }

    @Property(tries = 400)
    void aDestinationOutsideCnIsNeverPermitted(@ForAll("requests") ProcessingRequest r,
                                               @ForAll("abroad") String destination) {
        Decision d = engine.decide(r.toBuilder().destination(destination).build());
        check(!d.permitted(), "permitted abroad (" + destination + "): " + r + " -> " + d);
    }

    @Provide
    Arbitrary<String> abroad() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(2).filter(c -> !c.equals("CN"));
    }

    @Property(tries = 400)
    void aChildWithoutGuardianConsentLawOrProtectionIsAlwaysDenied(@ForAll("requests") ProcessingRequest r,
                                                                   @ForAll @IntRange(min = 0, max = 13) int age) {
        ProcessingRequest child = r.toBuilder().age(age).guardianConsent(false).requiredByLaw(false)
                .protectsChild(false).build();
        check(!engine.decide(child).permitted(), "child permitted: " + child);
    }

    @Property(tries = 400)
    void aChildIsNeverPermittedWhatAnAdultWouldBeDenied(@ForAll("requests") ProcessingRequest r,
                                                        @ForAll @IntRange(min = 0, max = 13) int childAge,
                                                        @ForAll @IntRange(min = 14, max = 90) int adultAge) {
        Decision asChild = engine.decide(r.toBuilder().age(childAge).build());
        Decision asAdult = engine.decide(r.toBuilder().age(adultAge).build());
        check(!asChild.permitted() || asAdult.permitted(), "child permitted, adult denied: " + r);
        if (asChild.permitted()) {
            check(asAdult.obligationIds().containsAll(asChild.obligationIds())
                    && asChild.obligationIds().containsAll(asAdult.obligationIds()), "obligations differ: " + r);
        }
    }

    @Property(tries = 200)
    void anUnknownAgeIsDecidedAsAnAdult(@ForAll("requests") ProcessingRequest r) {
        Decision unknown = engine.decide(r.toBuilder().age(null).build());
        Decision adult = engine.decide(r.toBuilder().age(40).build());
        check(unknown.equals(adult), "unknown age decided differently from 40: " + r);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
