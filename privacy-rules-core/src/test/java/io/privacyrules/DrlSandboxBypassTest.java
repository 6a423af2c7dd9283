package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ways around a textual DRL filter (issue "a rule pack runs arbitrary code in the host"): the
 * reproductions of the report, and one case for each class of bypass. Each hostile file must fail
 * to load with a location in it, and its payload must not run: the payloads set a system
 * property or write a probe file, and the three reproductions call {@code System.exit}, which
 * would end this test JVM.
 */
class DrlSandboxBypassTest {
    static final String PROPERTY = "privacyrules.probe";

    @TempDir
    Path dir;
    Path probe;
    int packs;

    @BeforeEach
    void clearProbes() {
        System.clearProperty(PROPERTY);
        probe = dir.resolve("probe.txt");
    }

    @AfterEach
    void nothingRan() {
        assertNull(System.getProperty(PROPERTY), "a payload set the probe property");
        assertFalse(Files.exists(probe), "a payload wrote the probe file");
    }

    /** A payload that shows it ran: sets the probe property. */
    static final String SET = "java.lang.System.setProperty(\"" + PROPERTY + "\", \"ran\")";

    private String write() {
        return "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + probe + "\"), \"ran\")";
    }

    private Path pack(String drl) {
        Path pack = TestPacks.copySeed(dir.resolve("pack" + (++packs)));
        TestPacks.write(pack, "rules/hostile.drl", drl);
        TestPacks.edit(pack, "policy.yaml", "  - rules/retention.drl", "  - rules/retention.drl\n  - rules/hostile.drl");
        return pack;
    }

    /** Loads the pack, expecting it to be refused with a problem located in hostile.drl; decides anyway if it loads. */
    private void refused(String drl) {
        Path pack = pack(drl);
        try {
            PolicyEngine engine = PolicyEngine.load(pack);
            decideEveryKind(engine);
            fail("the hostile DRL loaded:\n" + drl);
        } catch (PolicyLoadException e) {
            List<Problem> mine = e.problems().stream().filter(p -> p.file().endsWith("hostile.drl")).toList();
            assertFalse(mine.isEmpty(), e::getMessage);
            assertTrue(mine.stream().allMatch(p -> p.line() > 0 && p.column() > 0), e::getMessage);
        }
    }

    static void decideEveryKind(PolicyEngine engine) {
        engine.decide(ProcessingRequest.builder().action("collect").purpose("account-registration")
                .data("account.credentials").build());
        engine.decide(RightsRequest.builder().right("access").receivedOn(LocalDate.of(2026, 3, 2)).identityVerified(true).build());
        engine.decide(RetentionQuery.builder().data("contract.record").purposes("contract-conclusion")
                .asOf(LocalDate.of(2026, 3, 2)).build());
    }

