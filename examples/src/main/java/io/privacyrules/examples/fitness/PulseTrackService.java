package io.privacyrules.examples.fitness;

import io.privacyrules.Consent;
import io.privacyrules.Decision;
import io.privacyrules.Outcome;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.Reason;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RetentionQuery;
import io.privacyrules.RightsDecision;
import io.privacyrules.RightsRequest;
import io.privacyrules.Subject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The back end of PulseTrack, a fictional EU fitness app, asking the company's pack
 * ({@code classpath:pulsetrack-eu}) before every step and acting on the answer.
 *
 * <p>Each step builds one request per member it touches, with the member's age, country of
 * residence, consents, a parent's consent to that purpose, and the objections the member made and
 * the pack upheld. It goes ahead only for the members permitted, and only if it can honour every
 * obligation of the permit: a permit with an obligation the step does not know how to honour counts
 * as a refusal. Objections and erasure are data-subject requests: an objection is recorded only when
 * the pack fulfils it, and from then on the member's requests carry it, so the pack denies what the
 * member objected to. Each step writes one line to the journal, with ids of actions, purposes,
 * categories, recipients and clauses, and counts; never a name, an email address, a position, a
 * heart rate, a card token or a member id.
 *
 * <p>The stores are in memory and stand in for the host's database. Not thread-safe: one instance
 * serves one run. Run {@link #main} (or {@code examples/run-host pulsetrack}) to see a day of it.
 */
public final class PulseTrackService {
    /** The company pack of the PulseTrack policy, bundled in {@code privacy-rules-packs}. */
    public static final String PACK = "classpath:pulsetrack-eu";
    /** The fixed "now" of the sample day: Monday 7 December 2026, 09:00 in Berlin. */
    public static final Clock SAMPLE_CLOCK = Clock.fixed(Instant.parse("2026-12-07T08:00:00Z"), ZoneId.of("Europe/Berlin"));

    static final List<String> SIGN_UP_DATA = List.of("identity.name", "contact.email", "account.credentials");
    static final List<String> ACTIVITY_DATA = List.of("activity.gps-track", "activity.statistics");
    static final List<String> PREMIUM_DATA = List.of("billing.address", "payment.card-token");
    static final List<String> ANALYTICS_DATA = List.of("usage.events", "device.identifiers");
    static final String HOSTING = "hosting-provider";
    static final String PAYMENTS = "payment-processor";
    static final String EMAIL = "email-delivery";
    static final String APP = "connected-app";

    /** A member as the app stores them. Name and email address are personal data: used, never printed. */
    public record Member(String id, String name, String email, int age, String country) {
    }

    /** A position of a GPS track. */
    public record Point(double latitude, double longitude) {
    }

    /** A recorded activity; {@code forApp}: the member chose to share it with their connected app. */
    public record Activity(String memberId, List<Point> track, double kilometres, int minutes, boolean forApp) {
    }

    /** A heart-rate reading from the member's watch (health data, I.3). */
    public record HeartRate(String memberId, int bpm) {
    }

    /** A Premium subscription: the billing address and the payment processor's card token (I.2). */
    public record Subscription(String memberId, String billingAddress, String cardToken) {
    }

    /** A billing record kept for tax and accounting (I.6, VI.3). */
    public record BillingRecord(String memberId, String invoice, int cents, LocalDate completedOn) {
    }

    /**
     * A third-party app a member connected.
     *
     * @param country      where the app processes the data (ISO 3166)
     * @param occasional   true for a one-off export the member starts, false for a regular sync
     * @param toldOfRisks  the member was told the risks of a transfer outside the EEA and gave an
     *                     explicit consent after that (IV(3))
     */
    public record ConnectedApp(String country, boolean occasional, boolean toldOfRisks) {
    }

    /**
     * The outcome of a step.
     *
     * @param number  the step's number in this run, from 1
     * @param verdict {@code ALLOWED} or {@code REFUSED} for processing; {@code FULFIL}, {@code REFUSE}
     *                or {@code VERIFY-IDENTITY} for a data-subject request
     * @param line    the journal line
     */
    public record Step(int number, String verdict, String line) {
    }

    private final PolicyEngine engine;
    private final Set<String> processingAgreements;
    private final Set<String> signedSccs;
    private final Consumer<String> journal;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, List<Consent>> consents = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> parentalConsents = new LinkedHashMap<>();   // member -> purpose -> kind
    private final Set<String> parentalConsentVerified = new LinkedHashSet<>();
    private final Map<String, Set<String>> objections = new LinkedHashMap<>();
    private final Map<String, ConnectedApp> apps = new LinkedHashMap<>();
    private final List<Activity> activities = new ArrayList<>();
    private final List<HeartRate> heartRates = new ArrayList<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final List<BillingRecord> billingRecords = new ArrayList<>();
    private final Map<String, Set<String>> recipientsOf = new LinkedHashMap<>();   // for V.3: who received whose data
    private final List<Member> marketingQueue = new ArrayList<>();
    private final Map<String, Integer> activitiesSentToApp = new LinkedHashMap<>();
    private int marketingEmailsSent;
    private int steps;

    /**
     * @param engine               the engine of the pack, with the clock that says what day it is
     * @param processingAgreements the processors with a data processing agreement (Art. 28(3)) on file
     * @param signedSccs           the processors with standard contractual clauses signed
     * @param journal              where the step lines go
     * @throws NullPointerException if an argument is null
     */
    public PulseTrackService(PolicyEngine engine, Set<String> processingAgreements, Set<String> signedSccs, Consumer<String> journal) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.processingAgreements = Set.copyOf(Objects.requireNonNull(processingAgreements, "processingAgreements"));
        this.signedSccs = Set.copyOf(Objects.requireNonNull(signedSccs, "signedSccs"));
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    // ---- what members do in the app (no question to the pack: these are facts the host records) ----

    /** The consent screen: the member gives a consent (withdrawn ones are kept, marked withdrawn). */
    public void recordConsent(String memberId, Consent consent) {
        consents.computeIfAbsent(memberId, k -> new ArrayList<>()).add(consent);
    }

    /**
     * A parent consents to {@code purpose} for a child, with a consent of {@code kind}; {@code verified}
     * when the app has checked that it comes from a parent (obligation {@code verify-parental-consent}).
     */
    public void recordParentalConsent(String memberId, String purpose, String kind, boolean verified) {
        parentalConsents.computeIfAbsent(memberId, k -> new LinkedHashMap<>()).put(purpose, kind);
        if (verified) {
            parentalConsentVerified.add(memberId);
        }
    }

    /** The member connects a third-party app; connecting it is the consent naming it (III.2). */
    public void connectApp(String memberId, ConnectedApp app) {
        apps.put(memberId, app);
        Consent naming = Consent.toRecipient(APP);
        recordConsent(memberId, app.toldOfRisks() ? naming.ofKind("explicit") : naming);
    }

    // ---- the steps -------------------------------------------------------------------------------

    /** Sign-up (I.1, II): collect name, email address and login credentials; open the accounts permitted. */
    public Step signUp(List<Member> applicants) {
        Asked asked = ask(applicants, m -> request("collect", "account-and-activity", SIGN_UP_DATA).subject(subject(m, "account-and-activity")),
                m -> Set.of());
        asked.permitted().forEach(m -> members.put(m.id(), m));
        int opened = asked.permitted().size();
        return finish("sign up " + plural(applicants.size(), "applicant") + " (collect " + String.join(", ", SIGN_UP_DATA)
                + " for account-and-activity)", asked, opened == 0 ? "opened no account" : "opened " + plural(opened, "account"));
    }

    /** Hosting (III.1): entrust the new accounts to the hosting provider, under the processing agreement. */
    public Step storeAccountsWithHostingProvider() {
        Asked asked = ask(members.values(), m -> request("entrust", "account-and-activity", SIGN_UP_DATA).recipient(HOSTING)
                .subject(subject(m, "account-and-activity")), m -> honourable(HOSTING));
        asked.permitted().forEach(m -> sentTo(m, HOSTING));
        List<String> acted = new ArrayList<>(processorDuties(asked, HOSTING));
        acted.add("stored " + plural(asked.permitted().size(), "account") + " at " + HOSTING);
        return finish("store the accounts (entrust " + String.join(", ", SIGN_UP_DATA) + " to " + HOSTING + " for account-and-activity)",
                asked, String.join(", ", acted));
    }

    /** Recording (I.1): collect the GPS track and statistics of each upload; keep those of members permitted. */
    public Step recordActivities(List<Activity> uploads) {
        List<Member> senders = uploads.stream().map(a -> members.get(a.memberId())).filter(Objects::nonNull).distinct().toList();
        int strangers = (int) uploads.stream().filter(a -> !members.containsKey(a.memberId())).count();
        Asked asked = ask(senders, m -> request("collect", "account-and-activity", ACTIVITY_DATA).subject(subject(m, "account-and-activity")),
                m -> Set.of());
        Set<String> allowed = ids(asked.permitted());
        List<Activity> kept = uploads.stream().filter(a -> allowed.contains(a.memberId())).toList();
        activities.addAll(kept);
        return finish("record activities (collect " + String.join(", ", ACTIVITY_DATA) + " for account-and-activity)", asked,
                "kept " + plural(kept.size(), "activity", "activities") + ", dropped " + (uploads.size() - kept.size())
                        + " (" + strangers + " of no member)");
    }

    /** Premium (I.2): collect the billing address and the card token of each new subscriber. */
    public Step subscribe(List<Subscription> orders) {
        List<Member> who = orders.stream().map(o -> member(o.memberId())).toList();
        Asked asked = ask(who, m -> request("collect", "subscription-payments", PREMIUM_DATA).subject(subject(m, "subscription-payments")),
                m -> Set.of());
        Set<String> allowed = ids(asked.permitted());
        orders.stream().filter(o -> allowed.contains(o.memberId())).forEach(o -> subscriptions.put(o.memberId(), o));
        return finish("Premium subscriptions (collect " + String.join(", ", PREMIUM_DATA) + " for subscription-payments)", asked,
                "started " + plural(allowed.size(), "subscription"));
    }

    /** Payment (III.1, I.2): entrust each subscriber's card token to the payment processor, which charges it. */
    public Step chargeSubscriptions() {
        List<Member> subscribers = subscriptions.keySet().stream().map(this::member).toList();
        Asked asked = ask(subscribers, m -> request("entrust", "subscription-payments", List.of("payment.card-token")).recipient(PAYMENTS)
                .subject(subject(m, "subscription-payments")), m -> honourable(PAYMENTS));
        asked.permitted().forEach(m -> sentTo(m, PAYMENTS));
        List<String> acted = new ArrayList<>(processorDuties(asked, PAYMENTS));
        acted.add("charged " + plural(asked.permitted().size(), "subscription"));
        return finish("charge Premium (entrust payment.card-token to " + PAYMENTS + " for subscription-payments)", asked,
                String.join(", ", acted));
    }

    /** Tax and accounting (I.6): keep a billing record of each payment made today. */
    public Step keepBillingRecords(List<BillingRecord> payments) {
        List<Member> who = payments.stream().map(p -> member(p.memberId())).distinct().toList();
        Asked asked = ask(who, m -> request("collect", "tax-and-accounting", List.of("billing.record")).subject(subject(m, "tax-and-accounting")),
                m -> Set.of());
        Set<String> allowed = ids(asked.permitted());
        List<BillingRecord> kept = payments.stream().filter(p -> allowed.contains(p.memberId())).toList();
        billingRecords.addAll(kept);
        return finish("keep billing records (collect billing.record for tax-and-accounting)", asked,
                "kept " + plural(kept.size(), "billing record"));
    }

    /**
     * Health insights (I.3, II): collect heart rate, with the member's explicit consent and, for a
     * child, a parent's explicit one, whose origin the app has verified.
     */
    public Step healthInsights(List<HeartRate> readings) {
        List<Member> who = readings.stream().map(r -> members.get(r.memberId())).filter(Objects::nonNull).distinct().toList();
        Asked asked = ask(who, m -> request("collect", "health-insights", List.of("health.heart-rate")).subject(subject(m, "health-insights")),
                m -> parentalConsentVerified.contains(m.id()) ? Set.of("verify-parental-consent") : Set.of());
        Set<String> allowed = ids(asked.permitted());
        List<HeartRate> kept = readings.stream().filter(r -> allowed.contains(r.memberId())).toList();
        heartRates.addAll(kept);
        List<String> acted = new ArrayList<>();
        long checked = asked.permittedWith("verify-parental-consent");
        if (checked > 0) {
            acted.add("verify-parental-consent (" + plural((int) checked, "parent's consent", "parents' consents") + " verified before)");
        }
        acted.add("kept " + plural(kept.size(), "reading"));
        return finish("health insights (collect health.heart-rate for health-insights)", asked, String.join(", ", acted));
    }

    /** Product analytics and security (I.4, VII.1): use usage events and device identifiers of each member. */
    public Step productAnalytics(String title) {
        Asked asked = ask(members.values(), m -> request("use", "analytics-and-security", ANALYTICS_DATA)
                .subject(subject(m, "analytics-and-security")), m -> Set.of());
        return finish(title + " (use " + String.join(", ", ANALYTICS_DATA) + " for analytics-and-security)", asked,
                "analysed the usage of " + plural(asked.permitted().size(), "member"));
    }

    /** Marketing (I.5, II, VII.2): write a marketing email to each member the pack permits; queue it. */
    public Step composeMarketing(String title) {
        Asked asked = ask(members.values(), m -> request("use", "marketing", List.of("contact.email")).subject(subject(m, "marketing")),
                m -> Set.of());
        marketingQueue.clear();
        marketingQueue.addAll(asked.permitted());
        return finish(title + " (use contact.email for marketing)", asked, "queued " + plural(marketingQueue.size(), "email"));
    }

    /**
     * The transfer to the US email processor (III.1, IV(2)): entrust each queued address to it, under
     * the processing agreement and the standard contractual clauses, and send.
     */
    public Step sendMarketingThroughEmailProcessor() {
        Asked asked = ask(List.copyOf(marketingQueue), m -> request("entrust", "marketing", List.of("contact.email")).recipient(EMAIL)
                .subject(subject(m, "marketing")), m -> honourable(EMAIL));
        asked.permitted().forEach(m -> sentTo(m, EMAIL));
        marketingEmailsSent += asked.permitted().size();
        marketingQueue.clear();
        List<String> acted = new ArrayList<>(processorDuties(asked, EMAIL));
        acted.add("sent " + plural(asked.permitted().size(), "email"));
        return finish("hand the emails to the US processor (entrust contact.email to " + EMAIL + " for marketing)", asked,
                String.join(", ", acted));
    }

    /**
     * Connected apps (III.2, IV): share the activities each member chose with the app they connected,
     * where the app is. An occasional export to an app outside the EEA, after the member was told the
     * risks, is named as such (IV(3)); a regular sync there is not occasional.
     */
    public Step shareWithConnectedApps() {
        List<Member> who = apps.keySet().stream().map(members::get).filter(Objects::nonNull).toList();
        Asked asked = ask(who, m -> {
            ConnectedApp app = apps.get(m.id());
            ProcessingRequest.Builder b = request("share", "connected-app-sharing", ACTIVITY_DATA).recipient(APP)
                    .destination(app.country()).subject(subject(m, "connected-app-sharing"));
            return app.occasional() && app.toldOfRisks() ? b.transferMechanism("occasional-explicit-consent") : b;
        }, m -> apps.get(m.id()).toldOfRisks() ? Set.of("only-chosen-activities", "inform-of-transfer-risks") : Set.of("only-chosen-activities"));
        int shared = 0;
        int held = 0;
        for (Member m : asked.permitted()) {
            List<Activity> chosen = activities.stream().filter(a -> a.memberId().equals(m.id()) && a.forApp()).toList();
            shared += chosen.size();   // only-chosen-activities: the others stay in the app
            held += (int) activities.stream().filter(a -> a.memberId().equals(m.id()) && !a.forApp()).count();
            activitiesSentToApp.merge(m.id(), chosen.size(), Integer::sum);
            sentTo(m, APP);
        }
        List<String> acted = new ArrayList<>();
        if (asked.obligations().contains("only-chosen-activities")) {
            acted.add("only-chosen-activities (" + plural(shared, "activity", "activities") + " chosen, " + held + " not shared)");
        }
        if (asked.obligations().contains("inform-of-transfer-risks")) {
            acted.add("inform-of-transfer-risks (the member was told the risks before consenting)");
        }
        acted.add("shared " + plural(shared, "activity", "activities"));
        return finish("share activities with connected apps (share " + String.join(", ", ACTIVITY_DATA) + " with " + APP
                + " for connected-app-sharing)", asked, String.join(", ", acted));
    }

    /**
     * An objection (V.6, VII): {@code right} is {@code objection} for processing on legitimate interest
     * ({@code objectedTo} a purpose id), or {@code objection-to-direct-marketing} ({@code objectedTo}
     * {@code direct-marketing}). When the pack fulfils it, the objection is recorded and every later
     * request of the member carries it. {@code refusalGrounds}: compelling legitimate grounds or legal
     * claims, when the controller has them.
     */
    public Step object(String title, String memberId, String right, String objectedTo, String... refusalGrounds) {
        Member m = member(memberId);
        RightsDecision d = engine.decide(RightsRequest.builder().right(right).identityVerified(true)
                .refusalGrounds(refusalGrounds).build());   // receivedOn: today, by the engine's clock
        String acted;
        if (hostError(d.reasons())) {
            acted = "the request is the host's error to fix, not an answer for the member";
        } else if (d.outcome() != Outcome.FULFIL) {
            acted = "told the member why; the processing goes on";
        } else {
            List<String> unknown = d.obligationIds().stream().filter(o -> !Set.of("record-objection", "stop-direct-marketing").contains(o)).toList();
            if (!unknown.isEmpty()) {
                acted = "not done: the host cannot honour " + String.join(", ", unknown);
            } else {
                objections.computeIfAbsent(m.id(), k -> new LinkedHashSet<>()).add(objectedTo);
                if ("direct-marketing".equals(objectedTo)) {
                    marketingQueue.removeIf(q -> q.id().equals(m.id()));
                }
                acted = String.join(", ", d.obligationIds()) + " (objection to " + objectedTo + " recorded)";
            }
        }
        return rightsLine(title + " (" + right + ")", d, acted);
    }

    /**
     * Erasure (V.3, VI): on {@code FULFIL} the host closes the account, asks the retention rules about
     * each of the member's records with every purpose ended (the records a legal obligation keeps stay,
     * until the day the pack gives), deletes the rest, and tells every recipient of the member's data
     * (obligation {@code notify-recipients}).
     */
    public Step requestErasure(String title, String memberId, boolean identityVerified, String... erasureGrounds) {
        Member m = member(memberId);
        RightsDecision d = engine.decide(RightsRequest.builder().right("erasure").identityVerified(identityVerified)
                .erasureGrounds(erasureGrounds).build());   // receivedOn: today, by the engine's clock
        String acted;
        if (hostError(d.reasons())) {
            acted = "the request is the host's error to fix, not an answer for the member";
        } else if (d.outcome() == Outcome.VERIFY_IDENTITY) {
            acted = "asked the member for the information that confirms who they are";
        } else if (d.outcome() == Outcome.REFUSE) {
            acted = "told the member why";
        } else if (!Set.of("notify-recipients").containsAll(d.obligationIds())) {
            acted = "not done: the host cannot honour " + String.join(", ", d.obligationIds());
        } else {
            acted = erase(m, LocalDate.now(engine.clock()));
        }
        String what = title + " (erasure" + (erasureGrounds.length == 0 ? "" : " on " + String.join(", ", erasureGrounds)) + ")";
        return rightsLine(what, d, acted);
    }

    private String erase(Member m, LocalDate today) {
        String id = m.id();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        Set<String> disposeReasons = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        // Each stored record, with the purposes it served; the account is closed today and every purpose ended.
        if (decideAndCount(retention("contact.email", today, "account-and-activity"), disposeReasons)) {
            deleted.merge("profile", 1, Integer::sum);
        }
        int nActivities = (int) activities.stream().filter(a -> a.memberId().equals(id)).count();
        if (nActivities > 0 && decideAndCount(retention("activity.gps-track", today, "account-and-activity"), disposeReasons)) {
            activities.removeIf(a -> a.memberId().equals(id));
            deleted.merge("activity", nActivities, Integer::sum);
        }
        int nReadings = (int) heartRates.stream().filter(r -> r.memberId().equals(id)).count();
        if (nReadings > 0 && decideAndCount(retention("health.heart-rate", today, "health-insights"), disposeReasons)) {
            heartRates.removeIf(r -> r.memberId().equals(id));
            deleted.merge("heart-rate reading", nReadings, Integer::sum);
        }
        if (subscriptions.containsKey(id) && decideAndCount(retention("payment.card-token", today, "subscription-payments"), disposeReasons)) {
            subscriptions.remove(id);
            deleted.merge("subscription", 1, Integer::sum);
        }
        for (BillingRecord b : List.copyOf(billingRecords)) {
            if (!b.memberId().equals(id)) {
                continue;
            }
            RetentionDecision r = engine.decide(RetentionQuery.builder().data("billing.record")
                    .purposes("tax-and-accounting", "subscription-payments").purposesFulfilled("tax-and-accounting", "subscription-payments")
                    .event("account-closed", today).event("transaction-completed", b.completedOn()).build());
            if (r.dispose()) {
                billingRecords.remove(b);
                deleted.merge("billing record", 1, Integer::sum);
                r.reasons().forEach(x -> disposeReasons.add(x.clause() + " " + x.code()));
            } else {
                kept.add("kept 1 billing record until " + r.until() + " " + reasons(r.reasons()));
            }
        }
        members.remove(id);
        consents.remove(id);
        parentalConsents.remove(id);
        objections.remove(id);
        apps.remove(id);
        List<String> parts = new ArrayList<>();
        parts.add("deleted " + deleted.entrySet().stream()
                .map(e -> plural(e.getValue(), e.getKey(), e.getKey().equals("activity") ? "activities" : e.getKey() + "s"))
                .collect(Collectors.joining(", ")) + " " + disposeReasons.stream().collect(Collectors.joining(", ", "[", "]")));
        parts.addAll(kept);
        Set<String> told = recipientsOf.getOrDefault(id, Set.of());
        parts.add("notify-recipients (" + plural(told.size(), "recipient") + " told to erase: "
                + (told.isEmpty() ? "none" : String.join(", ", told)) + ")");
        recipientsOf.remove(id);
        return String.join("; ", parts);
    }

    /** Decides a retention query for a record of the member's; true when it goes (its reasons collected). */
    private boolean decideAndCount(RetentionQuery q, Set<String> disposeReasons) {
        RetentionDecision r = engine.decide(q);
        if (r.dispose()) {
            r.reasons().forEach(x -> disposeReasons.add(x.clause() + " " + x.code()));
        }
        return r.dispose();
    }

    private static RetentionQuery retention(String category, LocalDate accountClosed, String purpose) {
        return RetentionQuery.builder().data(category).purposes(purpose).purposesFulfilled(purpose)
                .event("account-closed", accountClosed).build();   // asOf: today, by the engine's clock
    }

    // ---- what the steps left behind, for tests ---------------------------------------------------

    /** The members with an open account. */
    public Collection<Member> members() {
        return List.copyOf(members.values());
    }

    /** The stored activities. */
    public List<Activity> activities() {
        return List.copyOf(activities);
    }

    /** The stored heart-rate readings. */
    public List<HeartRate> heartRates() {
        return List.copyOf(heartRates);
    }

    /** The stored billing records. */
    public List<BillingRecord> billingRecords() {
        return List.copyOf(billingRecords);
    }

    /** The objections recorded for a member (purpose ids or {@code direct-marketing}). */
    public Set<String> objectionsOf(String memberId) {
        return Set.copyOf(objections.getOrDefault(memberId, Set.of()));
    }

    /** How many marketing emails went out. */
    public int marketingEmailsSent() {
        return marketingEmailsSent;
    }

    /** How many activities went to each member's connected app. */
    public Map<String, Integer> activitiesSentToApp() {
        return Map.copyOf(activitiesSentToApp);
    }

    /** The request the service would send for a member: for tests and for the host's own checks. */
    public Subject subjectOf(String memberId, String purpose) {
        return subject(member(memberId), purpose);
    }

    // ---- asking ------------------------------------------------------------------------------------

    /** What the engine said about each member of a step. */
    record Asked(int asked, List<Member> permitted, Map<String, Set<String>> obligationsOf, Set<String> permitReasons,
                 Set<String> refusalReasons, int refused, Set<String> obligations) {
        long permittedWith(String obligation) {
            return obligationsOf.values().stream().filter(o -> o.contains(obligation)).count();
        }
    }

    /**
     * Asks once per member. A permit counts only if the host can honour all of its obligations:
     * {@code canHonour} gives, per member, those this step knows how to honour.
     */
    private Asked ask(Collection<Member> who, Function<Member, ProcessingRequest.Builder> request, Function<Member, Set<String>> canHonour) {
        List<Member> permitted = new ArrayList<>();
        Map<String, Set<String>> obligationsOf = new LinkedHashMap<>();
        Set<String> permitReasons = new LinkedHashSet<>();
        Set<String> refusalReasons = new LinkedHashSet<>();
        Set<String> obligations = new LinkedHashSet<>();
        int refused = 0;
        for (Member m : who) {
            Decision d = engine.decide(request.apply(m).build());
            List<String> cannot = unhonourable(d, canHonour.apply(m));
            if (d.permitted() && cannot.isEmpty()) {
                permitted.add(m);
                d.reasons().forEach(r -> permitReasons.add(r.clause() + " " + r.code()));
                obligations.addAll(d.obligationIds());
                obligationsOf.put(m.id(), Set.copyOf(d.obligationIds()));
            } else {
                refused++;
                if (d.permitted()) {
                    refusalReasons.add("host cannot honour " + String.join(", ", cannot));
                } else {
                    d.reasons().forEach(r -> refusalReasons.add(r.clause() + " " + r.code()));
                }
            }
        }
        return new Asked(who.size(), permitted, obligationsOf, permitReasons, refusalReasons, refused, obligations);
    }

    /** The obligations of a permit that the host does not know how to honour; empty for a deny. */
    static List<String> unhonourable(Decision d, Set<String> canHonour) {
        return d.permitted() ? d.obligationIds().stream().filter(o -> !canHonour.contains(o)).toList() : List.of();
    }

    /** The processor duties the host can honour for {@code processor}: the registers of agreements and clauses. */
    private Set<String> honourable(String processor) {
        Set<String> can = new LinkedHashSet<>();
        if (processingAgreements.contains(processor)) {
            can.add("processing-agreement");
        }
        if (signedSccs.contains(processor)) {
            can.add("standard-contractual-clauses");
        }
        return can;
    }

    private static List<String> processorDuties(Asked asked, String processor) {
        List<String> acted = new ArrayList<>();
        if (asked.obligations().contains("processing-agreement")) {
            acted.add("processing-agreement (agreement with " + processor + " on file)");
        }
        if (asked.obligations().contains("standard-contractual-clauses")) {
            acted.add("standard-contractual-clauses (clauses with " + processor + " signed)");
        }
        return acted;
    }

    private Step finish(String what, Asked a, String acted) {
        String verdict = a.permitted().isEmpty() ? "REFUSED" : "ALLOWED";
        StringBuilder line = new StringBuilder(what).append(": ").append(verdict);
        if (!a.permitted().isEmpty()) {
            line.append(" for ").append(a.permitted().size()).append(" of ").append(plural(a.asked(), "member"))
                    .append(" [").append(String.join(", ", a.permitReasons())).append("]");
            if (a.refused() > 0) {
                line.append(", refused for ").append(a.refused());
            }
        }
        if (a.refused() > 0) {
            line.append(" [").append(String.join(", ", a.refusalReasons())).append("]");
        }
        if (!a.permitted().isEmpty() && a.obligations().isEmpty()) {
            line.append("; no obligations");
        }
        // Otherwise `acted` names each obligation with what the step did to honour it.
        return journal(verdict, line.append("; ").append(acted).toString());
    }

    private Step rightsLine(String what, RightsDecision d, String acted) {
        String verdict = d.outcome().id().toUpperCase(Locale.ROOT);
        return journal(verdict, what + ": " + verdict + (d.respondBy() == null ? "" : " by " + d.respondBy()) + " "
                + reasons(d.reasons()) + "; " + acted);
    }

    private Step journal(String verdict, String text) {
        Step step = new Step(++steps, verdict, String.format("%2d. %s", steps, text));
        journal.accept(step.line());
        return step;
    }

    private static ProcessingRequest.Builder request(String action, String purpose, List<String> data) {
        return ProcessingRequest.builder().action(action).purpose(purpose).data(data);
    }

    /** The member as the pack needs them for {@code purpose}: a parent's consent counts for the purpose it was given for. */
    private Subject subject(Member m, String purpose) {
        String parentKind = parentalConsents.getOrDefault(m.id(), Map.of()).get(purpose);
        Subject s = new Subject(m.age(), parentKind != null, consents.getOrDefault(m.id(), List.of()), parentKind)
                .livingIn(m.country());
        return s.withObjections(objections.getOrDefault(m.id(), Set.of()).toArray(String[]::new));
    }

    private void sentTo(Member m, String recipient) {
        recipientsOf.computeIfAbsent(m.id(), k -> new LinkedHashSet<>()).add(recipient);
    }

    private Member member(String id) {
        Member m = members.get(id);
        if (m == null) {
            throw new IllegalArgumentException("no member with that id");
        }
        return m;
    }

    private static Set<String> ids(List<Member> ms) {
        return ms.stream().map(Member::id).collect(Collectors.toSet());
    }

    private static boolean hostError(List<Reason> reasons) {
        return reasons.stream().anyMatch(r -> r.code().equals("invalid-request") || r.code().equals("internal-error"));
    }

    private static String reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> r.clause() + " " + r.code()).distinct().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String plural(int n, String noun) {
        return plural(n, noun, noun + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    // ---- a day of the service ----------------------------------------------------------------------

    /**
     * Runs a sample day against {@code engine}: sign-up, hosting, activities, Premium, health insights,
     * analytics, marketing through the US email processor, connected apps, two objections, and an
     * erasure. The members are made up.
     *
     * @return the service, to inspect what the day left behind
     */
    public static PulseTrackService runSampleDay(PolicyEngine engine, Consumer<String> out) {
        out.accept("PulseTrack host on " + LocalDate.now(engine.clock()) + " (" + engine.clock().getZone() + "), pack "
                + engine.policy().id() + " " + engine.policy().version() + " (a fictional company)");
        PulseTrackService service = new PulseTrackService(engine, Set.of(HOSTING, PAYMENTS, EMAIL, "support-software"),
                Set.of(EMAIL, "support-software"), out);

        service.signUp(FitnessSampleData.APPLICANTS);
        service.storeAccountsWithHostingProvider();
        service.recordActivities(FitnessSampleData.ACTIVITIES);

        service.subscribe(FitnessSampleData.PREMIUM);
        service.chargeSubscriptions();
        service.keepBillingRecords(FitnessSampleData.payments(LocalDate.now(engine.clock())));

        // The consent screens of the app: explicit consents to health insights (m-5 ticked an ordinary
        // box only), a parent's verified explicit consent for the 15-year-old, marketing opt-ins (m-2
        // without a parent), and connected apps.
        for (String id : List.of("m-1", "m-2", "m-3")) {
            service.recordConsent(id, Consent.toPurpose("health-insights").ofKind("explicit"));
        }
        service.recordConsent("m-5", Consent.toPurpose("health-insights"));
        service.recordParentalConsent("m-2", "health-insights", "explicit", true);
        for (String id : List.of("m-1", "m-2", "m-3", "m-5")) {
            service.recordConsent(id, Consent.toPurpose("marketing"));
        }
        service.connectApp("m-1", new ConnectedApp("NL", false, false));   // a running club's app in the Netherlands
        service.connectApp("m-5", new ConnectedApp("US", false, false));   // a US app that syncs every day

        service.healthInsights(FitnessSampleData.HEART_RATES);
        service.productAnalytics("product analytics");
        service.composeMarketing("marketing email");
        service.sendMarketingThroughEmailProcessor();
        service.shareWithConnectedApps();

        service.object("member objects to product analytics", "m-3", "objection", "analytics-and-security");
        service.productAnalytics("product analytics after the objection");
        service.object("member objects to direct marketing", "m-1", "objection-to-direct-marketing", "direct-marketing");
        service.composeMarketing("marketing email after the objection");
        service.sendMarketingThroughEmailProcessor();

        service.requestErasure("member closes the account and asks for erasure, identity in doubt", "m-5", false, "no-longer-needed");
        service.requestErasure("erasure, identity confirmed", "m-5", true, "no-longer-needed");
        return service;
    }

    /** Runs the sample day on the PulseTrack pack, with the fixed clock {@link #SAMPLE_CLOCK}, printing each step. */
    public static void main(String[] args) {
        PolicyEngine engine = PolicyEngine.load(PACK).withClock(SAMPLE_CLOCK);   // load once, at start-up
        runSampleDay(engine, System.out::println);
    }
}
