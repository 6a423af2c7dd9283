package io.privacyrules.examples.spring;

/**
 * The form of a second emergency contact, as the app posts it. The policy never sees these
 * values: it is asked about the category {@code emergency-contact.secondary}.
 *
 * @param name                        the contact's name
 * @param relationship                how the contact relates to the customer
 * @param mobile                      the contact's mobile number
 * @param consentToServiceImprovement whether the customer ticked the consent box for service improvement
 */
public record EmergencyContactForm(String name, String relationship, String mobile,
                                   boolean consentToServiceImprovement) {
}
