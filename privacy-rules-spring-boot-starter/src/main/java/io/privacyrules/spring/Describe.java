package io.privacyrules.spring;

import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyInfo;
import io.privacyrules.Problem;
import io.privacyrules.ReloadResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy and a reload as plain maps, for health details, info and the endpoint. Identifiers only. */
final class Describe {
    /** At most this many problems are listed; the count says how many there were. */
    static final int MAX_PROBLEMS = 20;

    private Describe() {
    }

    static Map<String, Object> policy(PolicyInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pack", p.id());
        m.put("version", p.version());
        m.put("revision", p.revision());
        return m;
    }

    static Map<String, Object> serving(PrivacyRules rules) {
        PolicyEngine engine = rules.current();
        PolicyInfo p = engine.policy();
        Map<String, Object> m = policy(p);
        m.put("effective", p.effective().toString());
        m.put("jurisdiction", p.jurisdiction());
        List<PolicyInfo> layers = engine.layers();
        if (layers.size() > 1) {
            m.put("layers", layers.stream().map(Describe::policy).toList());
        }
        return m;
    }

    static String result(ReloadResult r) {
        if (r instanceof ReloadResult.Swapped) {
            return "swapped";
        }
        return r instanceof ReloadResult.Rejected ? "rejected" : "unchanged";
    }

    static Map<String, Object> reload(ReloadResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", result(r));
        if (r instanceof ReloadResult.Swapped s) {
            m.put("from", policy(s.from()));
        }
        m.put("serving", policy(r.serving()));
        if (r instanceof ReloadResult.Rejected rejected) {
            m.put("problemCount", rejected.problems().size());
            m.put("problems", problems(rejected.problems()));
        }
        return m;
    }

    /** {@code file:line:column: message (hint: ...)}, the first {@link #MAX_PROBLEMS}. */
    static List<String> problems(List<Problem> problems) {
        return problems.stream().limit(MAX_PROBLEMS).map(Problem::toString).toList();
    }
}
