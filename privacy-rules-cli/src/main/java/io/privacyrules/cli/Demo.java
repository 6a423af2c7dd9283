package io.privacyrules.cli;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import java.util.List;

/** Realistic requests of a ConnectedDrive-style service, for {@code privacy-rules demo}. */
final class Demo {
    record Step(String story, ProcessingRequest request) {
    }

    private Demo() {
    }

    static List<Step> steps() {
        return List.of(
                new Step("Sign a customer up: collect name, mobile number and ID number for the contract",
                        ProcessingRequest.builder().action("collect").purpose("contract-conclusion")
                                .data("identity.name", "contact.mobile", "identity.id-number").age(35).build()),
                new Step("Also collect the customer's email address for the contract (not declared for it)",
                        ProcessingRequest.builder().action("collect").purpose("contract-conclusion")
                                .data("contact.email").age(35).build()),
                new Step("A 12-year-old registers an account without a parent",
                        ProcessingRequest.builder().action("collect").purpose("account-registration")
                                .data("account.credentials").age(12).build()),
                new Step("Use trip and sensor data to develop new products (no consent to product development)",
                        ProcessingRequest.builder().action("use").purpose("product-development")
                                .data("vehicle.location", "vehicle.sensor-data").age(35).build()),
                new Step("Send a service report to an authorized dealer, who has the customer's consent",
                        ProcessingRequest.builder().action("share").purpose("service-analytics")
                                .data("identity.gender").recipient("authorized-dealer").age(35)
                                .consent(Consent.toRecipient("authorized-dealer")).build()),
                new Step("Send a marketing newsletter after the customer withdrew marketing consent",
                        ProcessingRequest.builder().action("use").purpose("marketing").data("contact.email").age(35)
                                .consent(Consent.toPurpose("marketing").withdraw()).build()),
                new Step("Share vehicle identifiers with BMW AG in Germany, with the customer's consent",
                        ProcessingRequest.builder().action("share").purpose("after-sales-service")
                                .data("vehicle.identifiers").recipient("bmw-ag").age(35)
                                .consent(Consent.toRecipient("bmw-ag")).build()),
                new Step("Give customer-service work to an outsourced call centre",
                        ProcessingRequest.builder().action("entrust").purpose("customer-service")
                                .data("identity.name", "contact.mobile").recipient("entrusted-processor").build()),
                new Step("Hand the data over to the company that acquires the operator",
                        ProcessingRequest.builder().action("transfer").purpose("contract-fulfilment")
                                .data("vehicle.identifiers").recipient("acquirer").build()),
                new Step("A request with a misspelt purpose (\"marketting\")",
                        ProcessingRequest.builder().action("use").purpose("marketting").data("contact.email").build()));
    }
}
