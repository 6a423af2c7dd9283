package io.privacyrules.bench;

import io.privacyrules.ProcessingRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed pack's processing decisions written as plain Java {@code if}s: the floor no engine can
 * beat. It validates the request and derives the same facts as the engine ({@link Facts}), then
 * applies every rule of policy.yaml and children.drl with the pack's semantics: deny overrides
 * permit, no permit means deny, obligations only on a permit and in the pack's order.
 *
 * <p>It answers effect, obligations and which rules spoke (as bit sets), not reason messages:
 * {@code HandWrittenAgreementTest} checks all three against the engine on the whole mix.
 * Stateless and thread-safe.
 */
public final class HandWritten {
    /** The rules of the seed pack, in the engine's order: purposes, policy.yaml rules, then DRL. */
    public static final List<String> RULES;

    // policy.yaml rules after the 11 purpose rules (bit = index in RULES)
    static final int PURPOSE_LIMITATION = 11;
    static final int MINIMUM_NECESSITY = 12;
    static final int LEGAL_OBLIGATION_BY_LAW = 13;
    static final int SERVICE_IMPROVEMENT_NEEDS_CONSENT = 14;
    static final int PRODUCT_DEVELOPMENT_ANONYMIZED = 15;
    static final int MARKETING_NEEDS_CONSENT = 16;
    static final int ENTRUST_UNDER_NDA = 17;
    static final int THIRD_PARTY_ANONYMOUS = 18;
    static final int THIRD_PARTY_MARKETING_CONSENT = 19;
    static final int THIRD_PARTY_NEEDS_ANONYMITY = 20;
    static final int THIRD_PARTY_NEEDS_MARKETING_CONSENT = 21;
    static final int SHARE_WITH_BMW = 22;
    static final int SHARE_WITH_DEALERS = 23;
    static final int SHARE_WITH_BMW_GROUP_NEEDS_CONSENT = 24;
    static final int SHARE_REQUIRED_BY_LAW = 25;
    static final int SHARE_UNDER_NDA = 26;
    static final int DEALER_AGGREGATED = 27;
    static final int DEALER_ANONYMIZED = 28;
    static final int AUTHORITIES_BY_LAW = 29;
    static final int TRANSFER_TO_ACQUIRER = 30;
    static final int TRANSFER_WITH_CONSENT = 31;
    static final int TRANSFER_NEEDS_CONSENT = 32;
    static final int DISCLOSE_WITH_CONSENT = 33;
    static final int DISCLOSE_BY_LAW = 34;
    static final int DISCLOSE_NEEDS_CONSENT_OR_LAW = 35;
    static final int STAYS_IN_THE_PRC = 36;
    static final int CHILDREN_COLLECT = 37;
    static final int CHILDREN_USE = 38;

    static final int ANONYMIZE = 1;
    static final int AGGREGATE = 2;
    static final int CONFIDENTIALITY = 4;
    static final int SUCCESSOR = 8;

    static {
        List<String> rules = new ArrayList<>();
        for (String p : Seed.PURPOSE_IDS) {
            rules.add("purpose:" + p);
        }
        rules.addAll(List.of("purpose-limitation", "minimum-necessity", "legal-obligation-when-required-by-law",
                "service-improvement-needs-consent", "product-development-anonymized", "marketing-needs-consent",
                "entrust-under-nda", "third-party-anonymous-vehicle-data", "third-party-with-marketing-consent",
                "third-party-needs-anonymity", "third-party-needs-marketing-consent", "share-with-bmw-and-affiliates",
                "share-with-dealers", "share-with-bmw-group-needs-consent", "share-required-by-law", "share-under-nda",
                "dealer-reports-aggregated", "dealer-reports-anonymized", "authorities-only-when-required-by-law",
                "transfer-to-acquirer", "transfer-with-consent", "transfer-needs-consent", "disclose-with-consent",
                "disclose-required-by-law", "disclose-needs-consent-or-law", "stays-in-the-prc",
                "children-collect-needs-guardian-consent", "children-use-only-with-guardian-consent-law-or-protection"));
        RULES = List.copyOf(rules);
        if (RULES.get(CHILDREN_USE).indexOf("children-use") != 0 || RULES.size() != CHILDREN_USE + 1) {
            throw new AssertionError("rule table out of step");
        }
    }

    /** Obligation ids for each obligation bit set, in the pack's order; shared, immutable. */
    private static final List<List<String>> OBLIGATION_LISTS;

