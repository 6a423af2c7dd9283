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
 * {@code consentNamingAction}, {@code age}, {@code residence}, {@code belowMinimumAge},
 * {@code objections}, {@code objected}, {@code restricted}, {@code transferMechanism},
 * {@code transferMechanisms}, {@code transferCovered}; helpers {@code hasData(String)},
 * {@code dataWithin(String purpose)}, {@code destinationIn(place)}, {@code recipientLocationIn(place)},
 * and for consents of a kind or a stronger one {@code consentCoveringOf(kind)},
 * {@code consentNamingPurposeOf(kind)}, {@code consentNamingRecipientOf(kind)},
 * {@code consentNamingActionOf(kind)}, {@code guardianConsentOf(kind)}.
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
    /** The strength of the strongest covering consent (-1: none), of those naming a purpose, a recipient, an action; of the guardian's. */
    private final int coveringRank;
    private final int namingPurposeRank;
    private final int namingRecipientRank;
    private final int namingActionRank;
    private final int guardianRank;
    private final Pack.ConsentKinds kinds;
    private final Integer age;
    private final String residence;
    private final boolean belowMinimumAge;
    private final Set<String> objections;
    private final boolean objected;
    private final boolean restricted;
    private final String transferMechanism;
    private final Set<String> transferMechanisms;
    private final boolean transferCovered;
    private final Pack.Territory territory;

    /** Builds the fact for a request that has already been validated against {@code pack}. */
    public Request(Pack pack, ProcessingRequest r) {
        this.pack = pack;
        this.action = r.action();
        this.purpose = r.purpose();
        Pack.PurposeDef p = pack.purposes().get(purpose);
        this.purposeBasis = p.basis();
        this.recipient = r.recipient();
        this.recipientLocation = recipient == null ? null : pack.recipients().get(recipient).location();
        this.territory = pack.territory();
        String home = territory.jurisdiction();
        this.destination = r.destination() == null ? home : r.destination();
        this.data = Set.copyOf(r.data());
        this.anonymized = r.anonymized();
        this.aggregated = r.aggregated();
        this.requiredByLaw = r.requiredByLaw();
        this.protectsChild = r.protectsChild();
        Integer age = r.subject().age();
        this.age = age;
        this.residence = r.subject().country();
        this.ageKnown = age != null;
        this.child = age != null && age < pack.children().underFor(residence);
        Integer minimum = pack.children().minimumAge();
        this.belowMinimumAge = age != null && minimum != null && age < minimum;
        this.guardianConsent = r.subject().guardianConsent();
        this.kinds = pack.consentKinds();
        this.guardianRank = r.subject().guardianConsent() ? kinds.rank(r.subject().guardianConsentKind()) : -1;
        this.abroad = !territory.home(destination) || (recipientLocation != null && !territory.home(recipientLocation));
        this.objections = Set.copyOf(r.subject().objections());
        boolean objects = false;
        for (String o : objections) {
            objects |= pack.objections().covers(o, p);
        }
        this.objected = objects;
        this.restricted = r.restricted();
        boolean declared = true;
        boolean sensitive = false;
        for (String c : data) {
            declared &= p.allows(c);
            sensitive |= pack.categories().get(c).sensitive();
        }
        this.dataDeclaredForPurpose = declared;
        this.sensitiveData = sensitive;
        int covering = -1;
        int namingPurpose = -1;
        int namingRecipient = -1;
        int namingAction = -1;
        List<Consent> consents = r.subject().consents();
        for (Consent c : consents) {
            if (c.withdrawn() || !covers(c)) {
                continue;
            }
            int rank = kinds.rank(c.kind());
            covering = Math.max(covering, rank);
            if (c.purpose() != null) {
                namingPurpose = Math.max(namingPurpose, rank);
            }
            if (c.recipient() != null) {
                namingRecipient = Math.max(namingRecipient, rank);
            }
            if (c.action() != null) {
                namingAction = Math.max(namingAction, rank);
            }
        }
        this.coveringRank = covering;
        this.namingPurposeRank = namingPurpose;
        this.namingRecipientRank = namingRecipient;
        this.namingActionRank = namingAction;
        this.consentCovering = covering >= 0;
        this.consentNamingPurpose = namingPurpose >= 0;
        this.consentNamingRecipient = namingRecipient >= 0;
        this.consentNamingAction = namingAction >= 0;
        this.transferMechanism = r.transferMechanism();
        this.transferMechanisms = mechanismsInForce(pack, r);
        this.transferCovered = !abroad || !transferMechanisms.isEmpty();
    }

    /** The transfer mechanisms of the pack that cover this request (computed only when it is abroad). */
    private Set<String> mechanismsInForce(Pack pack, ProcessingRequest r) {
        if (!abroad || pack.transfers().mechanisms().isEmpty()) {
            return Set.of();
        }
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Pack.Mechanism m : pack.transfers().mechanisms().values()) {
            if (m.claimed() && !m.id().equals(transferMechanism)) {
                continue;
            }
            if (m.recipients() != null && (recipient == null || !m.recipients().contains(recipient))) {
                continue;
            }
            if (m.to() != null && !(reaches(m.to(), destination) && (recipientLocation == null || reaches(m.to(), recipientLocation)))) {
                continue;
            }
            if (m.consentKind() != null && !consentForTransfer(r, m.consentKind())) {
                continue;
            }
            out.add(m.id());
        }
        return Set.copyOf(out);
    }

    /** A place in the jurisdiction needs no mechanism; one outside it must lie within {@code to}. */
    private boolean reaches(Set<String> to, String place) {
        return territory.home(place) || to.containsAll(territory.countries(place));
    }

    /** A consent of at least {@code kind}, covering this request and naming its recipient or its action. */
    private boolean consentForTransfer(ProcessingRequest r, String kind) {
        for (Consent c : r.subject().consents()) {
            if (!c.withdrawn() && covers(c) && (c.recipient() != null || c.action() != null)
                    && kinds.rank(c.kind()) >= kinds.rank(kind)) {
                return true;
            }
        }
        return false;
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

    /** True when a covering consent of {@code kind} or a stronger kind of the pack exists. */
    @RuleHelper
    public boolean consentCoveringOf(String kind) {
        return atLeast(coveringRank, kind);
    }

    /** True when a covering consent of {@code kind} or stronger names the request's purpose. */
    @RuleHelper
    public boolean consentNamingPurposeOf(String kind) {
        return atLeast(namingPurposeRank, kind);
    }

    /** True when a covering consent of {@code kind} or stronger names the request's recipient. */
    @RuleHelper
    public boolean consentNamingRecipientOf(String kind) {
        return atLeast(namingRecipientRank, kind);
    }

    /** True when a covering consent of {@code kind} or stronger names the request's action. */
    @RuleHelper
    public boolean consentNamingActionOf(String kind) {
        return atLeast(namingActionRank, kind);
    }

    /** True when a parent or guardian gave a consent of {@code kind} or a stronger kind. */
    @RuleHelper
    public boolean guardianConsentOf(String kind) {
        return atLeast(guardianRank, kind);
    }

    private boolean atLeast(int rank, String kind) {
        int wanted = kinds.rank(kind);
        return rank >= 0 && wanted >= 0 && rank >= wanted;
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

    /** True when the destination (the jurisdiction when the request gives none) lies in {@code place}, a country or region. */
    @RuleHelper
    public boolean destinationIn(String place) {
        return territory.within(destination, place);
    }

    /** True when the request names a recipient located in {@code place}, a country or region. */
    @RuleHelper
    public boolean recipientLocationIn(String place) {
        return recipientLocation != null && territory.within(recipientLocation, place);
    }

    /** The subject's age in whole years, or null when unknown. Never written to a message or a log. */
    public Integer getAge() {
        return age;
    }

    /** The subject's country of residence (ISO 3166), or null when unknown. */
    public String getResidence() {
        return residence;
    }

    /** The subject's age is known and below {@code children.minimumAge}. */
    public boolean isBelowMinimumAge() {
        return belowMinimumAge;
    }

    /** What the subject objected to, as the request names it: purpose ids and kinds of objection. */
    public Set<String> getObjections() {
        return objections;
    }

    /** The subject objected to this request's purpose, directly or by a kind of objection covering it. */
    public boolean isObjected() {
        return objected;
    }

    /** Processing of the subject's data is restricted. */
    public boolean isRestricted() {
        return restricted;
    }

    /** The transfer mechanism the request names, or null. */
    public String getTransferMechanism() {
        return transferMechanism;
    }

    /** The transfer mechanisms of the pack that cover this request; empty when it is not abroad. */
    public Set<String> getTransferMechanisms() {
        return transferMechanisms;
    }

    /** The data stays in the jurisdiction, or a transfer mechanism covers it. */
    public boolean isTransferCovered() {
        return transferCovered;
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






    /** Ids only, never values: safe to log. */
    @Override
    public String toString() {
        return "Request[" + action + " " + data + " for " + purpose + (recipient == null ? "" : " to " + recipient) + "]";
    }
}
