package io.privacyrules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the general format on the test pack {@code packs/general-format}: a subject under
 * the age of their country is never treated as an adult, and an objection never permits more.
 */
class GeneralFormatProperties {
    private static final PolicyEngine ENGINE = PolicyEngine.load(Path.of("src/test/resources/packs/general-format"));
    /** The pack's thresholds by country; any other country, or none, takes 16. */
    private static final Map<String, Integer> AGES = Map.of("BE", 13, "DK", 13, "FI", 13, "SE", 13, "AT", 14, "IT", 14,
            "ES", 14, "FR", 15);
    private static final List<String> PURPOSES = List.of("account-and-activity", "subscription-payments",
            "health-insights", "product-analytics", "marketing", "tax-accounting", "emergency-assistance", "city-insights");
    private static final List<String> DATA = List.of("account.email", "usage.events", "health.heart-rate",
            "billing.record", "activity.gps-track", "location.live", "device.identifiers");

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of("DE", "FR", "SE", "AT", "IT", "ES", "BE", "NL", "PL", "IE", "US").injectNull(0.15);
    }

    @Provide
    Arbitrary<String> purposes() {
        return Arbitraries.of(PURPOSES);
    }

    @Provide
    Arbitrary<String> data() {
        return Arbitraries.of(DATA);
    }

    /**
     * A subject below their country's age is a child: consent-based processing without a parent is
     * denied citing II, whatever consents they gave, and with a parent it carries the check.
     */
    @Property(tries = 300)
    void aSubjectUnderTheAgeOfTheirCountryIsNeverTreatedAsAnAdult(@ForAll("countries") String country,
                                                                   @ForAll @IntRange(min = 0, max = 20) int age,
                                                                   @ForAll("purposes") String purpose,
                                                                   @ForAll("data") String data,
                                                                   @ForAll boolean guardian) {
        int threshold = country == null ? 16 : AGES.getOrDefault(country, 16);
        ProcessingRequest.Builder b = ProcessingRequest.builder().action("use").purpose(purpose).data(data)
                .age(age).country(country).guardianConsent(guardian)
                .consent(Consent.toPurpose(purpose).ofKind("explicit"));
        Decision d = ENGINE.decide(b.build());
        boolean consentBased = purpose.equals("health-insights") || purpose.equals("marketing");
        if (age < threshold && consentBased) {
            if (!guardian) {
                check(!d.permitted() && d.reasons().stream().anyMatch(r -> r.code().equals("parental-consent-required")),
                        "a child under " + threshold + " in " + country + " was treated as an adult: " + d);
            } else if (d.permitted()) {
                check(d.obligationIds().contains("parental-consent-check"), "a child's permit lacks the parental check: " + d);
            }
        }
        if (age >= threshold || !consentBased) {
            check(d.reasons().stream().noneMatch(r -> r.code().equals("parental-consent-required")),
                    "a subject of " + age + " in " + country + " was treated as a child under " + threshold + ": " + d);
        }
    }

    /** Adding an objection, to the purpose or to direct marketing, never turns a deny into a permit. */
    @Property(tries = 300)
    void objectingNeverPermitsMore(@ForAll("purposes") String purpose, @ForAll("data") String data,
                                   @ForAll boolean consent, @ForAll boolean requiredByLaw, @ForAll boolean restricted,
                                   @ForAll boolean toDirectMarketing) {
        ProcessingRequest.Builder b = ProcessingRequest.builder().action("use").purpose(purpose).data(data)
                .requiredByLaw(requiredByLaw).restricted(restricted).age(30);
        if (consent) {
            b.consent(Consent.toPurpose(purpose).ofKind("explicit"));
        }
        Decision without = ENGINE.decide(b.build());
        Decision with = ENGINE.decide(b.objections(toDirectMarketing ? "direct-marketing" : purpose).build());
        check(!with.permitted() || without.permitted(), "an objection permitted more: " + without + " -> " + with);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
