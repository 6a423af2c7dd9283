package io.privacyrules.internal.tools;

import io.privacyrules.PolicyInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of lint on one pack. */
public record LintReport(PolicyInfo policy, List<Finding> findings) {
    public LintReport {
        findings = List.copyOf(findings);
    }

    /** Unacknowledged errors: lint fails when there is one. */
    public long errors() {
        return findings.stream().filter(Finding::failing).count();
    }

    public long warnings() {
        return findings.stream().filter(f -> f.acknowledged() == null && f.severity() == Finding.Severity.WARNING).count();
    }

    public long acknowledged() {
        return findings.stream().filter(f -> f.acknowledged() != null).count();
    }

    public boolean failed() {
        return errors() > 0;
    }

    /** {@code N errors, N warnings, N acknowledged (pack version)}. */
    public String summary() {
        return errors() + " errors, " + warnings() + " warnings, " + acknowledged() + " acknowledged ("
                + policy.id() + " " + policy.version() + ")";
    }

    /** The report as JSON-ready maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy.id());
        m.put("policyVersion", policy.version());
        m.put("errors", errors());
        m.put("warnings", warnings());
        m.put("acknowledged", acknowledged());
        m.put("findings", findings.stream().map(Finding::toMap).toList());
        return m;
    }
}
