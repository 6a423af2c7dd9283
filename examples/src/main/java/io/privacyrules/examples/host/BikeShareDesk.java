package io.privacyrules.examples.host;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rental desk of Pedalwise Bike Share, a fictional company: the same engine as the
 * ConnectedDrive host, loaded with another pack ({@code examples/packs/pedalwise-bikes-nl}, packaged
 * in this module's jar as {@code classpath:pedalwise-bikes-nl}). Nothing in the engine knows either
 * company. Stateless; {@link #run} prints nothing but returns one line per question.
 */
public final class BikeShareDesk {
    /** The fictional company's pack. */
    public static final String PACK = "classpath:pedalwise-bikes-nl";
    /** 26 November 2026, 10:00 in Utrecht. */
    public static final Clock SAMPLE_CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    private BikeShareDesk() {
    }

    /** Asks the pack what the desk may do for one rider, one line per question. */
    public static List<String> run(PolicyEngine engine) {
        List<String> out = new ArrayList<>();
        out.add(line("start a ride, tracking the bike", engine.decide(ProcessingRequest.builder()
                .action("collect").purpose("ride").data("ride.location").age(29).build())));
        out.add(line("a 15-year-old rents without a parent", engine.decide(ProcessingRequest.builder()
                .action("collect").purpose("rental").data("identity.name", "contact.email").age(15).build())));
        out.add(line("newsletter, no consent", engine.decide(ProcessingRequest.builder()
                .action("use").purpose("newsletter").data("contact.email").build())));
        out.add(line("newsletter, rider opted in", engine.decide(ProcessingRequest.builder()
                .action("use").purpose("newsletter").data("contact.email").consent(Consent.toPurpose("newsletter")).build())));
        out.add(line("plan the fleet from ride locations", engine.decide(ProcessingRequest.builder()
                .action("use").purpose("fleet-planning").data("ride.location").build())));
        out.add(line("bill from a server in Germany", engine.decide(ProcessingRequest.builder()
                .action("use").purpose("billing").data("ride.record").destination("DE").build())));
        RightsDecision erasure = engine.decide(RightsRequest.builder().right("erasure").identityVerified(true).build());
        out.add("erasure request: " + erasure.outcome().id().toUpperCase(java.util.Locale.ROOT) + " by " + erasure.respondBy()
                + " " + reasons(erasure.reasons()) + "; obligations: " + String.join(", ", erasure.obligationIds()));
        return out;
    }

    private static String line(String what, Decision d) {
        return what + ": " + (d.permitted() ? "ALLOWED " : "REFUSED ") + reasons(d.reasons())
                + (d.permitted() ? "; obligations: " + (d.obligationIds().isEmpty() ? "none" : String.join(", ", d.obligationIds())) : "");
    }

    private static String reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> r.clause() + " " + r.code()).distinct().collect(Collectors.joining(", ", "[", "]"));
    }

    /** Prints the desk's answers for the sample day. */
    public static void main(String[] args) {
        PolicyEngine engine = PolicyEngine.load(PACK).withClock(SAMPLE_CLOCK);
        System.out.println("Pedalwise rental desk (a fictional company), pack " + engine.policy().id() + " " + engine.policy().version());
        run(engine).forEach(System.out::println);
    }
}
