package io.privacyrules.junit;

import io.privacyrules.Decision;
import io.privacyrules.Obligation;
import io.privacyrules.PolicyInfo;
import io.privacyrules.Reason;
import io.privacyrules.RetentionDecision;
import io.privacyrules.RightsDecision;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A decision written out for a failure message: the answer, each reason as
 * {@code clause code: message (rule r)}, the obligations and the pack. Decisions hold identifiers
 * and the pack's own sentences only, never personal data, so all of it may be shown.
 */
final class Shown {
    private Shown() {
    }

    static String decision(Decision d) {
        return "\n  decision: " + d.effect().id() + reasons(d.reasons()) + obligations(d.obligations()) + policy(d.policy());
    }

    static String rights(RightsDecision d) {
        return "\n  outcome: " + d.outcome().id()
                + "\n  respondBy: " + (d.respondBy() == null ? "none" : d.respondBy())
                + reasons(d.reasons()) + obligations(d.obligations()) + policy(d.policy());
    }

    static String retention(RetentionDecision d) {
        return "\n  action: " + d.action().id()
                + "\n  until: " + (d.until() == null ? "none" : d.until())
                + reasons(d.reasons()) + policy(d.policy());
    }

    private static String reasons(List<Reason> reasons) {
        return "\n  reasons:" + reasons.stream()
                .map(r -> "\n    " + r.clause() + " " + r.code() + ": " + r.message() + " (rule " + r.rule() + ")")
                .collect(Collectors.joining());
    }

    private static String obligations(List<Obligation> obligations) {
        return "\n  obligations: " + (obligations.isEmpty() ? "none"
                : obligations.stream().map(o -> o.id() + " (" + o.clause() + ")").collect(Collectors.joining(", ")));
    }

    private static String policy(PolicyInfo p) {
        return "\n  policy: " + p.id() + " " + p.version();
    }
}
