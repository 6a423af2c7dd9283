package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.ACKNOWLEDGEMENT_KEYS;
import static io.privacyrules.internal.pack.PackLoader.CHANGES_KEYS;
import static io.privacyrules.internal.pack.PackLoader.CONTROLLER_KEYS;
import static io.privacyrules.internal.pack.PackLoader.COVERAGE_KEYS;
import static io.privacyrules.internal.pack.PackLoader.LINT_KEYS;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the sections that never change a decision: {@code changes} (what diff calls a
 * major change) and the authoring sections {@code implements}, {@code lint}, {@code coverage} and
 * {@code controller}, which the authoring tools read.
 */
final class AuthoringReader extends SectionReader {
    AuthoringReader(PackLoader loader) {
        super(loader);
    }

    /** {@code changes}: the update clause and what counts as a major change; read by diff only. */
    Pack.Changes readChanges(Fields top) {
        if (!top.has("changes")) {
            return null;
        }
        Fields f = Fields.of(top.node("changes"), problems, "the changes section", CHANGES_KEYS);
        String clause = clause(f, "clause", true);
        Map<String, String> major = new LinkedHashMap<>();
        if (f.has("major")) {
            Node n = f.node("major");
            Set<String> kinds = ChangeKinds.KINDS;
            Fields m = Fields.of(n, problems, "changes.major", kinds);
            for (String kind : m.entries().keySet()) {
                if (kinds.contains(kind)) {
                    String c = clause(m, kind, true);
                    if (c != null) {
                        major.put(kind, c);
                    }
                }
            }
        }
        boolean consent = f.bool("consentForReducedRights", false);
        return clause == null ? null : new Pack.Changes(clause, java.util.Collections.unmodifiableMap(major), consent);
    }

    /** The sections the authoring tools read; they never change a decision. */
    Pack.Authoring readAuthoring(Fields top) {
        List<String> implemented = new ArrayList<>();
        for (Node.ScalarNode n : top.texts("implements", false)) {
            String c = (String) n.value();
            if (!Ids.isClause(c)) {
                problems.add(n.at(), "'" + shorten(c) + "' is not a clause reference", "for example " + clauseExamples());
            } else if (!clauses.containsKey(c)) {
                problems.add(n.at(), "clause " + c + " is not declared in 'clauses'", hint(c, clauses.keySet()));
            } else if (implemented.contains(c)) {
                problems.add(n.at(), "clause " + c + " is listed twice in 'implements'", "remove one");
            } else {
                implemented.add(c);
            }
        }
        List<Pack.Acknowledgement> acknowledged = new ArrayList<>();
        if (top.has("lint")) {
            Fields lint = Fields.of(top.node("lint"), problems, "the lint section", LINT_KEYS);
            for (Node n : lint.list("acknowledged", false)) {
                Fields a = Fields.of(n, problems, "an acknowledged finding", ACKNOWLEDGEMENT_KEYS);
                String code = a.text("code", true);
                if (code != null && !Ids.isId(code)) {
                    a.problem("code", "'" + shorten(code) + "' is not a lint code", "for example recipient-abroad-forbidden");
                }
                String about = a.text("about", true);
                if (about != null && (about.length() > 120 || about.contains("\n"))) {
                    a.problem("about", "'about' names what the finding is about on one short line",
                            "the id, rule or clause the finding names, for example payment-processor");
                }
                String reason = a.text("reason", true);
                if (code != null && about != null && reason != null) {
                    acknowledged.add(new Pack.Acknowledgement(code, about, reason, a.at()));
                }
            }
        }
        Integer minimum = null;
        if (top.has("coverage")) {
            Fields c = Fields.of(top.node("coverage"), problems, "the coverage section", COVERAGE_KEYS);
            Long m = c.integer("minimum", true);
            if (m != null && (m < 0 || m > 100)) {
                c.problem("minimum", "coverage.minimum is a percentage from 0 to 100", "for example 95");
            } else if (m != null) {
                minimum = m.intValue();
            }
        }
        Pack.Controller controller = null;
        if (top.has("controller")) {
            Fields c = Fields.of(top.node("controller"), problems, "the controller section", CONTROLLER_KEYS);
            controller = new Pack.Controller(c.text("name", true), c.text("department", false), c.text("contact", false));
        }
        return new Pack.Authoring(List.copyOf(implemented), List.copyOf(acknowledged), minimum, controller);
    }
}
