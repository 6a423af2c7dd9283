package io.privacyrules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assertions;

/** One malformed scenario, of any kind and anywhere in its file, fails alone: every other scenario still runs and counts. */
class ScenarioFileProperties {
    private static final List<String> GOOD = List.of(
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name]}\n    expect: {decision: permit}",
            "request: {action: use, purpose: marketing, data: [contact.email]}\n    expect: {decision: deny, codes: [consent-required]}",
            "rightsRequest: {right: access, receivedOn: 2026-07-01, identityVerified: true}\n"
                    + "    expect: {outcome: fulfil, respondBy: 2026-07-31}",
            "retention: {data: contract.record, purposes: [contract-conclusion], asOf: 2026-11-01}\n"
                    + "    expect: {action: retain, clauses: [I]}");
    /** Each breaks the scenario in its own way; none breaks the file. */
    private static final List<String> BAD = List.of(
            "request: {action: collect, purpse: contract-conclusion, data: [identity.name]}\n    expect: {decision: permit}",
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name]}\n    expect: {decision: allow}",
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name], subject: {age: twelve}}\n"
                    + "    expect: {decision: permit}",
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name]}\n"
                    + "    expect: {decision: permit, noObligations: [anonymise]}",
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name]}",
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name]}\n"
                    + "    retention: {data: contract.record, purposes: [contract-conclusion]}\n    expect: {decision: permit}",
            "rightsRequest: {right: access, receivedOn: 2026-02-29}\n    expect: {outcome: fulfil}",
            "request: {action: collect, purpose: contract-conclusion, data: [identity.name]}\n"
                    + "    expect: {decision: permit}\n    expect: {decision: deny}",
            "retention: {data: contract.record, purposes: [contract-conclusion], asOf: 2026-11-01}\n"
                    + "    expect: {action: retain, codes: [statutory-retension]}");

    @Provide
    Arbitrary<List<Integer>> goods() {
        return Arbitraries.integers().between(0, GOOD.size() - 1).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 25)
    void oneMalformedScenarioFailsAlone(@ForAll("goods") List<Integer> goods,
                                        @ForAll @IntRange(min = 0, max = 8) int bad,
                                        @ForAll @IntRange(min = 0, max = 6) int position) throws IOException {
        int at = Math.min(position, goods.size());
        StringBuilder yaml = new StringBuilder("scenarios:\n");
        List<String> names = new ArrayList<>();
        for (int i = 0; i <= goods.size(); i++) {
            String name = i == at ? "malformed" : "good " + i;
            String body = i == at ? BAD.get(bad) : GOOD.get(goods.get(i < at ? i : i - 1));
            yaml.append("  - name: ").append(name).append("\n    ").append(body).append('\n');
            names.add(name);
        }
        Path file = Files.createTempFile("scenarios", ".yaml");
        try {
            Files.writeString(file, yaml);
            List<ScenarioResult> results = Scenarios.run(SeedPack.engine(), file);
            Assertions.assertEquals(names, results.stream().map(ScenarioResult::name).toList(), yaml::toString);
            for (ScenarioResult r : results) {
                Assertions.assertEquals(!r.name().equals("malformed"), r.passed(), () -> yaml + "\n" + results);
                Assertions.assertFalse(r.fileFailed(), results::toString);
            }
            String failure = results.get(at).failures().get(0);
            Assertions.assertTrue(failure.startsWith(file + ":"), failure);
        } finally {
            Files.delete(file);
        }
    }

    @Property(tries = 10)
    void aFileWithoutAScenariosListFailsWholeWhateverItHolds(@ForAll @Size(max = 3) List<@IntRange(min = 0, max = 3) Integer> goods)
            throws IOException {
        StringBuilder yaml = new StringBuilder("scenaros:\n");
        for (int g : goods) {
            yaml.append("  - name: g").append(yaml.length()).append("\n    ").append(GOOD.get(g)).append('\n');
        }
        Path file = Files.createTempFile("scenarios", ".yaml");
        try {
            Files.writeString(file, yaml);
            List<ScenarioResult> results = Scenarios.run(SeedPack.engine(), file);
            Assertions.assertEquals(1, results.size(), results::toString);
            Assertions.assertTrue(results.get(0).fileFailed(), results::toString);
        } finally {
            Files.delete(file);
        }
    }
}
