package io.privacyrules.internal.tools;

import io.privacyrules.internal.yaml.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One lint finding: what is wrong, where, and what else it involves. Ids, clauses and positions
 * only.
 *
 * @param about        the id, rule or clause the finding is about; an acknowledgement in the pack
 *                     names it with the code
 * @param related      other places the finding involves (the rule on the other side of a conflict)
 * @param acknowledged the reason the pack gives for accepting the finding, or null
 */
public record Finding(Severity severity, String code, String about, Location at, String message, List<Related> related,
                      String acknowledged) {

    /** How serious a finding is; an unacknowledged {@code ERROR} fails {@code lint}. */
    public enum Severity {
        ERROR, WARNING, INFO;

        /** The lower-case name used in the output ({@code error}, {@code warning}, {@code info}). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Another place a finding involves. */
    public record Related(Location at, String what) {
    }

    public Finding {
        related = List.copyOf(related);
    }

    Finding acknowledge(String reason) {
        return new Finding(severity, code, about, at, message, related, reason);
    }

    /** An unacknowledged error: fails lint. */
    public boolean failing() {
        return severity == Severity.ERROR && acknowledged == null;
    }

    /**
     * {@code SEVERITY code file:line message}; an acknowledged finding shows {@code ACKNOWLEDGED}
     * and ends with its original severity and the pack's reason.
     */
    public String line() {
        String head = acknowledged != null ? "ACKNOWLEDGED" : severity.name();
        String tail = acknowledged != null ? " [" + severity.id() + ", acknowledged: " + acknowledged + "]" : "";
        return head + " " + code + " " + LoadedPack.at(at) + " " + message + tail;
    }

    /** The finding as JSON-ready maps and lists. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", severity.id());
        m.put("code", code);
        m.put("about", about);
        m.put("file", at.file());
        m.put("line", at.line());
        m.put("message", message);
        m.put("related", related.stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("file", r.at().file());
            rm.put("line", r.at().line());
            rm.put("what", r.what());
            return rm;
        }).toList());
        m.put("acknowledged", acknowledged != null);
        if (acknowledged != null) {
            m.put("reason", acknowledged);
        }
        return m;
    }
}
