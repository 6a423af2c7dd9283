package io.privacyrules.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.privacyrules.Decision;
import io.privacyrules.Effect;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.RetentionAction;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsRequest;
import io.privacyrules.internal.EngineAccess;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A decision whose rules run past the time limit is cut off and fails closed. The rules a pack
 * can write cannot loop (docs/security-model.md), so the limit is tested by setting it to zero.
 */
class TimeLimitTest {
    private static final Engine SEED = EngineAccess.engine(PolicyEngine.load("classpath:bmw-connected-drive-cn"));

    @Test
    void aDecisionPastTheLimitIsAnInternalErrorOfEachKind() {
        Engine hurried = new Engine(SEED.compiled(), Duration.ZERO);
        ProcessingRequest permitted = ProcessingRequest.builder().action("collect").purpose("account-registration")
                .data("account.credentials").build();
        assertEquals(Effect.PERMIT, SEED.decide(permitted).effect());
        Decision d = hurried.decide(permitted);
        assertEquals(Effect.DENY, d.effect());
        assertEquals("internal-error", d.reasons().get(0).code());

        RightsRequest access = RightsRequest.builder().right("access").receivedOn(LocalDate.of(2026, 3, 2))
                .identityVerified(true).build();
        assertEquals(Outcome.FULFIL, SEED.decide(access, LocalDate.of(2026, 3, 2)).outcome());
        assertEquals(Outcome.REFUSE, hurried.decide(access, LocalDate.of(2026, 3, 2)).outcome());

        RetentionQuery query = RetentionQuery.builder().data("contract.record").purposes("contract-conclusion")
                .purposesFulfilled("contract-conclusion").event("contract-ended", LocalDate.of(2020, 1, 1)).build();
        assertEquals(RetentionAction.DISPOSE, SEED.decide(query, LocalDate.of(2026, 3, 2)).action());
        assertEquals(RetentionAction.RETAIN, hurried.decide(query, LocalDate.of(2026, 3, 2)).action());
        assertEquals("internal-error", hurried.decide(query, LocalDate.of(2026, 3, 2)).reasons().get(0).code());
    }
}
