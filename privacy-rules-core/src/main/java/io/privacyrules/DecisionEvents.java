package io.privacyrules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The identifiers of a request for a decision log: ids and flags only, never values. */
final class DecisionEvents {
    static final String NOT_AN_ID = "(not an identifier)";

    private DecisionEvents() {
    }

    static Map<String, Object> of(ProcessingRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r == null) {
            return m;
        }
        put(m, "action", r.action());
        put(m, "purpose", r.purpose());
        m.put("data", ids(r.data()));
        put(m, "recipient", r.recipient());
        put(m, "destination", r.destination());
        m.put("anonymized", r.anonymized());
        m.put("aggregated", r.aggregated());
        m.put("requiredByLaw", r.requiredByLaw());
        m.put("protectsChild", r.protectsChild());
        m.put("restricted", r.restricted());
        put(m, "transferMechanism", r.transferMechanism());
        m.put("objections", ids(r.subject().objections()));
        m.put("guardianConsent", r.subject().guardianConsent());
        put(m, "guardianConsentKind", r.subject().guardianConsentKind());
        List<Map<String, Object>> consents = new ArrayList<>();
        for (Consent c : r.subject().consents()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            put(cm, "purpose", c.purpose());
            put(cm, "recipient", c.recipient());
            put(cm, "action", c.action());
            cm.put("withdrawn", c.withdrawn());
            put(cm, "kind", c.kind());
            consents.add(cm);
        }
        m.put("consents", consents);
        return m;
    }

    static Map<String, Object> of(RightsRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r == null) {
            return m;
        }
        put(m, "right", r.right());
        if (r.receivedOn() != null) {
            m.put("receivedOn", r.receivedOn().toString());
        }
        m.put("identityVerified", r.identityVerified());
        m.put("erasureGrounds", ids(r.erasureGrounds()));
        m.put("refusalGrounds", ids(r.refusalGrounds()));
        m.put("repeated", r.repeated());
        return m;
    }

    static Map<String, Object> of(RetentionQuery q) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (q == null) {
            return m;
        }
        put(m, "data", q.data());
        m.put("purposes", ids(q.purposes()));
        m.put("purposesFulfilled", ids(q.purposesFulfilled()));
        return m;
    }

    private static void put(Map<String, Object> m, String key, String id) {
        if (id != null) {
            m.put(key, id(id));
        }
    }

    private static List<String> ids(List<String> ids) {
        return ids.stream().map(DecisionEvents::id).toList();
    }

    private static String id(String s) {
        return s != null && s.length() <= 64 && s.matches("[A-Za-z][A-Za-z0-9._-]*") ? s : NOT_AN_ID;
    }
}
