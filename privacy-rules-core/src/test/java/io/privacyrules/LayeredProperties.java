package io.privacyrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Invariants of a layered engine (the seed pack under the test law mini-law) over generated
 * requests: it never permits what a layer alone denies, a withdrawn consent never permits more,
 * an explicit consent in place of a separate one never permits more, a child is never permitted
 * more than an adult, and it is deterministic.
 */
class LayeredProperties {
    static Path dir;
    static PolicyEngine layered;
    static PolicyEngine company;
    static PolicyEngine law;

    @BeforeContainer
    static void load() throws IOException {
        dir = Files.createTempDirectory("layered-properties");
        Path pack = TestPacks.copySeed(dir.resolve("company"));
        Files.createDirectories(pack.resolve("maps"));
        Files.copy(LayeredEngineTest.MAP, pack.resolve("maps/mini-law.yaml"));
        layered = PolicyEngine.layered(pack.toString(), LayeredEngineTest.LAW.toString());
        company = PolicyEngine.load(pack);
        law = PolicyEngine.load(LayeredEngineTest.LAW);
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Provide
    Arbitrary<ProcessingRequest> requests() {
        Arbitrary<String> action = Arbitraries.of(DecisionProperties.ACTIONS);
        Arbitrary<String> purpose = Arbitraries.of(DecisionProperties.PURPOSES);
        Arbitrary<List<String>> data = Arbitraries.of(DecisionProperties.CATEGORIES).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<String> recipient = Arbitraries.of(DecisionProperties.RECIPIENTS).injectNull(0.2);
        Arbitrary<Integer> age = Arbitraries.integers().between(5, 70).injectNull(0.3);
        Arbitrary<List<Consent>> consents = consents().list().ofMaxSize(3);
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false).list().ofSize(5);
        return Combinators.combine(action, purpose, data, recipient, age, consents, flags)
                .as((a, p, d, r, ag, cs, f) -> {
                    ProcessingRequest.Builder b = ProcessingRequest.builder().action(a).purpose(p).data(d).recipient(r)
                            .anonymized(f.get(0)).aggregated(f.get(1)).requiredByLaw(f.get(2)).age(ag)
                            .consent(cs.toArray(Consent[]::new));
                    if (f.get(3)) {
                        b.guardianConsent(f.get(4) ? "separate" : "explicit");
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<Consent> consents() {
        Arbitrary<String> purpose = Arbitraries.of(DecisionProperties.PURPOSES).injectNull(0.5);
        Arbitrary<String> recipient = Arbitraries.of(DecisionProperties.RECIPIENTS).injectNull(0.4);
        Arbitrary<String> action = Arbitraries.of(DecisionProperties.ACTIONS).injectNull(0.6);
        return Combinators.combine(purpose, recipient, action, Arbitraries.of("explicit", "separate"))
                .as((p, r, a, k) -> new Consent(p, r, a, false, k))
                .filter(c -> c.purpose() != null || c.recipient() != null || c.action() != null);
    }

    @Property(tries = 300)
    void aLayeredPermitNeedsEveryLayersPermit(@ForAll("requests") ProcessingRequest r) {
        Decision d = layered.decide(r);
        net.jqwik.api.statistics.Statistics.label("layered").collect(d.permitted() ? "permit" : "deny");
        if (d.permitted()) {
            check(company.decide(r).permitted(), "layers permit what the company denies: " + r);
            check(d.reasons().stream().anyMatch(x -> x.pack().equals("mini-law")), "no law reason in " + d);
        }
        if (!company.decide(r).permitted()) {
            check(!d.permitted(), "the company's deny was overridden: " + r);
        }
        check(d.equals(layered.decide(r.toBuilder().build())), "not deterministic: " + r);
    }

    @Property(tries = 300)
    void withdrawingAConsentNeverPermitsMore(@ForAll("requests") ProcessingRequest r) {
        List<Consent> cs = r.subject().consents();
        for (int i = 0; i < cs.size(); i++) {
            List<Consent> fewer = new ArrayList<>(cs);
            fewer.set(i, cs.get(i).withdraw());
            ProcessingRequest w = r.toBuilder().subject(new Subject(r.subject().age(), r.subject().guardianConsent(),
                    fewer, r.subject().guardianConsentKind())).build();
            check(!layered.decide(w).permitted() || layered.decide(r).permitted(),
                    "withdrawing consent " + i + " permits more: " + r);
        }
    }

    @Property(tries = 300)
    void anExplicitConsentInPlaceOfASeparateOneNeverPermitsMore(@ForAll("requests") ProcessingRequest r) {
        List<Consent> explicit = r.subject().consents().stream()
                .map(c -> new Consent(c.purpose(), c.recipient(), c.action(), c.withdrawn(), "explicit")).toList();
        Subject s = r.subject();
        ProcessingRequest weaker = r.toBuilder().subject(new Subject(s.age(), s.guardianConsent(), explicit,
                s.guardianConsent() ? "explicit" : null)).build();
        check(!layered.decide(weaker).permitted() || layered.decide(r).permitted(),
                "explicit consents permit more than separate ones: " + r);
    }

    @Property(tries = 300)
    void aChildIsNeverPermittedMoreThanAnAdult(@ForAll("requests") ProcessingRequest r,
                                                @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 13) int childAge) {
        Subject s = r.subject();
        ProcessingRequest child = r.toBuilder().subject(new Subject(childAge, s.guardianConsent(), s.consents(),
                s.guardianConsentKind())).build();
        ProcessingRequest adult = r.toBuilder().subject(new Subject(30, s.guardianConsent(), s.consents(),
                s.guardianConsentKind())).build();
        check(!layered.decide(child).permitted() || layered.decide(adult).permitted(),
                "a child of " + childAge + " is permitted what an adult is not: " + r);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
