package io.privacyrules.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.privacyrules.PolicyInfo;
import io.privacyrules.Reason;
import io.privacyrules.Terms;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the commands print: an answer keyed as in scenario files, and the DPV terms of {@code decide --dpv}. */
final class Answers {
    private Answers() {
    }

    /**
     * An answer, keyed as in scenario files: {@code decision} (permit, deny), {@code outcome}
     * (fulfil, refuse, verify-identity) or {@code action} (retain, dispose); the day when there is
     * one ({@code respondBy}, {@code until}); {@code reasons}; {@code obligations} (not for
     * retention); {@code policy} and {@code policyVersion}.
     */
    static Map<String, Object> answer(String answerKey, String answer, String dayKey, LocalDate day,
                                      List<Reason> given, List<String> obligations, PolicyInfo policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(answerKey, answer);
        if (dayKey != null) {
            m.put(dayKey, day == null ? null : day.toString());
        }
        List<Map<String, String>> reasons = new ArrayList<>();
        for (Reason r : given) {
            Map<String, String> rm = new LinkedHashMap<>();
            rm.put("code", r.code());
            rm.put("clause", r.clause());
            rm.put("message", r.message());
            rm.put("rule", r.rule());
            rm.put("pack", r.pack());
            reasons.add(rm);
        }
        m.put("reasons", reasons);
        if (obligations != null) {
            m.put("obligations", obligations);
        }
        m.put("policy", policy.id());
        m.put("policyVersion", policy.version());
        return m;
    }

    /**
     * The {@code dpv} object of {@code decide --dpv}: {@code action}, {@code purpose}, {@code basis},
     * {@code recipient}, {@code right} (each only when the pack gives a term) and {@code data}
     * (category to term, only when some category has one).
     */
    static Map<String, Object> dpv(Terms terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfPresent(m, "action", terms.action());
        putIfPresent(m, "purpose", terms.purpose());
        putIfPresent(m, "basis", terms.basis());
        putIfPresent(m, "recipient", terms.recipient());
        putIfPresent(m, "right", terms.right());
        if (!terms.data().isEmpty()) {
            m.put("data", terms.data());
        }
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Pretty-printed JSON, as every command prints it. */
    static String toJson(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
