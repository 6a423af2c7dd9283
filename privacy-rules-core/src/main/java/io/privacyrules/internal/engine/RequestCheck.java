package io.privacyrules.internal.engine;

import io.privacyrules.Consent;
import io.privacyrules.ProcessingRequest;
import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Places;
import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request against the pack's vocabulary before any rule sees it. Each problem becomes
 * one sentence of an {@code invalid-request} deny; identifiers are named, values never.
 */
final class RequestCheck {
    /** Oldest age accepted, in years. */
    static final int MAX_AGE = 150;
    /** Most data categories in one request. */
    static final int MAX_DATA = 256;
    /** Most consents in one request. */
    static final int MAX_CONSENTS = 1024;

    /** The ISO 3166-1 alpha-2 codes. */
    private static final Set<String> ISO = Set.of(java.util.Locale.getISOCountries());

    private RequestCheck() {
    }

    static List<String> problems(Pack pack, ProcessingRequest r) {
        List<String> out = new ArrayList<>();
        known(out, "action", r.action(), pack.actions());
        known(out, "purpose", r.purpose(), pack.purposes());
        if (r.data().isEmpty()) {
            out.add("the request names no data category");
        } else if (r.data().size() > MAX_DATA) {
            out.add("the request names " + r.data().size() + " data categories; at most " + MAX_DATA + " are accepted");
        } else {
            List<String> data = r.data();
            for (int i = 0; i < data.size(); i++) {
                String c = data.get(i);
                if (c == null) {
                    out.add("the request's data list contains a null");
                } else if (!pack.categories().containsKey(c)) {
                    out.add("unknown data category " + Ids.show(c));
                } else if (data.indexOf(c) < i) {
                    out.add("data category " + Ids.show(c) + " is named twice");
                }
            }
        }
        if (r.recipient() != null) {
            known(out, "recipient", r.recipient(), pack.recipients());
        } else if (r.action() != null && pack.actions().containsKey(r.action())
                && pack.actions().get(r.action()).requiresRecipient()) {
            out.add("action '" + r.action() + "' needs a recipient");
        }
        if (r.destination() == null || !pack.territory().isRegion(r.destination())) {
            destination(out, r.destination());
        }
        String country = r.subject().country();
        if (country != null && !(Ids.COUNTRY.matcher(country).matches() && ISO.contains(country))) {
            out.add(Places.looksLikeACode(country) ? "the subject's country '" + country + "' is not an ISO 3166-1 country code"
                    : "the subject's country is not a two-letter ISO 3166-1 country code (a value of " + country.length()
                    + " characters, not shown)");
        }
        Set<String> objected = r.subject().objections().isEmpty() ? Set.of() : new HashSet<>();
        for (String o : r.subject().objections()) {
            if (o == null || !(pack.purposes().containsKey(o) || pack.objections().kinds().containsKey(o))) {
                out.add("unknown objection " + Ids.show(o) + " (neither a purpose nor a kind of objection of the pack)");
            } else if (!objected.add(o)) {
                out.add("objection " + Ids.show(o) + " is named twice");
            }
        }
        if (r.transferMechanism() != null && !pack.transfers().mechanisms().containsKey(r.transferMechanism())) {
            out.add("unknown transfer mechanism " + Ids.show(r.transferMechanism()));
        }
        Integer age = r.subject().age();
        if (age != null && (age < 0 || age > MAX_AGE)) {
            out.add("the subject's age is out of range (0 to " + MAX_AGE + ")");
        }
        String guardianKind = r.subject().guardianConsentKind();
        if (guardianKind != null && pack.consentKinds().rank(guardianKind) < 0) {
            out.add("the guardian's consent is of unknown consent kind " + Ids.show(guardianKind));
        }
        List<Consent> consents = r.subject().consents();
        if (consents.size() > MAX_CONSENTS) {
            out.add("the subject has " + consents.size() + " consents; at most " + MAX_CONSENTS + " are accepted");
            return out;
        }
        for (Consent c : consents) {
            if (c.purpose() == null && c.recipient() == null && c.action() == null) {
                out.add("a consent names none of purpose, recipient and action");
            }
            if (c.purpose() != null && !pack.purposes().containsKey(c.purpose())) {
                out.add("a consent names unknown purpose " + Ids.show(c.purpose()));
            }
            if (c.recipient() != null && !pack.recipients().containsKey(c.recipient())) {
                out.add("a consent names unknown recipient " + Ids.show(c.recipient()));
            }
            if (c.action() != null && !pack.actions().containsKey(c.action())) {
                out.add("a consent names unknown action " + Ids.show(c.action()));
            }
            if (c.kind() != null && pack.consentKinds().rank(c.kind()) < 0) {
                out.add("a consent is of unknown consent kind " + Ids.show(c.kind()));
            }
        }
        return out;
    }

