package io.privacyrules.examples.runtime;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;

/**
 * The smallest host: it depends on {@code privacy-rules-core} and the bundled packs only, loads a
 * pack at start-up and decides. Nothing of the authoring tools is on its classpath
 * ({@code RuntimeOnlyHostTest}).
 */
public final class RuntimeOnlyHost {
    private final PolicyEngine engine;

    /**
     * Loads the pack at {@code location} once.
     *
     * @param location a pack folder or {@code classpath:NAME}
     */
    public RuntimeOnlyHost(String location) {
        this.engine = PolicyEngine.load(location);
    }

    /**
     * May a dealer get the subject's gender for service analytics, with or without the subject's consent?
     *
     * @param consented whether the subject consented to sharing with authorized dealers
     * @return the engine's decision
     */
    public Decision shareGenderWithDealer(boolean consented) {
        ProcessingRequest.Builder request = ProcessingRequest.builder()
                .action("share").purpose("service-analytics").data("identity.gender")
                .recipient("authorized-dealer");
        if (consented) {
            request.consent(Consent.toRecipient("authorized-dealer"));
        }
        return engine.decide(request.build());
    }

    /**
     * Prints the two decisions.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        RuntimeOnlyHost host = new RuntimeOnlyHost("classpath:bmw-connected-drive-cn");
        System.out.println("with consent: " + host.shareGenderWithDealer(true).effect().id());
        System.out.println("without consent: " + host.shareGenderWithDealer(false).effect().id());
    }
}
