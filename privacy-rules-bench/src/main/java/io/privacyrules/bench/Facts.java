package io.privacyrules.bench;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import java.util.List;

/**
 * What the seed pack's rules test, derived from a request once: the same attributes the engine's
 * {@code Request} fact computes (abroad, child, data declared for the purpose, which consents
 * cover the request). The hand-written floor, jCasbin and Cedar all start from these, so each of
 * them pays for validating the request and deriving the attributes inside its benchmark, as the
 * engine does.
 */
public final class Facts {
    public final String action;
    public final String purpose;
    /** The declaration of {@link #purpose}. */
    public final Seed.Purpose purposeDef;
    /** The recipient, or the empty string when none. */
    public final String recipient;
    public final boolean anonymized;
    public final boolean aggregated;
    public final boolean requiredByLaw;
    public final boolean protectsChild;
    public final boolean child;
    public final boolean guardianConsent;
    public final boolean abroad;
    public final boolean dataDeclaredForPurpose;
    public final boolean dataWithinContractFulfilment;
    public final boolean consentNamingPurpose;
    public final boolean consentNamingRecipient;
    public final boolean consentNamingAction;

    private Facts(ProcessingRequest r, Seed.Purpose p) {
        this.action = r.action();
        this.purpose = r.purpose();
        this.purposeDef = p;
        this.recipient = r.recipient() == null ? "" : r.recipient();
        this.anonymized = r.anonymized();
        this.aggregated = r.aggregated();
        this.requiredByLaw = r.requiredByLaw();
        this.protectsChild = r.protectsChild();
        Integer age = r.subject().age();
        this.child = age != null && age < Seed.CHILD_UNDER;
        this.guardianConsent = r.subject().guardianConsent();
        String destination = r.destination() == null ? Seed.HOME : r.destination();
        String recipientLocation = r.recipient() == null ? null : Seed.RECIPIENTS.get(r.recipient());
        this.abroad = !Seed.HOME.equals(destination) || (recipientLocation != null && !Seed.HOME.equals(recipientLocation));
        boolean declared = true;
        boolean withinFulfilment = true;
        Seed.Purpose fulfilment = Seed.PURPOSES.get("contract-fulfilment");
        List<String> data = r.data();
        for (int i = 0; i < data.size(); i++) {
            String c = data.get(i);
            declared &= p.allows(c);
            withinFulfilment &= fulfilment.allows(c);
        }
        this.dataDeclaredForPurpose = declared;
        this.dataWithinContractFulfilment = withinFulfilment;
        boolean namingPurpose = false;
        boolean namingRecipient = false;
        boolean namingAction = false;
        List<Consent> consents = r.subject().consents();
        for (int i = 0; i < consents.size(); i++) {
            Consent c = consents.get(i);
            if (c.withdrawn()
                    || (c.purpose() != null && !c.purpose().equals(purpose))
                    || (c.recipient() != null && !c.recipient().equals(r.recipient()))
                    || (c.action() != null && !c.action().equals(action))) {
                continue;
            }
            namingPurpose |= c.purpose() != null;
            namingRecipient |= c.recipient() != null;
            namingAction |= c.action() != null;
        }
        this.consentNamingPurpose = namingPurpose;
        this.consentNamingRecipient = namingRecipient;
        this.consentNamingAction = namingAction;
    }

    /**
     * The facts of a request, or null when it is not valid for the seed pack (unknown ids, no or
     * duplicate data, a missing recipient, a malformed destination, an age out of range, an empty
     * consent): the engine denies those as {@code invalid-request}.
     */
    public static Facts of(ProcessingRequest r) {
        if (r == null || r.action() == null || !Seed.ACTION_SET.contains(r.action())) {
            return null;
        }
        Seed.Purpose p = r.purpose() == null ? null : Seed.PURPOSES.get(r.purpose());
        if (p == null) {
            return null;
        }
        List<String> data = r.data();
        if (data.isEmpty() || data.size() > 256) {
            return null;
        }
        for (int i = 0; i < data.size(); i++) {
            String c = data.get(i);
            if (c == null || !Seed.CATEGORY_SET.contains(c)) {
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (c.equals(data.get(j))) {
                    return null;
                }
            }
        }
        if (r.recipient() != null ? !Seed.RECIPIENTS.containsKey(r.recipient()) : Seed.NEEDS_RECIPIENT.contains(r.action())) {
            return null;
        }
        String d = r.destination();
        if (d != null && (d.length() != 2 || !upper(d.charAt(0)) || !upper(d.charAt(1)))) {
            return null;
        }
        Integer age = r.subject().age();
        if (age != null && (age < 0 || age > 150)) {
            return null;
        }
        List<Consent> consents = r.subject().consents();
        if (consents.size() > 1024) {
            return null;
        }
        for (int i = 0; i < consents.size(); i++) {
            Consent c = consents.get(i);
            if ((c.purpose() == null && c.recipient() == null && c.action() == null)
                    || (c.purpose() != null && !Seed.PURPOSES.containsKey(c.purpose()))
                    || (c.recipient() != null && !Seed.RECIPIENTS.containsKey(c.recipient()))
                    || (c.action() != null && !Seed.ACTION_SET.contains(c.action()))) {
                return null;
            }
        }
        return new Facts(r, p);
    }

    // Bean getters: jCasbin's expression language (Aviator) reads r.sub.action as getAction().

    public String getAction() {
        return action;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getRecipient() {
        return recipient;
    }

    public boolean isAnonymized() {
        return anonymized;
    }

    public boolean isAggregated() {
        return aggregated;
    }

    public boolean isRequiredByLaw() {
        return requiredByLaw;
    }

    public boolean isProtectsChild() {
        return protectsChild;
    }

    public boolean isChild() {
        return child;
    }

    public boolean isGuardianConsent() {
        return guardianConsent;
    }

    public boolean isAbroad() {
        return abroad;
    }

    public boolean isDataDeclaredForPurpose() {
        return dataDeclaredForPurpose;
    }

    public boolean isDataWithinContractFulfilment() {
        return dataWithinContractFulfilment;
    }

    public boolean isConsentNamingPurpose() {
        return consentNamingPurpose;
    }

    public boolean isConsentNamingRecipient() {
        return consentNamingRecipient;
    }

    public boolean isConsentNamingAction() {
        return consentNamingAction;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
