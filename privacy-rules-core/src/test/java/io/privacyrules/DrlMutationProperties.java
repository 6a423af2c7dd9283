package io.privacyrules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Allowed DRL, mutated with the tokens of known bypasses at random places: whatever comes out
 * either fails to load with a location, or loads and decides with nothing outside the allowlist
 * having run (the payloads set a system property or write a probe file).
 */
class DrlMutationProperties {
    static final String PROPERTY = "privacyrules.fuzz";
    private static final Path ROOT = tempRoot();
    private static final Path PROBE = ROOT.resolve("probe.txt");
    private int packs;

    /** Rules a policy really has: the seed pack's children rules and a rights rule with a binding. */
    static final String BASE = """
            rule "children-collect"
                @clause("VI")
            when
                Request( child, !guardianConsent, action == "collect" || purpose == "account-registration" )
            then
                out.deny("guardian-consent-required", "A guardian must consent.");
            end

            rule "rights-ground"
                @clause("V.3")
            when
                $r : Rights( right == "erasure" )
                $ground : String() from $r.erasureGrounds
            then
                out.fulfil(5, $r.clauseOf($ground), "erasure-ground", "The subject has a ground.");
            end
            """;

    static final List<String> TOKENS = List.of(
            "'", "\"", "\\", "\\u0022", "\\u000a", "\\\\u0022", "/*", "*/", "//", "\"\"\"", "\n", ";", "{", "}", "(", ")",
            ",", "$r", "then", "end", "when", "rule \"z\" @clause(\"VI\") when then ",
            "java.lang.System.setProperty(\"" + PROPERTY + "\", \"ran\");",
            "System.setProperty(\"" + PROPERTY + "\", \"ran\")",
            "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + PROBE + "\"), \"x\");",
            "eval(", "@{", "#{", "new java.lang.ProcessBuilder(\"true\").start()", "drools.", "kcontext.", "modify(",
            "insert(", "with(", "$r.getClass()", ".class", ".getClass()", "import ", "import static ", "function ",
            "dialect \"mvel\"", "declare ", "global ", "from ", "accumulate(", "collect(", "entry-point ", "salience (",
            "this.", "java.lang.Runtime.getRuntime().exec(\"true\")", "out.permit(\"a-b\", \"x\"); ", "\u0455");

    @BeforeProperty
    @AfterProperty
    void clear() {
        System.clearProperty(PROPERTY);
        try {
            Files.deleteIfExists(PROBE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<Tuple.Tuple2<Integer, String>> one = Combinators.combine(
                Arbitraries.integers().between(0, BASE.length()), Arbitraries.of(TOKENS)).as(Tuple::of);
        return one.list().ofMinSize(1).ofMaxSize(4).map(mutations -> {
            StringBuilder text = new StringBuilder(BASE);
            mutations.stream().sorted(Comparator.comparing((Tuple.Tuple2<Integer, String> t) -> t.get1()).reversed())
                    .forEach(t -> text.insert(t.get1(), t.get2()));
            return text.toString();
        });
    }

    @Property(tries = 80)
    void nothingOutsideTheAllowlistEverRuns(@ForAll("mutated") String drl) {
        Path pack = TestPacks.copySeed(ROOT.resolve("pack" + (++packs)));
        TestPacks.write(pack, "rules/mutated.drl", drl);
        TestPacks.edit(pack, "policy.yaml", "  - rules/retention.drl", "  - rules/retention.drl\n  - rules/mutated.drl");
        try {
            PolicyEngine engine = PolicyEngine.load(pack);
            DrlSandboxBypassTest.decideEveryKind(engine);
            Statistics.collect("loaded and decided");
            engine.decide(RightsRequest.builder().right("erasure").receivedOn(java.time.LocalDate.of(2026, 3, 2))
                    .identityVerified(true).erasureGrounds("service-no-longer-used").build());
        } catch (PolicyLoadException e) {
            Statistics.collect("refused");
            if (e.problems().stream().noneMatch(p -> p.line() > 0 && p.column() > 0)) {
                throw new AssertionError("no problem has a location: " + e.getMessage());
            }
        } finally {
            deleteTree(pack);
        }
        if (System.getProperty(PROPERTY) != null || Files.exists(PROBE)) {
            throw new AssertionError("a payload ran:\n" + drl);
        }
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("drl-mutation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
