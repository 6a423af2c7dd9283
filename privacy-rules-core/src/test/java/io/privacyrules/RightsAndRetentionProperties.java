package io.privacyrules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of data-subject requests and retention in the seed pack: deadlines never precede
 * receipt, a ground to refuse never turns into fulfilment, and nothing is disposed of while a
 * purpose or a statutory period runs. (Holidays and deadlines: WorkingCalendarProperties.)
 */
class RightsAndRetentionProperties {
    static final List<String> RIGHTS = List.of("access", "rectification", "erasure", "consent-withdrawal",
            "account-cancellation", "copy", "automated-decision-explanation");
    static final List<String> V8 = List.of("controller-legal-obligation", "national-security", "public-interest",
            "criminal-investigation", "abuse-of-rights", "vital-interests", "harm-to-others", "trade-secret");
    static final List<String> UNREASONABLE = List.of("repeated-without-reason", "excessive-technical-means",
            "risk-to-others", "unrealistic");
    static final List<String> ERASURE = List.of("unlawful-processing", "no-consent", "agreement-breach",
            "service-no-longer-used", "service-discontinued");

    private final PolicyEngine engine = SeedPack.engine();

    @Provide
    Arbitrary<RightsRequest> rightsRequests() {
        Arbitrary<String> right = Arbitraries.of(RIGHTS);
        Arbitrary<LocalDate> received = Arbitraries.integers().between(0, 3 * 365).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
        Arbitrary<List<String>> refusal = Arbitraries.of(concat(V8, UNREASONABLE)).list().ofMaxSize(2).uniqueElements();
        Arbitrary<List<String>> erasure = Arbitraries.of(ERASURE).list().ofMaxSize(2).uniqueElements();
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(2);
        return Combinators.combine(right, received, refusal, erasure, flags).as((r, d, rg, eg, f) ->
                new RightsRequest(r, d, f.get(0), eg, rg, f.get(1)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Property(tries = 300)
    void respondByIsNeverBeforeReceipt(@ForAll("rightsRequests") RightsRequest r) {
        RightsDecision d = engine.decide(r);
        check(d.respondBy() == null || d.respondBy().isAfter(r.receivedOn()), "respondBy before receipt: " + r + " " + d);
        check(!d.reasons().get(0).code().equals("internal-error"), "internal error: " + r);
    }

    @Property(tries = 300)
    void addingAGroundNotToRespondNeverTurnsARefusalIntoFulfilment(@ForAll("rightsRequests") RightsRequest r,
                                                                   @ForAll @IntRange(min = 0, max = 7) int which) {
        RightsDecision before = engine.decide(r);
        if (r.refusalGrounds().contains(V8.get(which))) {
            return;
        }
        RightsRequest more = r.toBuilder().refusalGrounds(V8.get(which)).build();
        RightsDecision after = engine.decide(more);
        check(after.outcome() == Outcome.REFUSE, "a V.8 ground did not refuse: " + more + " " + after);
        check(before.outcome() != Outcome.REFUSE || after.outcome() == Outcome.REFUSE, "refusal undone: " + more);
    }

    @Provide
    Arbitrary<RetentionQuery> retentionQueries() {
        Arbitrary<String> data = Arbitraries.of("contract.record", "financial.transaction", "vehicle.service-data",
                "identity.name", "vehicle.location");
        Arbitrary<List<String>> purposes = Arbitraries.of("contract-conclusion", "contract-fulfilment",
                "after-sales-service", "marketing").list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 4000).map(d -> LocalDate.of(2020, 1, 1).plusDays(d));
        Arbitrary<LocalDate> maybeDay = day.injectNull(0.4);
        Arbitrary<Integer> fulfilledMask = Arbitraries.integers().between(0, 7);
        return Combinators.combine(data, purposes, fulfilledMask, maybeDay, maybeDay, maybeDay, day)
                .as((d, p, mask, contract, transaction, life, asOf) -> {
                    List<String> fulfilled = new ArrayList<>();
                    for (int i = 0; i < p.size(); i++) {
                        if ((mask & (1 << i)) != 0) {
                            fulfilled.add(p.get(i));
                        }
                    }
                    java.util.Map<String, LocalDate> events = new java.util.LinkedHashMap<>();
                    if (contract != null) {
                        events.put("contractEndedOn", contract);
                    }
                    if (transaction != null) {
                        events.put("transaction-completed", transaction);
                    }
                    if (life != null) {
                        events.put("vehicleServiceLifeEndedOn", life);
                    }
                    return new RetentionQuery(d, p, fulfilled, events, asOf);
                });
    }

    @Property(tries = 400)
    void nothingIsDisposedOfWhileAPurposeOrAStatutoryPeriodRuns(@ForAll("retentionQueries") RetentionQuery q) {
        RetentionDecision d = engine.decide(q);
        check(!d.reasons().get(0).code().equals("internal-error"), "internal error: " + q);
        boolean purposeOpen = q.purposes().stream().anyMatch(p -> !q.purposesFulfilled().contains(p)
                && !(p.equals("after-sales-service") && q.events().get("vehicleServiceLifeEndedOn") != null
                && q.events().get("vehicleServiceLifeEndedOn").isBefore(q.asOf())));
        LocalDate event = switch (q.data()) {
            case "contract.record" -> q.events().get("contractEndedOn");
            case "financial.transaction" -> q.events().get("transaction-completed");
            default -> null;
        };
        boolean statutory = q.data().equals("contract.record") || q.data().equals("financial.transaction");
        boolean periodRuns = statutory && (event == null || !q.asOf().isAfter(event.plusYears(3)));
        if (purposeOpen || periodRuns) {
            check(!d.dispose(), "disposed while a purpose or period runs: " + q + " " + d);
        } else {
            check(d.dispose(), "kept with nothing running: " + q + " " + d);
        }
        if (!d.dispose() && d.until() != null) {
            check(!d.until().isBefore(q.asOf()), "kept until a past day: " + q + " " + d);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
