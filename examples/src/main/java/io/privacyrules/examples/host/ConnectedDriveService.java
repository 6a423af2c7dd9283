package io.privacyrules.examples.host;

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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A ConnectedDrive-style back end that asks the seed pack before every step and acts on the answer.
 *
 * <p>Each step builds one request per customer it touches, goes ahead only for the customers the
 * engine permits, and honours every obligation of those permits before it uses the data. A permit
 * carrying an obligation the step does not know how to honour is treated as a refusal: the engine
 * lists obligations but cannot check them, so the host must not ignore one. Each step writes one
 * line to the journal, naming the verdict, the clauses and reason codes, and the obligations acted
 * on. The journal never carries personal data values (names, phone numbers, VINs, positions): only
 * ids of actions, purposes, categories and recipients, clauses, and counts.
 *
 * <p>The stores are in memory and stand in for the host's database. Not thread-safe: one instance
 * serves one run. Run {@link #main} (or {@code examples/run-host}) to see a day of the service.
 */
public final class ConnectedDriveService {
    /** The seed pack. */
    public static final String PACK = "classpath:bmw-connected-drive-cn";
    /** The fixed "now" of the sample day: 26 November 2026, 10:00 in Shanghai. */
    public static final Clock SAMPLE_CLOCK = Clock.fixed(Instant.parse("2026-11-26T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /** The contract data collected at registration (I.1(1)). */
    static final List<String> REGISTRATION_DATA = List.of("identity.name", "identity.gender", "contact.mobile", "identity.id-number");
    /** What a vehicle uploads (I.2). */
    static final List<String> TELEMATICS_DATA = List.of("vehicle.identifiers", "vehicle.location", "vehicle.sensor-data");
    /** What product development looks at (I.3). */
    static final List<String> PRODUCT_DEVELOPMENT_DATA = List.of("vehicle.location", "vehicle.sensor-data");
    private static final String DEALER = "authorized-dealer";
    /** The smallest group an anonymous report may show. */
    static final int MIN_GROUP = 2;

    /**
     * A customer as the service stores them. Name, mobile number and id number are personal data:
     * the service uses them but never prints them.
     */
    public record Customer(String id, String name, String gender, String mobile, String idNumber, int age,
                           boolean guardianConsent) {
    }

    /** One upload of a vehicle: who, which car, where, and the battery voltage. */
    public record TelematicsReading(String customerId, String vin, double latitude, double longitude, double batteryVolts) {
    }

    /** A reading after anonymization (I.3): no customer, no vehicle, the position cut to a one-degree cell. */
    public record AnonymousReading(String cell, double batteryVolts) {
    }

    /** What the dealer receives (I.4): counts per group, no customer in it. */
    public record DealerReport(Map<String, Integer> customersPerGroup) {
        /** The number of customers counted. */
        public int customers() {
            return customersPerGroup.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** An archived record, for the nightly retention sweep. Dates may be null (not ended, unknown). */
    public record ArchivedRecord(String category, List<String> purposes, List<String> fulfilled, LocalDate contractEndedOn,
                                 LocalDate transactionCompletedOn, LocalDate serviceLifeEndsOn) {
    }

    /**
     * The outcome of a step.
     *
     * @param number the step's number in this run, from 1
     * @param verdict {@code ALLOWED} or {@code REFUSED} for processing, the outcome for a data-subject
     *                request ({@code FULFIL}, {@code REFUSE}, {@code VERIFY-IDENTITY}), {@code DISPOSED}
     *                or {@code KEPT} for the retention sweep
     * @param line the journal line
     */
    public record Step(int number, String verdict, String line) {
    }

    private final PolicyEngine engine;
    private final Set<String> ndasOnFile;
    private final Consumer<String> journal;
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, List<Consent>> consents = new LinkedHashMap<>();
    private final List<TelematicsReading> readings = new ArrayList<>();
    private final Map<String, Set<String>> personalDataSentTo = new LinkedHashMap<>();
    private final Set<String> backupPurgeQueue = new LinkedHashSet<>();
    private List<AnonymousReading> lastProductDevelopmentInput = List.of();
    private DealerReport lastDealerReport;
    private int steps;

    /**
     * @param engine     the engine to ask, with the clock that says what day it is
     * @param ndasOnFile the recipients that have signed a non-disclosure agreement with us
     * @param journal    where the step lines go
     * @throws NullPointerException if an argument is null
     */
    public ConnectedDriveService(PolicyEngine engine, Set<String> ndasOnFile, Consumer<String> journal) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ndasOnFile = Set.copyOf(Objects.requireNonNull(ndasOnFile, "ndasOnFile"));
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    // ---- the steps -------------------------------------------------------------------------

    /** Registration: collect the contract data (I.1(1)) of each applicant; store those permitted. */
    public Step register(String title, List<Customer> applicants) {
        Asked asked = ask(applicants, c -> request("collect", "contract-conclusion", REGISTRATION_DATA).subject(subject(c)), Set.of());
        asked.permitted().forEach(c -> customers.put(c.id(), c));
        int stored = asked.permitted().size();
        return finish(title + " (collect " + String.join(", ", REGISTRATION_DATA) + " for contract-conclusion)", asked,
                stored == 0 ? "stored nothing" : "stored " + plural(stored, "profile"));
    }

    /** The app's consent screen: the customer gives a consent. */
    public void recordConsent(String customerId, Consent consent) {
        consents.computeIfAbsent(customerId, k -> new ArrayList<>()).add(consent);
    }

    /** The app's consent screen: the customer withdraws every consent to {@code purpose}. */
    public void withdrawConsentTo(String customerId, String purpose) {
        consents.computeIfPresent(customerId, (k, list) -> new ArrayList<>(list.stream()
                .map(c -> purpose.equals(c.purpose()) ? c.withdraw() : c).toList()));
    }

    /** Telematics upload: collect the vehicles' data to provide the service (I.2); store what is permitted. */
    public Step uploadTelematics(List<TelematicsReading> uploads) {
        List<Customer> senders = uploads.stream().map(r -> customers.get(r.customerId())).filter(Objects::nonNull).distinct().toList();
        int unknownSenders = (int) uploads.stream().filter(r -> !customers.containsKey(r.customerId())).count();
        Asked asked = ask(senders, c -> request("collect", "contract-fulfilment", TELEMATICS_DATA).subject(subject(c)), Set.of());
        Set<String> allowed = ids(asked.permitted());
        List<TelematicsReading> kept = uploads.stream().filter(r -> allowed.contains(r.customerId())).toList();
        readings.addAll(kept);
        return finish("telematics upload (collect " + String.join(", ", TELEMATICS_DATA) + " for contract-fulfilment)", asked,
                "stored " + plural(kept.size(), "reading") + ", dropped " + (uploads.size() - kept.size())
                        + " (" + (uploads.size() - kept.size() - unknownSenders) + " refused, " + unknownSenders + " of no customer)");
    }

    /**
     * Product development (I.3): look at the stored readings, anonymized unless the customer consented
     * to product development. This host anonymizes whenever any permit asks for it.
     */
    public Step developProducts() {
        Asked asked = ask(customersWithReadings(), c -> request("use", "product-development", PRODUCT_DEVELOPMENT_DATA).subject(subject(c)),
                Set.of("anonymize"));
        Set<String> allowed = ids(asked.permitted());
        List<TelematicsReading> usable = readings.stream().filter(r -> allowed.contains(r.customerId())).toList();
        // This analysis needs no identities, so it always runs on anonymized readings; with the
        // obligation anonymize (I.3) that is a duty, not a choice.
        lastProductDevelopmentInput = usable.stream().map(ConnectedDriveService::anonymize).toList();
        List<String> acted = new ArrayList<>();
        if (asked.obligations().contains("anonymize")) {
            acted.add("anonymize (" + plural(usable.size(), "reading") + " without customer or vehicle ids, positions cut to one-degree cells)");
        }
        long cells = lastProductDevelopmentInput.stream().map(AnonymousReading::cell).distinct().count();
        acted.add("used " + plural(lastProductDevelopmentInput.size(), "reading") + " in " + plural((int) cells, "cell"));
        return finish("product development (use " + String.join(", ", PRODUCT_DEVELOPMENT_DATA) + " for product-development)", asked,
                String.join("; ", acted));
    }

    /**
     * The dealer's service report (III.2(1)(b), I.4): share each customer's gender with the dealer,
     * for the customers who consented, as one aggregated, anonymous report under an NDA.
     */
    public Step reportToDealer() {
        Set<String> canHonour = new LinkedHashSet<>(List.of("aggregate", "anonymize"));
        if (ndasOnFile.contains(DEALER)) {
            canHonour.add("confidentiality-agreement");
        }
        Asked asked = ask(customers.values(), c -> request("share", "service-analytics", List.of("identity.gender"))
                .recipient(DEALER).subject(subject(c)), canHonour);
        List<String> acted = new ArrayList<>();
        if (!asked.permitted().isEmpty()) {
            Set<String> obligations = asked.obligations();
            // aggregate: counts per group, never rows; anonymize: no customer id reaches the report.
            Map<String, Integer> counts = new TreeMap<>();
            asked.permitted().forEach(c -> counts.merge(c.gender(), 1, Integer::sum));
            int suppressed = 0;
            if (obligations.contains("anonymize")) {
                // A group smaller than MIN_GROUP would point at a person: leave it out of the report.
                suppressed = counts.values().stream().filter(n -> n < MIN_GROUP).mapToInt(Integer::intValue).sum();
                counts.values().removeIf(n -> n < MIN_GROUP);
            }
            lastDealerReport = new DealerReport(Map.copyOf(counts));
            if (obligations.contains("aggregate")) {
                acted.add("aggregate (1 report of " + plural(lastDealerReport.customers(), "customer") + " in "
                        + plural(counts.size(), "group") + ")");
            }
            if (obligations.contains("anonymize")) {
                acted.add("anonymize (no customer id in the report, " + plural(suppressed, "customer") + " in groups under "
                        + MIN_GROUP + " left out)");
            }
            if (obligations.contains("confidentiality-agreement")) {
                acted.add("confidentiality-agreement (NDA with " + DEALER + " on file)");
            }
            acted.add("sent 1 report");   // an anonymous aggregate: no personal data reached the dealer
        } else {
            acted.add("sent nothing");
        }
        return finish("dealer report (share identity.gender with " + DEALER + " for service-analytics)", asked, String.join(", ", acted));
    }

    /**
     * A customer-service case handed to the call centre (III.1): entrust the customer's name and
     * mobile number to the processor, under a non-disclosure agreement.
     */
    public Step entrustServiceCase(String customerId) {
        Customer c = customer(customerId);
        String processor = "entrusted-processor";
        List<String> data = List.of("identity.name", "contact.mobile");
        Set<String> canHonour = ndasOnFile.contains(processor) ? Set.of("confidentiality-agreement") : Set.of();
        Asked asked = ask(List.of(c), x -> request("entrust", "customer-service", data).recipient(processor).subject(subject(x)), canHonour);
        List<String> acted = new ArrayList<>();
        if (!asked.permitted().isEmpty()) {
            if (asked.obligations().contains("confidentiality-agreement")) {
                acted.add("confidentiality-agreement (NDA with " + processor + " on file)");
            }
            personalDataSentTo.computeIfAbsent(customerId, k -> new LinkedHashSet<>()).add(processor);   // for erasure (V.3)
            acted.add("handed over 1 case");
        } else {
            acted.add("handed over nothing");
        }
        return finish("customer-service case to the call centre (entrust " + String.join(", ", data) + " to " + processor
                + " for customer-service)", asked, String.join(", ", acted));
    }

    /** Marketing (I.6): text one customer about an offer, if their consents allow it. */
    public Step sendMarketing(String title, String customerId) {
        Customer c = customer(customerId);
        Asked asked = ask(List.of(c), x -> request("use", "marketing", List.of("contact.mobile")).subject(subject(x)), Set.of());
        int sent = asked.permitted().size();   // here the host would send a text to c.mobile()
        return finish(title + " (use contact.mobile for marketing)", asked, sent == 0 ? "sent nothing" : "sent " + plural(sent, "message"));
    }

    /**
     * A data-subject request to erase a customer's data (V.3). On {@code FULFIL} the host deletes the
     * profile, the readings and the consents, tells every recipient of personal data (obligation
     * {@code notify-recipients}) and queues the backups for purging (obligation
     * {@code purge-backups-on-next-update}).
     */
    public Step requestErasure(String title, String customerId, boolean identityVerified, String... erasureGrounds) {
        customer(customerId);
        RightsDecision d = engine.decide(RightsRequest.builder().right("erasure").identityVerified(identityVerified)
                .erasureGrounds(erasureGrounds).build());   // receivedOn: today, by the engine's clock
        String verdict = d.outcome().id().toUpperCase(java.util.Locale.ROOT);
        String head = title + " (erasure" + (erasureGrounds.length == 0 ? "" : " on " + String.join(", ", erasureGrounds)) + "): "
                + verdict + (d.respondBy() == null ? "" : " by " + d.respondBy()) + " " + reasons(d.reasons());
        String acted;
        if (hostError(d.reasons())) {
            acted = "the request is the host's error to fix, not an answer for the customer";
        } else if (d.outcome() == Outcome.VERIFY_IDENTITY) {
            acted = "asked the customer to verify their identity";
        } else if (d.outcome() == Outcome.REFUSE) {
            acted = "told the customer why";
        } else {
            Set<String> handled = Set.of("notify-recipients", "purge-backups-on-next-update");
            List<String> unknown = d.obligationIds().stream().filter(o -> !handled.contains(o)).toList();
            if (!unknown.isEmpty()) {
                acted = "not done: the host cannot honour " + String.join(", ", unknown);
            } else {
                int readingsDeleted = (int) readings.stream().filter(r -> r.customerId().equals(customerId)).count();
                readings.removeIf(r -> r.customerId().equals(customerId));
                customers.remove(customerId);
                consents.remove(customerId);
                List<String> parts = new ArrayList<>();
                parts.add("deleted 1 profile and " + plural(readingsDeleted, "reading"));
                Set<String> recipients = personalDataSentTo.getOrDefault(customerId, Set.of());
                if (d.obligationIds().contains("notify-recipients")) {
                    parts.add("notify-recipients (" + plural(recipients.size(), "recipient") + " told to delete: "
                            + (recipients.isEmpty() ? "none" : String.join(", ", recipients)) + ")");
                }
                personalDataSentTo.remove(customerId);
                if (d.obligationIds().contains("purge-backups-on-next-update")) {
                    backupPurgeQueue.add(customerId);
                    parts.add("purge-backups-on-next-update (" + plural(backupPurgeQueue.size(), "purge") + " queued)");
                }
                acted = String.join(", ", parts);
            }
        }
        return journal(verdict, head + "; " + acted);
    }

    /** The nightly retention sweep: delete the archived records the pack says to dispose of today. */
    public Step nightlySweep(List<ArchivedRecord> archive) {
        List<ArchivedRecord> dispose = engine.toDispose(archive.stream(), ConnectedDriveService::retentionQuery).toList();
        // Only for the journal: why each of them goes (toDispose answers which, not why).
        Set<String> why = new LinkedHashSet<>();
        for (ArchivedRecord r : dispose) {
            RetentionDecision d = engine.decide(retentionQuery(r));
            d.reasons().forEach(x -> why.add(x.clause() + " " + x.code()));
        }
        int kept = archive.size() - dispose.size();
        String verdict = dispose.isEmpty() ? "KEPT" : "DISPOSED";
        return journal(verdict, "nightly retention sweep (" + plural(archive.size(), "archived record") + "): " + verdict + " "
                + dispose.size() + " of " + archive.size() + (why.isEmpty() ? "" : " [" + String.join(", ", why) + "]")
                + "; deleted " + plural(dispose.size(), "record") + ", kept " + kept);
    }

    // ---- what the steps left behind, for tests -----------------------------------------------

    /** The stored customers. */
    public Collection<Customer> customers() {
        return List.copyOf(customers.values());
    }

    /** The stored telematics readings. */
    public List<TelematicsReading> readings() {
        return List.copyOf(readings);
    }

    /** What the last product-development step used: anonymous readings only. */
    public List<AnonymousReading> lastProductDevelopmentInput() {
        return lastProductDevelopmentInput;
    }

    /** The last report sent to the dealer, or null. */
    public DealerReport lastDealerReport() {
        return lastDealerReport;
    }

    // ---- asking ------------------------------------------------------------------------------

    /** What the engine said about each customer of a step. */
    record Asked(int asked, List<Customer> permitted, Set<String> permitReasons, Set<String> refusalReasons, int refused,
                 Set<String> obligations) {
    }

    /**
     * Asks once per customer. A permit counts only if the host can honour all of its obligations:
     * {@code canHonour} lists those this step knows how to honour.
     */
    private Asked ask(Collection<Customer> who, Function<Customer, ProcessingRequest.Builder> request, Set<String> canHonour) {
        List<Customer> permitted = new ArrayList<>();
        Set<String> permitReasons = new LinkedHashSet<>();
        Set<String> refusalReasons = new LinkedHashSet<>();
        Set<String> obligations = new LinkedHashSet<>();
        int refused = 0;
        for (Customer c : who) {
            Decision d = engine.decide(request.apply(c).build());
            List<String> cannot = unhonourable(d, canHonour);
            if (d.permitted() && cannot.isEmpty()) {
                permitted.add(c);
                d.reasons().forEach(r -> permitReasons.add(r.clause() + " " + r.code()));
                obligations.addAll(d.obligationIds());
            } else {
                refused++;
                if (d.permitted()) {
                    refusalReasons.add("host cannot honour " + String.join(", ", cannot));
                } else {
                    d.reasons().forEach(r -> refusalReasons.add(r.clause() + " " + r.code()));
                }
            }
        }
        return new Asked(who.size(), permitted, permitReasons, refusalReasons, refused, obligations);
    }

    /** The obligations of a permit that the host does not know how to honour; empty for a deny. */
    static List<String> unhonourable(Decision d, Set<String> canHonour) {
        return d.permitted() ? d.obligationIds().stream().filter(o -> !canHonour.contains(o)).toList() : List.of();
    }

    private Step finish(String what, Asked a, String acted) {
        String verdict = a.permitted().isEmpty() ? "REFUSED" : "ALLOWED";
        StringBuilder line = new StringBuilder(what).append(": ").append(verdict);
        if (!a.permitted().isEmpty()) {
            line.append(" for ").append(a.permitted().size()).append(" of ").append(plural(a.asked(), "customer"))
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

    private Step journal(String verdict, String text) {
        Step step = new Step(++steps, verdict, String.format("%2d. %s", steps, text));
        journal.accept(step.line());
        return step;
    }

    private static ProcessingRequest.Builder request(String action, String purpose, List<String> data) {
        return ProcessingRequest.builder().action(action).purpose(purpose).data(data);
    }

    private Subject subject(Customer c) {
        return new Subject(c.age(), c.guardianConsent(), consents.getOrDefault(c.id(), List.of()));
    }

    private static RetentionQuery retentionQuery(ArchivedRecord r) {
        return RetentionQuery.builder().data(r.category())
                .purposes(r.purposes().toArray(String[]::new)).purposesFulfilled(r.fulfilled().toArray(String[]::new))
                .event("contract-ended", r.contractEndedOn()).event("transaction-completed", r.transactionCompletedOn())
                .event("service-life-ended", r.serviceLifeEndsOn())
                .build();   // asOf: today, by the engine's clock
    }

    /** I.3: drop the customer and the vehicle, keep the position only to a one-degree cell. */
    static AnonymousReading anonymize(TelematicsReading r) {
        return new AnonymousReading((int) Math.floor(r.latitude()) + "N/" + (int) Math.floor(r.longitude()) + "E", r.batteryVolts());
    }

    private List<Customer> customersWithReadings() {
        Set<String> withReadings = readings.stream().map(TelematicsReading::customerId).collect(Collectors.toSet());
        return customers.values().stream().filter(c -> withReadings.contains(c.id())).toList();
    }

    private Customer customer(String id) {
        Customer c = customers.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no stored customer with that id");
        }
        return c;
    }

    private static Set<String> ids(List<Customer> cs) {
        return cs.stream().map(Customer::id).collect(Collectors.toSet());
    }

    private static boolean hostError(List<Reason> reasons) {
        return reasons.stream().anyMatch(r -> r.code().equals("invalid-request") || r.code().equals("internal-error"));
    }

    private static String reasons(List<Reason> reasons) {
        return reasons.stream().map(r -> r.clause() + " " + r.code()).distinct().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    // ---- a day of the service ------------------------------------------------------------------

    /**
     * Runs a sample day against {@code engine}: registration, telematics, product development, the
     * dealer report, marketing consent, an erasure request and the nightly sweep. The data is made up.
     *
     * @return the service, to inspect what the day left behind
     */
    public static ConnectedDriveService runSampleDay(PolicyEngine engine, Consumer<String> out) {
        out.accept("ConnectedDrive host on " + LocalDate.now(engine.clock()) + " (" + engine.clock().getZone() + "), pack "
                + engine.policy().id() + " " + engine.policy().version());
        ConnectedDriveService service = new ConnectedDriveService(engine, Set.of(DEALER, "entrusted-processor"), out);

        service.register("register 4 adult customers", SampleData.ADULTS);
        service.register("register a 12-year-old without a guardian's consent", List.of(SampleData.CHILD));
        service.register("register the 12-year-old with a guardian's consent", List.of(SampleData.CHILD_WITH_GUARDIAN));
        for (String id : List.of("c-1", "c-2", "c-3")) {   // the consent screen, at registration
            service.recordConsent(id, Consent.toRecipient(DEALER));
        }

        service.uploadTelematics(SampleData.READINGS);
        service.developProducts();
        service.reportToDealer();
        service.entrustServiceCase("c-4");

        service.sendMarketing("marketing text before any consent", "c-2");
        service.recordConsent("c-2", Consent.toPurpose("marketing"));
        service.sendMarketing("marketing text after the customer opted in", "c-2");
        service.withdrawConsentTo("c-2", "marketing");
        service.sendMarketing("marketing text after the customer withdrew", "c-2");

        service.requestErasure("data-subject request, identity not yet verified", "c-4", false, "service-no-longer-used");
        service.requestErasure("data-subject request, identity verified", "c-4", true, "service-no-longer-used");

        service.nightlySweep(SampleData.ARCHIVE);
        return service;
    }

    /** Runs the sample day on the seed pack, with the fixed clock {@link #SAMPLE_CLOCK}, printing each step. */
    public static void main(String[] args) {
        PolicyEngine engine = PolicyEngine.load(PACK).withClock(SAMPLE_CLOCK);   // load once, at start-up
        runSampleDay(engine, System.out::println);
    }
}
