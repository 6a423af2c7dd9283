package io.privacyrules.internal.drl;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.internal.pack.Pack;
import java.util.List;
import java.util.Set;

/**
 * The fact a pack's rules match on: one per decision, immutable, with everything a rule may test
 * computed once up front. DRL files of a pack see it as {@code Request}.
 *
 * <p>Properties (DRL names): {@code action}, {@code purpose}, {@code purposeBasis},
 * {@code recipient} (null when none), {@code recipientLocation}, {@code destination},
 * {@code data} (a set of category ids), {@code anonymized}, {@code aggregated},
 * {@code requiredByLaw}, {@code protectsChild}, {@code child}, {@code ageKnown},
 * {@code guardianConsent}, {@code abroad}, {@code dataDeclaredForPurpose}, {@code sensitiveData},
 * {@code consentCovering}, {@code consentNamingPurpose}, {@code consentNamingRecipient},
 * {@code consentNamingAction}, and for separate consents only {@code separateConsentCovering},
 * {@code separateConsentNamingPurpose}, {@code separateConsentNamingRecipient},
 * {@code separateConsentNamingAction}, {@code guardianConsentSeparate}; methods {@code hasData(String)} and {@code dataWithin(String purpose)}.
 */
public final class Request {
    private final Pack pack;
    private final String action;
    private final String purpose;
    private final String purposeBasis;
    private final String recipient;
    private final String recipientLocation;
    private final String destination;
    private final Set<String> data;
    private final boolean anonymized;
    private final boolean aggregated;
    private final boolean requiredByLaw;
    private final boolean protectsChild;
    private final boolean child;
    private final boolean ageKnown;
    private final boolean guardianConsent;
    private final boolean abroad;
    private final boolean dataDeclaredForPurpose;
    private final boolean sensitiveData;
    private final boolean consentCovering;
    private final boolean consentNamingPurpose;
    private final boolean consentNamingRecipient;
    private final boolean consentNamingAction;
    private final boolean guardianConsentSeparate;
    private final boolean separateConsentCovering;
    private final boolean separateConsentNamingPurpose;
    private final boolean separateConsentNamingRecipient;
    private final boolean separateConsentNamingAction;

    /** Builds the fact for a request that has already been validated against {@code pack}. */
    public Request(Pack pack, ProcessingRequest r) {
        this.pack = pack;
        this.action = r.action();
        this.purpose = r.purpose();
        Pack.PurposeDef p = pack.purposes().get(purpose);
        this.purposeBasis = p.basis();
        this.recipient = r.recipient();
        this.recipientLocation = recipient == null ? null : pack.recipients().get(recipient).location();
        String home = pack.info().jurisdiction();
        this.destination = r.destination() == null ? home : r.destination();
        this.data = Set.copyOf(r.data());
        this.anonymized = r.anonymized();
        this.aggregated = r.aggregated();
        this.requiredByLaw = r.requiredByLaw();
        this.protectsChild = r.protectsChild();
        Integer age = r.subject().age();
        this.ageKnown = age != null;
        this.child = age != null && age < pack.children().under();
        this.guardianConsent = r.subject().guardianConsent();
        this.guardianConsentSeparate = r.subject().guardianConsentSeparate();
        this.abroad = !home.equals(destination) || (recipientLocation != null && !home.equals(recipientLocation));
        boolean declared = true;
        boolean sensitive = false;
        for (String c : data) {
            declared &= p.allows(c);
            sensitive |= pack.categories().get(c).sensitive();
        }
        this.dataDeclaredForPurpose = declared;
        this.sensitiveData = sensitive;
        boolean covering = false;
        boolean namingPurpose = false;
        boolean namingRecipient = false;
        boolean namingAction = false;
        boolean sepCovering = false;
        boolean sepPurpose = false;
        boolean sepRecipient = false;
        boolean sepAction = false;
        List<Consent> consents = r.subject().consents();
        for (Consent c : consents) {
            if (c.withdrawn() || !covers(c)) {
                continue;
            }
            covering = true;
            namingPurpose |= c.purpose() != null;
            namingRecipient |= c.recipient() != null;
            namingAction |= c.action() != null;
            if (c.isSeparate()) {
                sepCovering = true;
                sepPurpose |= c.purpose() != null;
                sepRecipient |= c.recipient() != null;
                sepAction |= c.action() != null;
            }
        }
        this.separateConsentCovering = sepCovering;
        this.separateConsentNamingPurpose = sepPurpose;
        this.separateConsentNamingRecipient = sepRecipient;
        this.separateConsentNamingAction = sepAction;
        this.consentCovering = covering;
        this.consentNamingPurpose = namingPurpose;
        this.consentNamingRecipient = namingRecipient;
        this.consentNamingAction = namingAction;
    }

    private boolean covers(Consent c) {
        return covers(c, purpose, recipient, action);
    }

    /** True when {@code c} covers a request with these ids: every field it names is equal. */
    public static boolean covers(Consent c, String purpose, String recipient, String action) {
        return (c.purpose() == null || c.purpose().equals(purpose))
                && (c.recipient() == null || c.recipient().equals(recipient))
                && (c.action() == null || c.action().equals(action));
    }

    /** True when every category of the request is declared for {@code purposeId}. */
    @RuleHelper
    public boolean dataWithin(String purposeId) {
        Pack.PurposeDef p = pack.purposes().get(purposeId);
        if (p == null) {
            return false;
        }
        for (String c : data) {
            if (!p.allows(c)) {
                return false;
            }
        }
        return true;
    }

    @RuleHelper
    public boolean hasData(String category) {
        return data.contains(category);
    }

    public String getAction() {
        return action;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getPurposeBasis() {
        return purposeBasis;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getRecipientLocation() {
        return recipientLocation;
    }

    public String getDestination() {
        return destination;
    }

    public Set<String> getData() {
        return data;
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

    public boolean isAgeKnown() {
        return ageKnown;
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

    public boolean isSensitiveData() {
        return sensitiveData;
    }

    public boolean isConsentCovering() {
        return consentCovering;
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

    public boolean isGuardianConsentSeparate() {
        return guardianConsentSeparate;
    }

    public boolean isSeparateConsentCovering() {
        return separateConsentCovering;
    }

    public boolean isSeparateConsentNamingPurpose() {
        return separateConsentNamingPurpose;
    }

    public boolean isSeparateConsentNamingRecipient() {
        return separateConsentNamingRecipient;
    }

    public boolean isSeparateConsentNamingAction() {
        return separateConsentNamingAction;
    }

    /** Ids only, never values: safe to log. */
    @Override
    public String toString() {
        return "Request[" + action + " " + data + " for " + purpose + (recipient == null ? "" : " to " + recipient) + "]";
    }
}
