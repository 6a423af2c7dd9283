package io.privacyrules.spi;

/**
 * Receives every decision an engine makes, for an audit trail. Implement it to send decisions
 * to your own store; {@link io.privacyrules.DecisionLog} has a JSON-lines file sink and an SLF4J
 * sink.
 *
 * <p>A sink is called from one background thread of its {@link io.privacyrules.DecisionLog}, never
 * from the thread that decides: a slow sink makes the log drop events (and count them), a sink
 * that throws has the event counted as failed; neither ever delays or changes a decision.
 */
@FunctionalInterface
public interface DecisionSink {
    /** Takes one event. May throw; the log counts the failure and goes on. */
    void accept(DecisionEvent event) throws Exception;
}
