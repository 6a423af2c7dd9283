package io.privacyrules.internal.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last look at printed DRL refuses a word or variable the schema does not know. */
class DrlPrintCheckTest {
    @Test
    void whatTheCheckerPrintsPasses() {
        assertEquals("(child && !(guardianConsent))", DrlPrintCheck.verified("(child && !(guardianConsent))", Set.of()));
        assertEquals("out.refuse(1, $r.clauseOf($g), \"a-b\", \"M.\");",
                DrlPrintCheck.verified("out.refuse(1, $r.clauseOf($g), \"a-b\", \"M.\");", Set.of("$r", "$g")));
    }

    @Test
    void anUnknownNameOrVariableOrTokenIsRefused() {
        assertThrows(IllegalStateException.class, () -> DrlPrintCheck.verified("purpose.getClass() != null", Set.of()));
        assertThrows(IllegalStateException.class, () -> DrlPrintCheck.verified("System.exit(1)", Set.of()));
        assertThrows(IllegalStateException.class, () -> DrlPrintCheck.verified("$x.getRight()", Set.of("$r")));
        assertThrows(IllegalStateException.class, () -> DrlPrintCheck.verified("out.deny('a', \"b\");", Set.of()));
    }
}
