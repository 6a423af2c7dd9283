package io.privacyrules.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vocabulary of the seed pack {@code bmw-connected-drive-cn} (policy.yaml), written out by hand
 * for the hand-written floor, the jCasbin and Cedar translations and the request generator.
 * {@code HandWrittenAgreementTest} keeps it honest against the engine.
 */
public final class Seed {
    public static final String LOCATION = "classpath:bmw-connected-drive-cn";
    public static final String HOME = "CN";
    /** VI: subjects under this age are children. */
    public static final int CHILD_UNDER = 14;

    public static final List<String> ACTIONS = List.of(
            "collect", "use", "share", "entrust", "transfer", "disclose", "cross-border-transfer");
    public static final Set<String> ACTION_SET = Set.copyOf(ACTIONS);
    /** Actions that hand data over and so need a recipient. */
    public static final Set<String> NEEDS_RECIPIENT = Set.of("share", "entrust", "transfer");

    public static final List<String> CONTRACT_CONCLUSION_DATA = List.of(
            "identity.name", "identity.gender", "contact.mobile", "identity.id-number", "identity.id-address",
            "emergency-contact.primary", "account.remote-service-password", "enterprise.name");
    public static final List<String> CONTRACT_FULFILMENT_DATA = List.of(
            "vehicle.identifiers", "vehicle.location", "vehicle.driving-direction", "vehicle.service-data",
            "vehicle.accident-data", "vehicle.sensor-data", "service.online-content", "service.call-records",
            "feedback.app-data");

    public static final List<String> CATEGORIES = List.of(
            "identity.name", "identity.gender", "contact.mobile", "identity.id-number", "identity.id-address",
            "emergency-contact.primary", "account.remote-service-password", "enterprise.name",
            "account.credentials", "emergency-contact.secondary",
            "vehicle.identifiers", "vehicle.location", "vehicle.driving-direction", "vehicle.service-data",
            "vehicle.accident-data", "vehicle.sensor-data", "service.online-content", "service.call-records",
            "feedback.app-data", "contact.email", "vehicle.basic", "vehicle.maintenance", "vehicle.status",
            "contract.record", "financial.transaction", "financial.bank-account");
    public static final Set<String> CATEGORY_SET = Set.copyOf(CATEGORIES);

    /** A purpose: the actions it permits and its data ({@code null}: any category). */
    public record Purpose(String id, Set<String> actions, Set<String> data) {
        public boolean allows(String category) {
            return data == null || data.contains(category);
        }
    }

    public static final Map<String, Purpose> PURPOSES = Map.ofEntries(
            purpose("contract-conclusion", Set.of("collect", "use"), Set.copyOf(CONTRACT_CONCLUSION_DATA)),
            purpose("account-registration", Set.of("collect", "use"), Set.of("account.credentials")),
            purpose("service-improvement", Set.of("collect", "use"), Set.of("emergency-contact.secondary")),
            purpose("contract-fulfilment", Set.of("collect", "use"), Set.copyOf(CONTRACT_FULFILMENT_DATA)),
            purpose("product-development", Set.of("use"), Set.copyOf(CONTRACT_FULFILMENT_DATA)),
            purpose("service-analytics", Set.of("use"), Set.copyOf(CONTRACT_CONCLUSION_DATA)),
            purpose("after-sales-service", Set.of("use"),
                    Set.of("vehicle.identifiers", "vehicle.service-data", "vehicle.sensor-data")),
            purpose("customer-service", Set.of("collect", "use"), Set.of("identity.name", "contact.mobile", "contact.email")),
            purpose("marketing", Set.of("collect", "use"), null),
            purpose("legal-obligation", Set.of("collect", "use"), Set.of("vehicle.basic", "vehicle.maintenance", "vehicle.status")),
            purpose("it-operations", Set.of("use"), null));

    /** The purposes in the order policy.yaml declares them. */
    public static final List<String> PURPOSE_IDS = List.of(
            "contract-conclusion", "account-registration", "service-improvement", "contract-fulfilment",
            "product-development", "service-analytics", "after-sales-service", "customer-service", "marketing",
            "legal-obligation", "it-operations");

    /** Recipient id to the country it lies in. */
    public static final Map<String, String> RECIPIENTS = Map.of(
            "bmw", "CN", "bmw-affiliate", "CN", "bmw-ag", "DE", "authorized-dealer", "CN",
            "entrusted-processor", "CN", "third-party", "CN", "government-authority", "CN", "acquirer", "CN");

    public static final List<String> RECIPIENT_IDS = List.of(
            "bmw", "bmw-affiliate", "bmw-ag", "authorized-dealer", "entrusted-processor", "third-party",
            "government-authority", "acquirer");

    /** The obligations in the order policy.yaml declares them (the order of a decision's obligations). */
    public static final List<String> OBLIGATIONS = List.of(
            "anonymize", "aggregate", "confidentiality-agreement", "successor-bound-by-policy");

    private Seed() {
    }

    private static Map.Entry<String, Purpose> purpose(String id, Set<String> actions, Set<String> data) {
        return Map.entry(id, new Purpose(id, actions, data));
    }
}
