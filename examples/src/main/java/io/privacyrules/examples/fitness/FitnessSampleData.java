package io.privacyrules.examples.fitness;

import io.privacyrules.examples.fitness.PulseTrackService.Activity;
import io.privacyrules.examples.fitness.PulseTrackService.BillingRecord;
import io.privacyrules.examples.fitness.PulseTrackService.HeartRate;
import io.privacyrules.examples.fitness.PulseTrackService.Member;
import io.privacyrules.examples.fitness.PulseTrackService.Point;
import io.privacyrules.examples.fitness.PulseTrackService.Subscription;
import java.time.LocalDate;
import java.util.List;

/** The made-up members, activities and payments of the sample day. No real person. */
final class FitnessSampleData {
    private FitnessSampleData() {
    }

    static final List<Member> APPLICANTS = List.of(
            new Member("m-1", "Anna Beispiel", "anna@example.invalid", 34, "DE"),
            new Member("m-2", "Ben Beispiel", "ben@example.invalid", 15, "DE"),      // a child in Germany (16)
            new Member("m-3", "Clara Muster", "clara@example.invalid", 14, "AT"),    // not a child in Austria (14)
            new Member("m-4", "Daan Voorbeeld", "daan@example.invalid", 12, "BE"),   // under 13: no account
            new Member("m-5", "Élise Exemple", "elise@example.invalid", 41, "FR"));

    static final List<Activity> ACTIVITIES = List.of(
            new Activity("m-1", List.of(new Point(52.5163, 13.3777), new Point(52.5186, 13.3762)), 10.2, 55, true),
            new Activity("m-1", List.of(new Point(52.5096, 13.3760), new Point(52.5079, 13.3904)), 5.1, 31, false),
            new Activity("m-2", List.of(new Point(53.5511, 9.9937), new Point(53.5534, 9.9921)), 3.4, 22, false),
            new Activity("m-3", List.of(new Point(48.2082, 16.3738), new Point(48.2100, 16.3700)), 7.8, 47, false),
            new Activity("m-4", List.of(new Point(50.8503, 4.3517), new Point(50.8466, 4.3528)), 2.0, 15, false),   // no account
            new Activity("m-5", List.of(new Point(45.7640, 4.8357), new Point(45.7578, 4.8320)), 21.1, 118, true),
            new Activity("m-5", List.of(new Point(45.7485, 4.8467), new Point(45.7540, 4.8400)), 8.0, 40, false));

    static final List<Subscription> PREMIUM = List.of(
            new Subscription("m-1", "Beispielstraße 1, 10117 Berlin", "tok_fake_0001"),
            new Subscription("m-5", "1 rue Exemple, 69001 Lyon", "tok_fake_0005"));

    /** The payments of the Premium subscriptions, completed on {@code day}. */
    static List<BillingRecord> payments(LocalDate day) {
        return List.of(new BillingRecord("m-1", "INV-FAKE-0001", 999, day), new BillingRecord("m-5", "INV-FAKE-0002", 999, day));
    }

    static final List<HeartRate> HEART_RATES = List.of(
            new HeartRate("m-1", 58), new HeartRate("m-2", 64), new HeartRate("m-3", 61), new HeartRate("m-5", 55));
}
