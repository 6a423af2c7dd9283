package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pack with ten seeded mistakes is rejected with all ten reported, each with file, line and column. */
class PackLoadErrorsTest {
    private static final Path PACK = Path.of("src/test/resources/packs/ten-mistakes");

    private record Expected(String file, int line, String text) {
    }

    @Test
    void reportsEveryMistakeWithFileLineAndColumn() {
        List<Problem> problems = TestPacks.problems(PACK);
        List<Expected> expected = List.of(
                new Expected("policy.yaml", 21, "unknown key 'sensitve'"),
                new Expected("policy.yaml", 23, "'Germany' is not a two-letter ISO 3166 country code"),
                new Expected("policy.yaml", 25, "undeclared data category 'contact.phone'"),
                new Expected("policy.yaml", 32, "'III-2' is not a clause reference"),
                new Expected("policy.yaml", 37, "duplicate rule id 'share-with-dealer'"),
                new Expected("policy.yaml", 39, "effect 'allow' is not permit, deny or oblige"),
                new Expected("policy.yaml", 43, "clause IX.9 is not declared"),
                new Expected("policy.yaml", 46, "unknown placeholder {customer}"),
                new Expected("policy.yaml", 47, "undeclared purpose 'marketting'"),
                new Expected("bad.drl", 4, "DRL error"));
        assertEquals(expected.size(), problems.size(), () -> "got " + problems);
        assertAll(java.util.stream.IntStream.range(0, expected.size()).mapToObj(i -> () -> {
            Expected e = expected.get(i);
            Problem p = problems.get(i);
            assertTrue(p.file().endsWith(e.file()), p::toString);
            assertEquals(e.line(), p.line(), p::toString);
            assertTrue(p.column() > 0, p::toString);
            assertTrue(p.message().contains(e.text()), p::toString);
        }));
    }

    @Test
    void hintsNameTheNearestKnownWord() {
        List<Problem> problems = TestPacks.problems(PACK);
        assertEquals("did you mean 'sensitive'?", problems.get(0).hint());
        assertTrue(problems.get(5).hint().contains("permit"), problems.get(5)::toString);
        problems.forEach(p -> assertFalse(p.hint().isBlank(), p::toString));
    }

    @Test
    void theExceptionMessageListsEveryProblemOnItsOwnLine() {
        PolicyLoadException e = org.junit.jupiter.api.Assertions.assertThrows(PolicyLoadException.class,
                () -> PolicyEngine.load(PACK));
        assertEquals(11, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().contains("10 problems"), e.getMessage());
    }
}
