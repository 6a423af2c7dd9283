package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A typo in a pack's DRL never passes silently: an id the pack does not declare, compared with a
 * fact's property or passed to a helper, a property that does not exist, and a rule whose calls
 * fail in every decision it runs in are load errors at the exact line and column, with a hint.
 */
class DrlTyposTest {
    @TempDir
    Path dir;

    private List<Problem> load(String when, String then) {
        Path pack = TestPacks.copySeed(dir);
        TestPacks.write(pack, "rules/typo.drl", "rule \"typo\"\n    @clause(\"VI\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n");
        TestPacks.edit(pack, "policy.yaml", "  - rules/children.drl", "  - rules/children.drl\n  - rules/typo.drl");
        return TestPacks.problems(pack);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Request( purpose == \"marketting\" )                | 4 | 25 | is not declared         | did you mean 'marketing'?",
            "Request( action in (\"colect\", \"use\") )          | 4 | 25 | is not declared         | did you mean 'collect'?",
            "Request( hasData(\"contact.emial\") )               | 4 | 22 | is not declared         | did you mean 'contact.email'?",
            "Request( data contains \"vehicle.locaton\" )        | 4 | 28 | is not declared         | did you mean 'vehicle.location'?",
            "Request( recipient != \"authorised-dealer\" )       | 4 | 27 | is not declared         | did you mean 'authorized-dealer'?",
            "Request( destination == \"ZZ\" )                    | 4 | 29 | not an ISO 3166 country | two-letter code",
            "Request( destination == \"EU\" )                    | 4 | 29 | not an ISO 3166 country | two-letter code",
            "Request( destinaton == \"DE\" )                     | 4 | 14 | has no property         | did you mean 'destination'?",
    })
    void aTypoInAConditionIsALoadErrorWhereItStands(String when, int line, int column, String message, String hint) {
        List<Problem> problems = load(when, "out.deny(\"typo\", \"Denied.\");");
        assertEquals(1, problems.size(), problems::toString);
        Problem p = problems.get(0);
        assertTrue(p.file().endsWith("typo.drl"), p::toString);
        assertEquals(line, p.line(), p::toString);
        assertEquals(column, p.column(), p::toString);
        assertTrue(p.message().contains(message), p::toString);
        assertTrue(p.hint().contains(hint), p::toString);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Rights( right == \"erasre\" )                       | refuse(1, \"typo\", \"No.\")   | did you mean 'erasure'?",
            "Rights( refusalGrounds contains \"law-requires\" )  | refuse(1, \"typo\", \"No.\")   | ''",
    })
    void aTypoInARightsConditionToo(String when, String call, String hint) {
        List<Problem> problems = load(when, "out." + call + ";");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains("is not declared"), problems::toString);
        assertTrue(problems.get(0).hint().contains(hint), problems::toString);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', value = {
            "''                         | out.deny(\"typo\", \"Denied.\");                  | matches no fact",
            "not Request( child )       | out.deny(\"typo\", \"Denied.\");                  | matches no fact",
            "Rights( repeated )         | out.deny(\"typo\", \"Denied.\");                  | matches Rights but calls out.deny",
            "Request( child )           | out.retain(\"typo\", \"Kept.\");                  | matches Request but calls out.retain",
            "Retention( running )       | out.oblige(\"anonymize\");                        | matches Retention but calls out.oblige",
    })
    void aRuleThatFailsInEveryDecisionItRunsInDoesNotLoad(String when, String then, String message) {
        List<Problem> problems = load(when, then);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).message().contains(message), problems::toString);
        assertEquals(1, problems.get(0).line(), problems::toString);
    }
}
