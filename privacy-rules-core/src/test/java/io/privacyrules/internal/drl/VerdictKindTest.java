package io.privacyrules.internal.drl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.privacyrules.PolicyEngine;
import io.privacyrules.internal.EngineAccess;
import io.privacyrules.internal.engine.Engine;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The run-time guard behind the load-time kind check: an out method called on a verdict of
 * another kind throws (and the decision fails closed), whatever let the call through.
 */
class VerdictKindTest {
    private static final Engine SEED = EngineAccess.engine(PolicyEngine.load("classpath:bmw-connected-drive-cn"));

    private static Verdict verdict(Verdict.Kind kind) {
        Verdict v = new Verdict(SEED.pack(), SEED.compiled().byOrdinal(), null, kind);
        v.enter(SEED.compiled().byOrdinal().length - 1);
        return v;
    }

    @Test
    void processingAnswersFailOnOtherKinds() {
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.RIGHTS).permit("a-b", "M."));
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.RETENTION).deny("a-b", "M."));
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.RETENTION).oblige("anonymize"));
    }

    @Test
    void rightsAnswersFailOnOtherKinds() {
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.PROCESSING).fulfil(1, "a-b", "M."));
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.RETENTION).refuse(1, "a-b", "M."));
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.PROCESSING).verifyIdentity(1, "a-b", "M."));
    }

    @Test
    void retentionAnswersFailOnOtherKinds() {
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.PROCESSING).retain("a-b", "M."));
        assertThrows(IllegalStateException.class,
                () -> verdict(Verdict.Kind.RIGHTS).retainUntil(LocalDate.of(2026, 1, 1), "a-b", "M."));
        assertThrows(IllegalStateException.class, () -> verdict(Verdict.Kind.RIGHTS).dispose("a-b", "M."));
    }
}