    static List<String> problems(Pack pack, io.privacyrules.RightsRequest r) {
        List<String> out = new ArrayList<>();
        Pack.Rights rights = pack.rights();
        if (rights.requests().isEmpty()) {
            out.add("this pack declares no data-subject rights");
            return out;
        }
        known(out, "right", r.right(), rights.requests());
        if (r.extended() && r.right() != null && rights.requests().containsKey(r.right())
                && rights.requests().get(r.right()).extension() == null) {
            out.add("right '" + r.right() + "' has no extension of its deadline to claim");
        }
        Set<String> seen = new HashSet<>();
        for (String g : r.refusalGrounds()) {
            if (g == null || !(rights.refusalGrounds().containsKey(g) || rights.unreasonableGrounds().contains(g))) {
                out.add("unknown refusal ground " + Ids.show(g));
            } else if (!seen.add(g)) {
                out.add("refusal ground " + Ids.show(g) + " is named twice");
            }
        }
        seen.clear();
        for (String g : r.erasureGrounds()) {
            if (g == null || !rights.erasureGrounds().containsKey(g)) {
                out.add("unknown erasure ground " + Ids.show(g));
            } else if (!seen.add(g)) {
                out.add("erasure ground " + Ids.show(g) + " is named twice");
            }
        }
        return out;
    }

    static List<String> problems(Pack pack, io.privacyrules.RetentionQuery q) {
        List<String> out = new ArrayList<>();
        known(out, "data category", q.data(), pack.categories());
        if (q.purposes().isEmpty()) {
            out.add("the query names no purpose the record serves");
        }
        Set<String> seen = new HashSet<>();
        for (String p : q.purposes()) {
            if (p == null || !pack.purposes().containsKey(p)) {
                out.add("unknown purpose " + Ids.show(p));
            } else if (!seen.add(p)) {
                out.add("purpose " + Ids.show(p) + " is named twice");
            }
        }
        Set<String> events = new HashSet<>();
        for (String key : q.events().keySet()) {
            String event = key == null ? null : pack.retention().eventOf(key);
            if (event == null) {
                out.add("unknown event " + Ids.show(key));
            } else if (!events.add(event)) {
                out.add("event " + Ids.show(event) + " is given twice");
            }
        }
        for (String p : q.purposesFulfilled()) {
            if (p == null || !pack.purposes().containsKey(p)) {
                out.add("unknown fulfilled purpose " + Ids.show(p));
            } else if (!q.purposes().contains(p)) {
                out.add("fulfilled purpose " + Ids.show(p) + " is not among the record's purposes");
            }
        }
        return out;
    }

    /**
     * A destination must be an ISO 3166-1 country code ({@link Places}). The value is named only
     * when it has the shape of a code: anything else may be data put in the wrong field.
     */
    private static void destination(List<String> out, String destination) {
        if (destination == null || Places.isKnown(destination)) {
            return;
        }
        if (Places.looksLikeACode(destination)) {
            out.add("destination '" + destination + "' is not an ISO 3166-1 country code");
        } else {
            out.add("the destination is not a two-letter ISO 3166-1 country code (a value of " + destination.length()
                    + " characters, not shown)");
        }
    }

    private static void known(List<String> out, String what, String id, Map<String, ?> declared) {
        if (id == null) {
            out.add("the request names no " + what);
        } else if (!declared.containsKey(id)) {
            out.add("unknown " + what + " " + Ids.show(id));
        }
    }
}
