package io.privacyrules.internal.engine;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.pack.Pack;
import java.util.List;
import java.util.Map;

/**
 * What the rules of a pack test about one valid processing request, over a {@link PackIndex}:
 * the same values as the DRL fact {@link Request} (which stays the definition: every value here
 * is worked out as it is there), as integers and bit sets. One per decision; immutable.
 */
final class Features {
    // Bits of flags, one per boolean property of Request.
    static final long ANONYMIZED = 1L;
    static final long AGGREGATED = 1L << 1;
    static final long REQUIRED_BY_LAW = 1L << 2;
    static final long PROTECTS_CHILD = 1L << 3;
    static final long CHILD = 1L << 4;
    static final long AGE_KNOWN = 1L << 5;
    static final long GUARDIAN_CONSENT = 1L << 6;
    static final long ABROAD = 1L << 7;
    static final long DATA_DECLARED_FOR_PURPOSE = 1L << 8;
    static final long SENSITIVE_DATA = 1L << 9;
    static final long CONSENT_COVERING = 1L << 10;
    static final long CONSENT_NAMING_PURPOSE = 1L << 11;
    static final long CONSENT_NAMING_RECIPIENT = 1L << 12;
    static final long CONSENT_NAMING_ACTION = 1L << 13;
    static final long BELOW_MINIMUM_AGE = 1L << 14;
    static final long OBJECTED = 1L << 15;
    static final long RESTRICTED = 1L << 16;
    static final long TRANSFER_COVERED = 1L << 17;

    /** The flag of each boolean property of Request, by its DRL name. */
    static final Map<String, Long> FLAGS = Map.ofEntries(
            Map.entry("anonymized", ANONYMIZED), Map.entry("aggregated", AGGREGATED),
            Map.entry("requiredByLaw", REQUIRED_BY_LAW), Map.entry("protectsChild", PROTECTS_CHILD),
            Map.entry("child", CHILD), Map.entry("ageKnown", AGE_KNOWN), Map.entry("guardianConsent", GUARDIAN_CONSENT),
            Map.entry("abroad", ABROAD), Map.entry("dataDeclaredForPurpose", DATA_DECLARED_FOR_PURPOSE),
            Map.entry("sensitiveData", SENSITIVE_DATA), Map.entry("consentCovering", CONSENT_COVERING),
            Map.entry("consentNamingPurpose", CONSENT_NAMING_PURPOSE),
            Map.entry("consentNamingRecipient", CONSENT_NAMING_RECIPIENT),
            Map.entry("consentNamingAction", CONSENT_NAMING_ACTION), Map.entry("belowMinimumAge", BELOW_MINIMUM_AGE),
            Map.entry("objected", OBJECTED), Map.entry("restricted", RESTRICTED),
            Map.entry("transferCovered", TRANSFER_COVERED));

    // Which consent strength: indexes of ranks.
    static final int COVERING = 0;
    static final int NAMING_PURPOSE = 1;
    static final int NAMING_RECIPIENT = 2;
    static final int NAMING_ACTION = 3;
    static final int GUARDIAN = 4;

    private static final long[] NO_MECHANISMS = new long[1];

    final ProcessingRequest request;
    final int action;
    final int purpose;
    /** -1 when the request names no recipient. */
    final int recipient;
    /** -1 when the purpose names no basis. */
    final int basis;
    final long flags;
    /** The request's categories, as a bit set over {@link PackIndex#categoryIds}. */
    final long[] data;
    /** The destination; the jurisdiction when the request names none. */
    final String destination;
    /** The recipient's location, or null. */
    final String recipientLocation;
    /** The strongest consent of each kind of {@link #COVERING} ... {@link #GUARDIAN}; -1 when none. */
    private final int covering;
    private final int namingPurpose;
    private final int namingRecipient;
    private final int namingAction;
    private final int guardian;
    /** The transfer mechanisms in force, as a bit set over {@link PackIndex#mechanisms}. */
    final long[] mechanisms;

