package io.privacyrules.examples;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;

/** The README's example: ask before sharing a service report with a dealer. */
public final class QuickStart {
    private QuickStart() {
    }

    /** Runs the README example and returns its decision. */
    public static Decision run() {
        PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn"); // once, at start-up
        Decision decision = engine.decide(ProcessingRequest.builder()
                .action("share").purpose("service-analytics").data("identity.gender")
                .recipient("authorized-dealer")
                .consent(Consent.toRecipient("authorized-dealer"))
                .build());
        if (decision.permitted()) {
            System.out.println("go ahead, and honour " + decision.obligationIds());
        } else {
            decision.reasons().forEach(r -> System.out.println(r.clause() + " " + r.code() + ": " + r.message()));
        }
        return decision;
    }

    /**
     * Prints the decision of the README's example.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run();
    }
}