    static {
        List<List<String>> lists = new ArrayList<>();
        for (int mask = 0; mask < 16; mask++) {
            List<String> ids = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                if ((mask & (1 << b)) != 0) {
                    ids.add(Seed.OBLIGATIONS.get(b));
                }
            }
            lists.add(List.copyOf(ids));
        }
        OBLIGATION_LISTS = List.copyOf(lists);
    }

    /**
     * A decision of the floor.
     *
     * @param permitted   permit or deny
     * @param obligations obligation bits (1 anonymize, 2 aggregate, 4 confidentiality-agreement,
     *                    8 successor-bound-by-policy); 0 for a deny
     * @param permits     the rules that permitted (bit i = {@link #RULES}.get(i))
     * @param denies      the rules that denied
     * @param invalid     the request is not valid for the pack
     */
    public record Verdict(boolean permitted, int obligations, long permits, long denies, boolean invalid) {
        /** The obligation ids, in the pack's order. */
        public List<String> obligationIds() {
            return OBLIGATION_LISTS.get(obligations);
        }
    }

    private static final Verdict INVALID = new Verdict(false, 0, 0, 0, true);

    private HandWritten() {
    }

    /** Decides a request, as the engine would. */
    public static Verdict decide(ProcessingRequest request) {
        Facts f = Facts.of(request);
        return f == null ? INVALID : decideFacts(f);
    }

    static Verdict decideFacts(Facts f) {
        final String a = f.action;
        final String p = f.purpose;
        final String to = f.recipient;
        final boolean collect = a.equals("collect");
        final boolean collectOrUse = collect || a.equals("use");
        final boolean share = a.equals("share");
        long permit = 0;
        long deny = 0;
        int oblige = 0;

        // Purposes: each permits its own actions on its own data (I.1 to I.7).
        int pi = Seed.PURPOSE_IDS.indexOf(p);
        boolean needsConsent = p.equals("service-improvement") || p.equals("marketing");
        if (f.purposeDef.actions().contains(a) && f.dataDeclaredForPurpose && (!needsConsent || f.consentNamingPurpose)) {
            permit |= 1L << pi;
        }
        // Section I and IV.2
        if (collectOrUse && !f.dataDeclaredForPurpose && !(p.equals("legal-obligation") && f.requiredByLaw)) {
            deny |= 1L << PURPOSE_LIMITATION | 1L << MINIMUM_NECESSITY;
        }
        if (collectOrUse && p.equals("legal-obligation") && f.requiredByLaw) {
            permit |= 1L << LEGAL_OBLIGATION_BY_LAW;
        }
        if (p.equals("service-improvement") && !f.consentNamingPurpose) {
            deny |= 1L << SERVICE_IMPROVEMENT_NEEDS_CONSENT;
        }
        if (p.equals("product-development") && !f.consentNamingPurpose && !f.anonymized) {
            oblige |= ANONYMIZE;
        }
        if (p.equals("marketing") && !f.consentNamingPurpose) {
            deny |= 1L << MARKETING_NEEDS_CONSENT;
        }
        // III.1
        if (a.equals("entrust") && to.equals("entrusted-processor")) {
            permit |= 1L << ENTRUST_UNDER_NDA;
            oblige |= CONFIDENTIALITY;
        }
        if (share) {
            boolean thirdParty = to.equals("third-party");
            boolean anonymousVehicleData = f.anonymized && f.dataWithinContractFulfilment;
            boolean marketingConsent = p.equals("marketing") && f.consentNamingPurpose;
            if (thirdParty) {
                if (anonymousVehicleData) {
                    permit |= 1L << THIRD_PARTY_ANONYMOUS;
                }
                if (marketingConsent) {
                    permit |= 1L << THIRD_PARTY_MARKETING_CONSENT;
                }
                // III.2(2): a legal requirement also lets data pass to a third party
                if (!anonymousVehicleData && !marketingConsent && !f.requiredByLaw) {
                    deny |= 1L << THIRD_PARTY_NEEDS_ANONYMITY | 1L << THIRD_PARTY_NEEDS_MARKETING_CONSENT;
                }
            }
            // III.2
            boolean bmwGroup = to.equals("bmw") || to.equals("bmw-affiliate") || to.equals("bmw-ag");
            boolean dealer = to.equals("authorized-dealer");
            if (bmwGroup && f.consentNamingRecipient) {
                permit |= 1L << SHARE_WITH_BMW;
            }
            if (dealer && f.consentNamingRecipient) {
                permit |= 1L << SHARE_WITH_DEALERS;
            }
            if ((bmwGroup || dealer) && !f.consentNamingRecipient && !f.requiredByLaw) {
                deny |= 1L << SHARE_WITH_BMW_GROUP_NEEDS_CONSENT;
            }
            if (f.requiredByLaw) {
                permit |= 1L << SHARE_REQUIRED_BY_LAW;
            }
            if (bmwGroup || dealer || thirdParty || to.equals("acquirer") || to.equals("entrusted-processor")) {
                oblige |= CONFIDENTIALITY;
            }
            if (dealer && p.equals("service-analytics")) {
                if (!f.aggregated) {
                    oblige |= AGGREGATE;
                }
                if (!f.anonymized) {
                    oblige |= ANONYMIZE;
                }
            }
        }
        if (to.equals("government-authority") && !f.requiredByLaw) {
            deny |= 1L << AUTHORITIES_BY_LAW;
        }
        // III.3
        if (a.equals("transfer")) {
            if (to.equals("acquirer")) {
                permit |= 1L << TRANSFER_TO_ACQUIRER;
                oblige |= SUCCESSOR;
            } else if (f.consentNamingRecipient) {
                permit |= 1L << TRANSFER_WITH_CONSENT;
            } else {
                deny |= 1L << TRANSFER_NEEDS_CONSENT;
            }
        }
        // III.4
        if (a.equals("disclose")) {
            if (f.consentNamingAction) {
                permit |= 1L << DISCLOSE_WITH_CONSENT;
            }
            if (f.requiredByLaw) {
                permit |= 1L << DISCLOSE_BY_LAW;
            }
            if (!f.consentNamingAction && !f.requiredByLaw) {
                deny |= 1L << DISCLOSE_NEEDS_CONSENT_OR_LAW;
            }
        }
        // VII
        if (f.abroad || a.equals("cross-border-transfer")) {
            deny |= 1L << STAYS_IN_THE_PRC;
        }
        // VI (children.drl)
        if (f.child && !f.guardianConsent) {
            if (collect || p.equals("account-registration")) {
                deny |= 1L << CHILDREN_COLLECT;
            }
            if (!f.requiredByLaw && !f.protectsChild && !collect) {
                deny |= 1L << CHILDREN_USE;
            }
        }

        if (deny != 0) {
            return new Verdict(false, 0, permit, deny, false);
        }
        if (permit == 0) {
            return new Verdict(false, 0, 0, 0, false);
        }
        return new Verdict(true, oblige, permit, 0, false);
    }
}