    /** For a request that {@link RequestCheck} found valid for {@code x.pack}. */
    Features(PackIndex x, ProcessingRequest r) {
        Pack pack = x.pack;
        this.request = r;
        this.action = x.actions.get(r.action());
        this.purpose = x.purposes.get(r.purpose());
        Pack.PurposeDef p = x.purposeDefs[purpose];
        this.basis = x.basisOf[purpose];
        String recipientId = r.recipient();
        this.recipient = recipientId == null ? -1 : x.recipients.get(recipientId);
        this.recipientLocation = recipient < 0 ? null : x.recipientLocation[recipient];
        Pack.Territory territory = pack.territory();
        this.destination = r.destination() == null ? territory.jurisdiction() : r.destination();

        long f = 0;
        long[] d = new long[x.dataWords];
        List<String> categories = r.data();
        for (int i = 0, n = categories.size(); i < n; i++) {
            int c = x.categories.get(categories.get(i));
            d[c >>> 6] |= 1L << c;
        }
        this.data = d;
        long[] undeclared = x.undeclared[purpose];
        boolean declared = true;
        boolean sensitive = false;
        for (int w = 0; w < d.length; w++) {
            declared &= undeclared == null || (d[w] & undeclared[w]) == 0;
            sensitive |= (d[w] & x.sensitive[w]) != 0;
        }
        f |= declared ? DATA_DECLARED_FOR_PURPOSE : 0;
        f |= sensitive ? SENSITIVE_DATA : 0;
        f |= r.anonymized() ? ANONYMIZED : 0;
        f |= r.aggregated() ? AGGREGATED : 0;
        f |= r.requiredByLaw() ? REQUIRED_BY_LAW : 0;
        f |= r.protectsChild() ? PROTECTS_CHILD : 0;
        f |= r.restricted() ? RESTRICTED : 0;

        io.privacyrules.Subject s = r.subject();
        Integer age = s.age();
        if (age != null) {
            f |= AGE_KNOWN;
            if (age < pack.children().underFor(s.country())) {
                f |= CHILD;
            }
            Integer minimum = pack.children().minimumAge();
            if (minimum != null && age < minimum) {
                f |= BELOW_MINIMUM_AGE;
            }
        }
        Pack.ConsentKinds kinds = pack.consentKinds();
        if (s.guardianConsent()) {
            f |= GUARDIAN_CONSENT;
            this.guardian = kinds.rank(s.guardianConsentKind());
        } else {
            this.guardian = -1;
        }
        boolean home = r.destination() == null ? x.homeIsHome : territory.home(destination);
        boolean abroad = !home || recipient >= 0 && x.recipientOutside[recipient];
        f |= abroad ? ABROAD : 0;
        List<String> objections = s.objections();
        for (int i = 0, n = objections.size(); i < n; i++) {
            if (pack.objections().covers(objections.get(i), p)) {
                f |= OBJECTED;
                break;
            }
        }
        int cov = -1;
        int nPurpose = -1;
        int nRecipient = -1;
        int nAction = -1;
        List<Consent> consents = s.consents();
        for (int i = 0, n = consents.size(); i < n; i++) {
            Consent c = consents.get(i);
            if (c.withdrawn() || !Request.covers(c, r.purpose(), recipientId, r.action())) {
                continue;
            }
            int rank = kinds.rank(c.kind());
            cov = Math.max(cov, rank);
            if (c.purpose() != null) {
                nPurpose = Math.max(nPurpose, rank);
            }
            if (c.recipient() != null) {
                nRecipient = Math.max(nRecipient, rank);
            }
            if (c.action() != null) {
                nAction = Math.max(nAction, rank);
            }
        }
        this.covering = cov;
        this.namingPurpose = nPurpose;
        this.namingRecipient = nRecipient;
        this.namingAction = nAction;
        f |= cov >= 0 ? CONSENT_COVERING : 0;
        f |= nPurpose >= 0 ? CONSENT_NAMING_PURPOSE : 0;
        f |= nRecipient >= 0 ? CONSENT_NAMING_RECIPIENT : 0;
        f |= nAction >= 0 ? CONSENT_NAMING_ACTION : 0;
        this.mechanisms = abroad && x.mechanismDefs.length > 0 ? mechanismsInForce(x, r) : NO_MECHANISMS;
        boolean covered = !abroad;
        for (long m : mechanisms) {
            covered |= m != 0;
        }
        f |= covered ? TRANSFER_COVERED : 0;
        this.flags = f;
    }

    /** As {@code Request.mechanismsInForce}: the mechanisms of the pack that cover this request. */
    private long[] mechanismsInForce(PackIndex x, ProcessingRequest r) {
        long[] out = new long[Math.max(1, (x.mechanismDefs.length + 63) >>> 6)];
        Pack.Territory territory = x.pack.territory();
        for (int i = 0; i < x.mechanismDefs.length; i++) {
            Pack.Mechanism m = x.mechanismDefs[i];
            if (m.claimed() && !m.id().equals(r.transferMechanism())) {
                continue;
            }
            if (m.recipients() != null && (r.recipient() == null || !m.recipients().contains(r.recipient()))) {
                continue;
            }
            if (m.to() != null && !(reaches(territory, m.to(), destination)
                    && (recipientLocation == null || reaches(territory, m.to(), recipientLocation)))) {
                continue;
            }
            if (m.consentKind() != null && !consentForTransfer(x.pack.consentKinds(), r, m.consentKind())) {
                continue;
            }
            out[i >>> 6] |= 1L << i;
        }
        return out;
    }

    private static boolean reaches(Pack.Territory territory, java.util.Set<String> to, String place) {
        return territory.home(place) || to.containsAll(territory.countries(place));
    }

    private static boolean consentForTransfer(Pack.ConsentKinds kinds, ProcessingRequest r, String kind) {
        for (Consent c : r.subject().consents()) {
            if (!c.withdrawn() && Request.covers(c, r.purpose(), r.recipient(), r.action())
                    && (c.recipient() != null || c.action() != null) && kinds.rank(c.kind()) >= kinds.rank(kind)) {
                return true;
            }
        }
        return false;
    }

    /** The strongest consent of kind {@code which} ({@link #COVERING} ...); -1 when none. */
    int rank(int which) {
        return switch (which) {
            case COVERING -> covering;
            case NAMING_PURPOSE -> namingPurpose;
            case NAMING_RECIPIENT -> namingRecipient;
            case NAMING_ACTION -> namingAction;
            default -> guardian;
        };
    }

    boolean is(long flag) {
        return (flags & flag) != 0;
    }
}
