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
    /** The destination's number among {@link PackIndex#places}. */
    final int destinationPlace;

    private Features(ProcessingRequest request, int action, int purpose, int recipient, int basis, long flags, long[] data,
                     String destination, String recipientLocation, int covering, int namingPurpose, int namingRecipient,
                     int namingAction, int guardian, long[] mechanisms, int destinationPlace) {
        this.request = request;
        this.action = action;
        this.purpose = purpose;
        this.recipient = recipient;
        this.basis = basis;
        this.flags = flags;
        this.data = data;
        this.destination = destination;
        this.recipientLocation = recipientLocation;
        this.covering = covering;
        this.namingPurpose = namingPurpose;
        this.namingRecipient = namingRecipient;
        this.namingAction = namingAction;
        this.guardian = guardian;
        this.mechanisms = mechanisms;
        this.destinationPlace = destinationPlace;
    }

    /**
     * The features of {@code r}, or null when it is not valid for the pack. It checks what
     * {@link RequestCheck#problems(Pack, ProcessingRequest)} checks, while it looks the ids up:
     * null exactly when that finds a problem (which then says what is wrong).
     */
    static Features of(PackIndex x, ProcessingRequest r) {
        int action = x.actions.get(r.action());
        int purpose = x.purposes.get(r.purpose());
        if (action < 0 || purpose < 0) {
            return null;
        }
        List<String> categories = r.data();
        int n = categories.size();
        if (n == 0 || n > RequestCheck.MAX_DATA) {
            return null;
        }
        long[] d = new long[x.dataWords];
        for (int i = 0; i < n; i++) {
            int c = x.categories.get(categories.get(i));
            if (c < 0) {
                return null;
            }
            long bit = 1L << c;
            if ((d[c >>> 6] & bit) != 0) {
                return null;
            }
            d[c >>> 6] |= bit;
        }
        String recipientId = r.recipient();
        int recipient = x.recipients.get(recipientId);
        if (recipientId != null ? recipient < 0 : x.requiresRecipient[action]) {
            return null;
        }
        int place;
        String destination;
        if (r.destination() == null) {
            place = x.jurisdiction;
            destination = x.pack.territory().jurisdiction();
        } else {
            place = x.places.get(r.destination());
            if (place < 0 || !x.destination[place]) {
                return null;
            }
            destination = r.destination();
        }
        io.privacyrules.Subject s = r.subject();
        int residence = -1;
        if (s.country() != null) {
            residence = x.places.get(s.country());
            if (residence < 0 || !x.residence[residence]) {
                return null;
            }
        }
        Integer age = s.age();
        if (age != null && (age < 0 || age > RequestCheck.MAX_AGE)) {
            return null;
        }
        if (s.guardianConsentKind() != null && x.consentKinds.get(s.guardianConsentKind()) < 0) {
            return null;
        }
        if (r.transferMechanism() != null && x.mechanisms.get(r.transferMechanism()) < 0) {
            return null;
        }
        Pack.PurposeDef p = x.purposeDefs[purpose];
        long f = 0;
        List<String> objections = s.objections();
        for (int i = 0, m = objections.size(); i < m; i++) {
            String o = objections.get(i);
            if (o == null || x.purposes.get(o) < 0 && x.objectionKinds.get(o) < 0) {
                return null;
            }
            for (int j = 0; j < i; j++) {
                if (o.equals(objections.get(j))) {
                    return null;
                }
            }
            if (x.pack.objections().covers(o, p)) {
                f |= OBJECTED;
            }
        }
        List<Consent> consents = s.consents();
        int nc = consents.size();
        if (nc > RequestCheck.MAX_CONSENTS) {
            return null;
        }
        int cov = -1;
        int nPurpose = -1;
        int nRecipient = -1;
        int nAction = -1;
        for (int i = 0; i < nc; i++) {
            Consent c = consents.get(i);
            String cp = c.purpose();
            String cr = c.recipient();
            String ca = c.action();
            if (cp == null && cr == null && ca == null
                    || cp != null && x.purposes.get(cp) < 0
                    || cr != null && x.recipients.get(cr) < 0
                    || ca != null && x.actions.get(ca) < 0) {
                return null;
            }
            int rank = x.rank(c.kind());
            if (c.kind() != null && rank < 0) {
                return null;
            }
            if (c.withdrawn() || !Request.covers(c, r.purpose(), recipientId, r.action())) {
                continue;
            }
            cov = Math.max(cov, rank);
            if (cp != null) {
                nPurpose = Math.max(nPurpose, rank);
            }
            if (cr != null) {
                nRecipient = Math.max(nRecipient, rank);
            }
            if (ca != null) {
                nAction = Math.max(nAction, rank);
            }
        }
        // the request is valid; what the rules test follows, as Request works it out
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
        if (age != null) {
            f |= AGE_KNOWN;
            if (age < (residence < 0 ? x.pack.children().under() : x.childUnder[residence])) {
                f |= CHILD;
            }
            Integer minimum = x.pack.children().minimumAge();
            if (minimum != null && age < minimum) {
                f |= BELOW_MINIMUM_AGE;
            }
        }
        int guardian = -1;
        if (s.guardianConsent()) {
            f |= GUARDIAN_CONSENT;
            guardian = x.rank(s.guardianConsentKind());
        }
        String recipientLocation = recipient < 0 ? null : x.recipientLocation[recipient];
        boolean abroad = !x.home[place] || recipient >= 0 && x.recipientOutside[recipient];
        f |= abroad ? ABROAD : 0;
        f |= cov >= 0 ? CONSENT_COVERING : 0;
        f |= nPurpose >= 0 ? CONSENT_NAMING_PURPOSE : 0;
        f |= nRecipient >= 0 ? CONSENT_NAMING_RECIPIENT : 0;
        f |= nAction >= 0 ? CONSENT_NAMING_ACTION : 0;
        long[] mechanisms = abroad && x.mechanismDefs.length > 0
                ? mechanismsInForce(x, r, destination, recipientLocation) : NO_MECHANISMS;
        boolean covered = !abroad;
        for (long m : mechanisms) {
            covered |= m != 0;
        }
        f |= covered ? TRANSFER_COVERED : 0;
        return new Features(r, action, purpose, recipient, x.basisOf[purpose], f, d, destination, recipientLocation, cov,
                nPurpose, nRecipient, nAction, guardian, mechanisms, place);
    }

    /** As {@code Request.mechanismsInForce}: the mechanisms of the pack that cover this request. */
    private static long[] mechanismsInForce(PackIndex x, ProcessingRequest r, String destination, String recipientLocation) {
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
            if (m.consentKind() != null && !consentForTransfer(x, r, m.consentKind())) {
                continue;
            }
            out[i >>> 6] |= 1L << i;
        }
        return out;
    }

    private static boolean reaches(Pack.Territory territory, java.util.Set<String> to, String place) {
        return territory.home(place) || to.containsAll(territory.countries(place));
    }

    private static boolean consentForTransfer(PackIndex x, ProcessingRequest r, String kind) {
        for (Consent c : r.subject().consents()) {
            if (!c.withdrawn() && Request.covers(c, r.purpose(), r.recipient(), r.action())
                    && (c.recipient() != null || c.action() != null) && x.rank(c.kind()) >= x.rank(kind)) {
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
