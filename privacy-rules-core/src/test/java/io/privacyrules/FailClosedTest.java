package io.privacyrules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed or hostile request is a deny with a reason: never an exception, never a permit. */
class FailClosedTest {
    private static ProcessingRequest.Builder valid() {
        return ProcessingRequest.builder().action("use").purpose("customer-service").data("contact.mobile");
    }

    static Stream<Arguments> hostile() {
        List<String> huge = new ArrayList<>(Collections.nCopies(100_000, "contact.mobile"));
        return Stream.of(
                Arguments.of("no action", valid().action(null).build()),
                Arguments.of("no purpose", valid().purpose(null).build()),
                Arguments.of("no data", new ProcessingRequest("use", "customer-service", null, null, null, false, false,
                        false, false, null)),
                Arguments.of("empty data", new ProcessingRequest("use", "customer-service", List.of(), null, null, false,
                        false, false, false, Subject.unknown())),
                Arguments.of("a null category", new ProcessingRequest("use", "customer-service",
                        Arrays.asList("contact.mobile", null), null, null, false, false, false, false, null)),
                Arguments.of("unknown category", valid().data("contact.fax").build()),
                Arguments.of("mixed-case purpose", valid().purpose("Customer-Service").build()),
                Arguments.of("mixed-case category", valid().data("Contact.Mobile").build()),
                Arguments.of("duplicated category", valid().data("contact.mobile").build()),
                Arguments.of("huge list", valid().data(huge).build()),
                Arguments.of("negative age", valid().age(-1).build()),
                Arguments.of("absurd age", valid().age(Integer.MAX_VALUE).build()),
                Arguments.of("control characters", valid().purpose("customer-service\u0000\n").build()),
                Arguments.of("control characters in a recipient", valid().action("share").recipient("bmw\r\nX-Evil: 1").build()),
                Arguments.of("lower-case destination", valid().destination("cn").build()),
                Arguments.of("empty consent", valid().consent(new Consent(null, null, null, false)).build()),
                Arguments.of("consent naming an unknown recipient", valid().consent(Consent.toRecipient("evil")).build()),
                Arguments.of("a thousand and one consents", valid().consent(Collections.nCopies(1025,
                        Consent.toPurpose("customer-service")).toArray(Consent[]::new)).build()),
                Arguments.of("share without a recipient", valid().action("share").build()),
                Arguments.of("unknown action", valid().action("sell").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isDeniedAsInvalid(String what, ProcessingRequest request) {
        Decision d = SeedPack.engine().decide(request);
        assertFalse(d.permitted(), what);
        assertEquals("invalid-request", d.reasons().get(0).code(), d::toString);
        for (Reason r : d.reasons()) {
            assertTrue(r.message().chars().noneMatch(Character::isISOControl), r::message);
            assertTrue(r.message().length() < 300, r::message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void theSameRequestThroughEveryEntryPointIsSafe(String what, ProcessingRequest request) {
        // Rights and retention requests built from the same hostile values fail closed too.
        RightsDecision rights = SeedPack.engine().decide(RightsRequest.builder().right(request.purpose())
                .erasureGrounds(request.data().stream().limit(300).toArray(String[]::new)).build());
        assertEquals(Outcome.REFUSE, rights.outcome(), what);
        RetentionDecision retention = SeedPack.engine().decide(new RetentionQuery(request.action(), request.data(),
                null, null, null));
        assertEquals(RetentionAction.RETAIN, retention.action(), what);
    }
}
