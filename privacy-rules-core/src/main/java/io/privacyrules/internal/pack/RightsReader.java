package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.EXTENSION_KEYS;
import static io.privacyrules.internal.pack.PackLoader.RIGHTS_KEYS;
import static io.privacyrules.internal.pack.PackLoader.RIGHT_KEYS;
import static io.privacyrules.internal.pack.PackLoader.UNREASONABLE_KEYS;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code rights}: the data-subject requests with their deadlines and extensions, the
 * refusal and erasure grounds, and unreasonable requests.
 */
final class RightsReader extends SectionReader {
    RightsReader(PackLoader loader) {
        super(loader);
    }

    Pack.Rights readRights(Fields top, Set<String> obligations, Map<String, WorkingCalendar> calendars) {
        if (!top.has("rights")) {
            return Pack.Rights.NONE;
        }
        Fields f = Fields.of(top.node("rights"), problems, "the rights section", RIGHTS_KEYS);
        String calendarId = f.text("calendar", false);
        WorkingCalendar calendar = calendarId != null && reference(calendarId, f.at("calendar"), calendars.keySet(), "calendar")
                ? calendars.get(calendarId) : null;
        Map<String, Pack.RightDef> requests = new LinkedHashMap<>();
        boolean[] needsCalendar = {false};
        // rights.extension: the extension every right may have, unless a right says its own.
        Pack.Extension shared = f.has("extension") ? extension(f.node("extension"), obligations, false) : null;
        forEachEntry(f, "requests", "right", RIGHT_KEYS, true, (key, r) -> {
            // P0D: an answer on the day of receipt (a withdrawal of consent is effective when made)
            java.time.Period within = r.has("respondWithin") ? period(r, "respondWithin", true) : null;
            String days = r.text("days", false);
            boolean working = false;
            if (days != null) {
                switch (days) {
                    case "working" -> working = true;
                    case "calendar" -> working = false;
                    default -> r.problem("days", "days must be 'working' or 'calendar'", choice(days, List.of("working", "calendar")));
                }
            }
            if (working && within != null && (within.getYears() != 0 || within.getMonths() != 0)) {
                r.problem("respondWithin", "working days are counted in days only", "for example P30D");
            }
            if (working && !r.has("respondWithin")) {
                r.problem("days", "days: working needs a respondWithin to count", "add respondWithin: P30D, or remove days");
            }
            if (working && calendarId == null) {
                needsCalendar[0] = true;
            }
            List<String> obls = new ArrayList<>();
            if (r.has("obligations") && r.texts("obligations", false).isEmpty()) {
                r.problem("obligations", "'obligations' lists none", "name at least one, or remove the key");
            }
            for (Node.ScalarNode o : r.texts("obligations", false)) {
                if (reference((String) o.value(), o.at(), obligations, "obligation")) {
                    obls.add((String) o.value());
                }
            }
            Pack.Extension ext = r.has("extension") ? extension(r.node("extension"), obligations, working) : shared;
            if (ext != null && within == null && r.has("extension")) {
                r.problem("extension", "an extension needs the right's respondWithin to extend", "add respondWithin: P1M");
            } else if (ext != null && within != null && within.isZero() && r.has("extension")) {
                r.problem("extension", "an answer due on the day of receipt (P0D) cannot be extended", "remove the extension");
            }
            if (ext != null && working && (ext.within().getYears() != 0 || ext.within().getMonths() != 0)) {
                r.problem(r.has("extension") ? "extension" : "days", "working days are extended in days only",
                        "write the extension's within in days, for example P20D");
            }
            requests.put(key, new Pack.RightDef(key, nn(clause(r, "clause", true)), within,
                    working, List.copyOf(obls), within == null || within.isZero() ? null : ext));
        });
        if (needsCalendar[0]) {
            f.problem("calendar", "a right counts working days, so the rights section needs a 'calendar'", "calendar: my-calendar");
        }
        Map<String, String> refusal = groundClauses(f, "refusalGrounds");
        Map<String, String> erasure = groundClauses(f, "erasureGrounds");
        String unreasonableClause = null;
        Set<String> unreasonable = new LinkedHashSet<>();
        if (f.has("unreasonableGrounds")) {
            Fields u = Fields.of(f.node("unreasonableGrounds"), problems, "unreasonableGrounds", UNREASONABLE_KEYS);
            unreasonableClause = clause(u, "clause", true);
            if (u.has("grounds") && u.texts("grounds", false).isEmpty()) {
                u.problem("grounds", "'grounds' lists none", "name at least one, or remove unreasonableGrounds");
            }
            for (Node.ScalarNode g : u.texts("grounds", true)) {
                String id = (String) g.value();
                if (checkId(id, g.at(), "ground") && (refusal.containsKey(id) || erasure.containsKey(id) || !unreasonable.add(id))) {
                    problems.add(g.at(), "ground '" + id + "' is declared twice", "each ground id is declared once");
                }
            }
        }
        for (String id : refusal.keySet()) {
            if (erasure.containsKey(id)) {
                problems.add(f.at("erasureGrounds"), "ground '" + id + "' is both a refusal and an erasure ground", "");
            }
        }
        String onNonWorking = f.text("onNonWorkingDay", false);
        boolean roll = false;
        if (onNonWorking != null) {
            switch (onNonWorking) {
                case "next-working-day" -> roll = true;
                case "keep" -> roll = false;
                default -> f.problem("onNonWorkingDay", "onNonWorkingDay must be 'keep' or 'next-working-day'",
                        choice(onNonWorking, List.of("keep", "next-working-day")));
            }
            if (roll && calendarId == null) {
                f.problem("onNonWorkingDay", "rolling a deadline to the next working day needs the rights 'calendar'",
                        "calendar: my-calendar");
            }
        }
        List<String> refusalObligations = new ArrayList<>();
        if (f.has("refusalObligations") && f.texts("refusalObligations", false).isEmpty()) {
            f.problem("refusalObligations", "'refusalObligations' lists none", "name at least one, or remove the key");
        }
        for (Node.ScalarNode o : f.texts("refusalObligations", false)) {
            if (reference((String) o.value(), o.at(), obligations, "obligation")) {
                refusalObligations.add((String) o.value());
            }
        }
        return new Pack.Rights(calendar, requests, refusal, unreasonableClause, ordered(unreasonable), erasure, roll,
                List.copyOf(refusalObligations));
    }

