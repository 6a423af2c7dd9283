package io.privacyrules.internal.engine;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The Drools sessions of one engine's KieBase, kept for reuse.
 *
 * <p>When every rule of the KieBase fires only on a fact of the decision (it matches a fact at
 * the top of its conditions), a session is returned to the engine after a decision by deleting
 * that fact: the network is then as a new session's, and no rule can fire before the next fact is
 * inserted. Such sessions wait in a few slots, spread over separate cache lines, that a thread
 * takes and gives back with one atomic operation; nothing is shared on the way of a decision but
 * the slot. Otherwise (a rule that may fire on no fact, such as one with only {@code not}) every
 * decision gets a session from Drools' pool, which resets it when it is given back.
 *
 * <p>Thread-safe.
 */
final class Sessions {
    /** Slots are this many references apart, so that two slots never share a cache line. */
    private static final int STRIDE = 16;

    private final KieBase kieBase;
    private final KieSessionsPool pool;
    private final AtomicReferenceArray<KieSession> slots;
    private final int count;

    Sessions(KieBase kieBase, boolean reusable) {
        this.kieBase = kieBase;
        this.count = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        this.pool = reusable ? null : kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.slots = reusable ? new AtomicReferenceArray<>(count * STRIDE) : null;
    }

    /** A session with no fact in it. */
    KieSession take() {
        if (pool != null) {
            return pool.newKieSession();
        }
        int start = (int) (Thread.currentThread().getId() % count);
        for (int k = 0; k < count; k++) {
            int i = ((start + k) % count) * STRIDE;
            KieSession s = slots.get(i);
            if (s != null && slots.compareAndSet(i, s, null)) {
                return s;
            }
        }
        return kieBase.newKieSession();
    }

    /**
     * Gives back a session after a decision that ended normally: {@code fact} (the one fact the
     * decision inserted) is deleted and the session kept, or disposed of when every slot is taken.
     */
    void giveBack(KieSession session, FactHandle fact) {
        if (pool != null) {
            session.dispose();
            return;
        }
        session.delete(fact);
        int start = (int) (Thread.currentThread().getId() % count);
        for (int k = 0; k < count; k++) {
            int i = ((start + k) % count) * STRIDE;
            if (slots.get(i) == null && slots.compareAndSet(i, null, session)) {
                return;
            }
        }
        session.dispose();
    }

    /** Disposes of a session after a decision that failed: what it holds is not known. */
    void discard(KieSession session) {
        session.dispose();
    }
}
