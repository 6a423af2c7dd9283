package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack from an untrusted source cannot run arbitrary Java: each hostile DRL file is rejected at
 * load time with its file, line and column, before anything is compiled or run.
 */
class HostileDrlTest {
    @TempDir
    Path dir;

    private List<Problem> load(String drl) {
        Path pack = TestPacks.copySeed(dir);
        TestPacks.write(pack, "rules/hostile.drl", drl);
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/children.drl\n  - rules/hostile.drl");
        return TestPacks.problems(pack);
    }

    private static String rule(String when, String then) {
        return "rule \"hostile\"\n    @clause(\"VI\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(1);",
            "java.lang.System.exit(1);",
            "new java.io.File(\"/etc/passwd\").delete();",
            "java.nio.file.Files.delete(java.nio.file.Path.of(\"/tmp/x\"));",
            "Runtime.getRuntime().exec(\"sh\");",
            "drools.halt();",
            "insert(new Object());",
            "int x = 0; out.deny(\"a\", \"b\");",
            "out.deny(\"a\", \"b\"); System.exit(1);",
            "out.deny(\"a\", String.valueOf(System.getenv()));",
            "out.deny(\"a\", \"b\" + $r);",
            "for (;;) { }",
            "kcontext.getKieRuntime().halt();",
    })
    void aConsequenceMayOnlyCallOut(String then) {
        List<Problem> problems = load(rule("$r : Request( child )", then));
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("hostile.drl") && p.line() >= 6 && p.column() > 0),
                problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Request( eval(System.exit(1) == 0) )",
            "eval( java.lang.System.exit(1) )",
            "Request( purpose.getClass().forName(\"java.lang.Runtime\") != null )",
            "java.io.File( ) ",
            "Request( purpose == new String(\"x\") )",
            "Request( purpose matches \"(a+)+b\" )",
            "Request( purpose == java.lang.System.getProperty(\"user.home\") )",
            "Request( @{System.exit(1)} )",
            "Object( )",
            "Request( data.clear() )",
    })
    void aConditionMayOnlyMatchTheEnginesFacts(String when) {
        List<Problem> problems = load(rule(when, "out.deny(\"x\", \"Denied.\");"));
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("hostile.drl") && p.line() == 4),
                problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "function void boom() { System.exit(1); }\n",
            "query \"all\" Request() end\n",
            "declare Evil end\n",
            "dialect \"mvel\"\n",
    })
    void onlyRulesMayStandOutsideRules(String outside) {
        List<Problem> problems = load(outside + rule("Request( child )", "out.deny(\"x\", \"Denied.\");"));
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("hostile.drl") && p.line() == 1),
                problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"timer (int: 0s 1s)", "dialect \"mvel\"", "enabled ( System.exit(1) == 0 )", "date-effective \"1-Jan-2020\""})
    void onlyMetadataSalienceAndNoLoopMayPrecedeWhen(String attribute) {
        List<Problem> problems = load("rule \"hostile\"\n    @clause(\"VI\")\n    " + attribute
                + "\nwhen\n    Request( child )\nthen\n    out.deny(\"x\", \"Denied.\");\nend\n");
        assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("hostile.drl") && p.line() == 3),
                problems::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$r : Request( child, action in (\"use\", \"share\"), !hasData(\"identity.name\"), data.size() > 1 )",
            "$r : Rights( erasureGrounds.isEmpty(), right == \"erasure\" )\n    $g : String() from $r.refusalGrounds",
            "Request( action == \"use\" )\n    not Request( child )",
            "$r : Retention( !running, unfulfilledPurposes not contains \"marketing\", asOf.isAfter(asOf) == false )",
    })
    void whatAPolicyNeedsIsAllowed(String when) {
        Path pack = TestPacks.copySeed(dir);
        String message = "\"A message that mentions System.exit and the end.\"";
        String then = when.contains("Rights") ? "out.refuse(3, \"fine\", " + message + ");"
                : when.contains("Retention") ? "out.retain(\"fine\", " + message + ");"
                : "out.deny(\"fine\", " + message + ");";
        TestPacks.write(pack, "rules/fine.drl", rule(when, then));
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/children.drl\n  - rules/fine.drl");
        PolicyEngine.load(pack);
    }
}