    private static String rule(String when, String then) {
        return "rule \"hostile\"\n    @clause(\"VI\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    // ---- the report's reproductions, as written ------------------------------------------------

    @Test
    void aQuoteInACharLiteralNoLongerHidesCode() {
        refused("rule \"x\" @clause(\"I\")\nwhen\n  Request( purpose != '\"' ) then java.lang.System.exit(42); /* \"\nthen\n"
                + "  out.deny(\"c-d\", \"m */ //\");\nend\n");
    }

    @Test
    void aUnicodeEscapedLineBreakNoLongerEndsAComment() {
        refused("rule \"x\" @clause(\"I\")\nwhen\n  Request()\nthen\n  out.deny(\"c-d\", \"m\"); // \\u000a java.lang.System.exit(43);\nend\n");
    }

    @Test
    void aUnicodeEscapedQuoteNoLongerEndsAString() {
        refused("rule \"x\" @clause(\"I\")\nwhen\n  Request()\nthen\n  out.deny(\"c-d\", \"m\\u0022 + "
                + "java.lang.Runtime.getRuntime().exec(new String[]{\\u0022touch\\u0022, \\u0022" + probe
                + "\\u0022}) + \\u0022\");\nend\n");
    }

    // ---- every class of bypass -----------------------------------------------------------------

    static Stream<Arguments> bypasses() {
        String deny = "out.deny(\"c-d\", \"Denied.\");";
        return Stream.of(
                // comments
                Arguments.of("code after a block comment", rule("Request()", deny + " /* x */ " + SET + ";")),
                Arguments.of("a line comment before code", rule("Request()", "// out.deny(\"a\", \"b\");\n    " + SET + ";")),
                // text blocks, char literals, escapes
                Arguments.of("a text block", rule("Request()", "out.deny(\"c-d\", \"\"\"\n  x\"); " + SET + "; //\"\"\");")),
                Arguments.of("a char literal in a consequence", rule("Request()", "out.deny(\"c-d\", '\"'); " + SET + ";")),
                Arguments.of("an escaped backslash before u", rule("Request()", "out.deny(\"c-d\", \"a\\\\u0022\"); " + SET + ";")),
                Arguments.of("an octal escape", rule("Request()", "out.deny(\"c-d\", \"a\\042); " + SET + "; //\");")),
                Arguments.of("an upper-case Unicode escape", rule("Request()", "out.deny(\"c-d\", \"a\\U0022\");")),
                Arguments.of("a non-ASCII look-alike identifier", rule("Request()", "out.deny(\"c-d\", \"a\"); \u0455ystem.exit(1);")),
                // the Drools context
                Arguments.of("modify", rule("$r : Request()", "modify($r) { setChild(true) }")),
                Arguments.of("insert", rule("Request()", "insert(new java.lang.Object());")),
                Arguments.of("drools.", rule("Request()", "drools.getKieRuntime().halt();")),
                Arguments.of("kcontext", rule("Request()", "kcontext.getKieRuntime().halt();")),
                Arguments.of("retract", rule("$r : Request()", "retract($r);")),
                // MVEL inline code in conditions
                Arguments.of("inline new", rule("Request( purpose == new java.lang.String(\"x\") )", deny)),
                Arguments.of("a process in a condition", rule("Request( purpose == (new java.lang.ProcessBuilder(\"touch\", \"x\")"
                        + ".start()).toString() )", deny)),
                Arguments.of("MVEL with", rule("Request( purpose == (with (new java.lang.StringBuilder()) { append(\"x\") }).toString() )", deny)),
                Arguments.of("with in a consequence", rule("$r : Request()", "with($r) { child = true };")),
                Arguments.of("an MVEL template", rule("Request( purpose == \"@{" + SET + "}\" && @{x} )", deny)),
                Arguments.of("a static call in a condition", rule("Request( purpose == java.lang.System.getProperty(\"user.home\") )", deny)),
                Arguments.of("MVEL's System literal", rule("Request( purpose == System.setProperty(\"" + PROPERTY + "\", \"ran\") )", deny)),
                Arguments.of("eval", rule("eval( " + SET + " != null )", deny)),
                Arguments.of("arithmetic on a helper's argument", rule("Request( hasData(\"a\" + " + SET + ") )", deny)),
                // property chains to getClass()
                Arguments.of("class of a property", rule("Request( purpose.class.classLoader != null )", deny)),
                Arguments.of("getClass() on a property", rule("Request( purpose.getClass().getName() == \"x\" )", deny)),
                Arguments.of("this.class", rule("Request( this.class.forName(\"java.lang.Runtime\") != null )", deny)),
                Arguments.of("getClass() on a fact in a consequence", rule("$r : Rights()",
                        "out.refuse(1, $r.getClass().getName(), \"c-d\", \"Refused.\");")),
                Arguments.of("a getter's chain in a consequence", rule("$r : Rights()",
                        "out.refuse(1, $r.getRightClause().getClass().getName(), \"c-d\", \"Refused.\");")),
                // declarations outside rules
                Arguments.of("a static import", "import static java.lang.System.exit;\n" + rule("Request()", deny)),
                Arguments.of("an import", "import java.lang.Runtime;\n" + rule("Request()", deny)),
                Arguments.of("a function", "function void boom() { " + SET + "; }\n" + rule("Request()", deny)),
                Arguments.of("a package dialect", "dialect \"mvel\"\n" + rule("Request()", deny)),
                Arguments.of("a rule dialect", "rule \"hostile\"\n  @clause(\"VI\")\n  dialect \"mvel\"\nwhen\n  Request()\nthen\n  "
                        + SET + ";\nend\n"),
                Arguments.of("a declare", "declare Evil\n  x : String\nend\n" + rule("Request()", deny)),
                Arguments.of("a global", "global java.lang.Runtime rt;\n" + rule("Request()", deny)),
                Arguments.of("a query", "query \"q\" Request() end\n" + rule("Request()", deny)),
                Arguments.of("a package", "package evil;\n" + rule("Request()", deny)),
                // from, accumulate and collect
                Arguments.of("from a static call", rule("Request() from java.lang.System.getProperties()", deny)),
                Arguments.of("from a method chain", rule("$r : Rights()\n    String() from $r.getClass().getName()", deny)),
                Arguments.of("from a function call", rule("$r : Rights()\n    String() from " + SET, deny)),
                Arguments.of("accumulate", rule("accumulate( Request(); $n : count() )", deny)),
                Arguments.of("collect", rule("java.util.ArrayList() from collect( Request() )", deny)),
                Arguments.of("an entry point", rule("Request() from entry-point \"x\"", deny)),
                // attributes, annotations and other rule parts
                Arguments.of("a salience expression", "rule \"hostile\"\n  @clause(\"VI\")\n  salience ( " + SET
                        + " == null ? 1 : 0 )\nwhen\n  Request()\nthen\n  " + deny + "\nend\n"),
                Arguments.of("an enabled expression", "rule \"hostile\"\n  @clause(\"VI\")\n  enabled ( " + SET
                        + " == null )\nwhen\n  Request()\nthen\n  " + deny + "\nend\n"),
                Arguments.of("a timer", "rule \"hostile\"\n  @clause(\"VI\")\n  timer (int: 0s 1s)\nwhen\n  Request()\nthen\n  "
                        + deny + "\nend\n"),
                Arguments.of("an annotation with code", "rule \"hostile\"\n  @clause(\"VI\")\n  @note(" + SET
                        + ")\nwhen\n  Request()\nthen\n  " + deny + "\nend\n"),
                Arguments.of("a clause with code", "rule \"hostile\"\n  @clause(" + SET + ")\nwhen\n  Request()\nthen\n  "
                        + deny + "\nend\n"),
                Arguments.of("a named consequence", rule("Request()\n    do[boom]", deny) .replace("end\n", "then[boom]\n    "
                        + SET + ";\nend\n")),
                Arguments.of("a conditional branch", rule("$r : Request()\n    if ( child ) do[boom]", deny)
                        .replace("end\n", "then[boom]\n    " + SET + ";\nend\n")),
                Arguments.of("extends", "rule \"base\"\n  @clause(\"VI\")\nwhen\n  Request()\nthen\n  " + deny + "\nend\n"
                        + "rule \"hostile\" extends \"base\"\n  @clause(\"VI\")\nwhen\n  Request()\nthen\n  " + SET + ";\nend\n"),
                // constraint tricks
                Arguments.of("a property binding", rule("Request( $p : purpose, $p == \"x\" )", deny)),
                Arguments.of("an abbreviated or", rule("Request( purpose == \"a\" || == \"b\" )", deny)),
                Arguments.of("a method of a list that changes it", rule("Request( data.clear() )", deny)),
                Arguments.of("a type outside the facts", rule("java.io.File()", deny)),
                Arguments.of("Object", rule("Object()", deny)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bypasses")
    void everyBypassFailsToLoadAndRunsNothing(String name, String drl) {
        refused(drl);
    }

    @Test
    void deepNestingIsAProblemNotACrash() {
        refused(rule("Request( " + "(".repeat(3000) + "child" + ")".repeat(3000) + " )", "out.deny(\"c-d\", \"Denied.\");"));
        refused(rule("Request( " + "!".repeat(3000) + "child )", "out.deny(\"c-d\", \"Denied.\");"));
        refused(rule("not ( ".repeat(2000) + "Request()" + " )".repeat(2000), "out.deny(\"c-d\", \"Denied.\");"));
    }

    @Test
    void aFilePayloadDoesNotRunEither() {
        refused(rule("Request()", "out.deny(\"c-d\", \"Denied.\"); " + write() + ";"));
        refused(rule("Request( purpose == " + write() + " )", "out.deny(\"c-d\", \"Denied.\");"));
    }

    @Test
    void codeInsideACommentStaysAComment() {
        Path pack = pack(rule("Request( purpose != \"marketing\" /* ) then " + SET + "; end rule \"y\" @clause(\"VI\") when Request( */ )",
                "out.deny(\"c-d\", \"Denied.\"); /* " + SET + "; */ // " + SET));
        decideEveryKind(PolicyEngine.load(pack));
    }

    @Test
    void codeInsideAStringStaysText() {
        String inside = "b\\\"); " + SET.replace("\"", "\\\"") + "; //";
        Path pack = pack(rule("Request( action == \"collect\", purpose == \"account-registration\" )",
                "out.deny(\"c-d\", \"" + inside + "\");"));
        PolicyEngine engine = PolicyEngine.load(pack);
        decideEveryKind(engine);
        Decision d = engine.decide(ProcessingRequest.builder().action("collect").purpose("account-registration")
                .data("account.credentials").build());
        assertEquals("b\"); " + SET + "; //", d.reasons().stream().filter(x -> x.code().equals("c-d")).findFirst()
                .orElseThrow().message());
    }

    // ---- what a policy needs still works ---------------------------------------------------------

    @Test
    void aMessageKeepsQuotesBackslashesAndOtherScriptsExactly() {
        String message = "The \"subject\" (\\ path) didn’t agree: données personnelles, 个人信息; see System.exit in end.";
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        Path pack = pack(rule("Request( action == \"collect\", purpose == \"account-registration\" )",
                "out.deny(\"quoted-message\", \"" + escaped + "\");"));
        PolicyEngine engine = PolicyEngine.load(pack);
        Decision d = engine.decide(ProcessingRequest.builder().action("collect").purpose("account-registration")
                .data("account.credentials").build());
        Reason r = d.reasons().stream().filter(x -> x.code().equals("quoted-message")).findFirst().orElseThrow();
        assertEquals(message, r.message());
        assertEquals("hostile", r.rule());
    }
}