    /** {@code extension: {within, clause, obligations, refusals}}: a deadline the host may extend. */
    Pack.Extension extension(Node node, Set<String> obligations, boolean working) {
        Fields e = Fields.of(node, problems, "the extension", EXTENSION_KEYS);
        java.time.Period within = period(e, "within");
        String clause = clause(e, "clause", true);
        List<String> obls = new ArrayList<>();
        if (e.has("obligations") && e.texts("obligations", false).isEmpty()) {
            e.problem("obligations", "'obligations' lists none", "name at least one, or remove the key");
        }
        for (Node.ScalarNode o : e.texts("obligations", false)) {
            if (reference((String) o.value(), o.at(), obligations, "obligation")) {
                obls.add((String) o.value());
            }
        }
        // refusals: false keeps a refusal to the first period (GDPR Art. 12(4): within one month of receipt).
        boolean refusals = e.bool("refusals", true);
        if (within == null || clause == null) {
            return null;
        }
        return new Pack.Extension(within, clause, List.copyOf(obls), refusals);
    }

    Map<String, String> groundClauses(Fields f, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Fields g = map(f, key, key, false);
        if (g == null) {
            return out;
        }
        for (Node.Entry e : g.entries().values()) {
            if (!checkId(e.key(), e.keyAt(), "ground")) {
                continue;
            }
            String c = g.text(e.key(), true);
            if (c != null) {
                if (!Ids.isClause(c)) {
                    problems.add(e.value().at(), "'" + shorten(c) + "' is not a clause reference", "for example " + clauseExamples());
                } else if (!clauses.containsKey(c)) {
                    problems.add(e.value().at(), "clause " + c + " is not declared in 'clauses'", hint(c, clauses.keySet()));
                } else {
                    out.put(e.key(), c);
                }
            }
        }
        return out;
    }
}
