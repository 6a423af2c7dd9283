package io.privacyrules.internal.drl;

import io.privacyrules.RetentionQuery;
import io.privacyrules.internal.pack.Pack;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fact a pack's retention rules match on: one validated retention query, with the pack's
 * retention periods already worked out for the record. DRL files see it as {@code Retention}. An
 * {@code until} is the last day of keeping (inclusive).
 *
 * <p>A period <em>applies</em> to the record when the record's data is among the period's
 * {@code data} (if it names any) and one of the period's {@code purposes} (if it names any) is
 * among the record's unfulfilled purposes. Its {@code until} is the day of the first of its
 * {@code after} events to have happened, plus its length; null while none has happened. It is
 * <em>running</em> while {@code asOf} is not after its {@code until} (or it has none) and
 * <em>ended</em> after that.
 *
 * <p>Properties: {@code data}, {@code asOf}, {@code unfulfilledPurposes} (leaving out purposes that
 * an applying period keeps records for), {@code periods} (the ids of the periods that apply, in
 * the pack's order), {@code periodsRunning}, {@code periodsEnded}, {@code running} (some period
 * runs), {@code latestUntil} (the latest {@code until} of the running periods, null when one of them
 * has no end or none runs); helpers {@code untilOf(period)} and {@code clauseOf(period)}.
 */
public final class Retention {
    private final String data;
    private final LocalDate asOf;
    private final Set<String> unfulfilledPurposes;
    private final List<String> periods;
    private final List<String> periodsRunning;
    private final List<String> periodsEnded;
    private final Map<String, LocalDate> until = new HashMap<>();
    private final Map<String, String> clauses = new HashMap<>();
    private final LocalDate latestUntil;

    public Retention(Pack pack, RetentionQuery q, LocalDate asOf) {
        this.data = q.data();
        this.asOf = asOf;
        Pack.Retention r = pack.retention();
        Map<String, LocalDate> happened = new HashMap<>();
        q.events().forEach((key, day) -> {
            String event = r.eventOf(key);
            if (event != null && day != null) {
                happened.put(event, day);
            }
        });
        Set<String> open = new LinkedHashSet<>(q.purposes());
        q.purposesFulfilled().forEach(open::remove);
        Set<String> held = new LinkedHashSet<>();
        List<String> applying = new ArrayList<>();
        List<String> running = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        boolean openEnded = false;
        LocalDate latest = null;
        for (Pack.RetentionPeriod p : r.periods()) {
            if (!p.data().isEmpty() && !p.data().contains(data)) {
                continue;
            }
            if (!p.purposes().isEmpty()) {
                Set<String> served = new LinkedHashSet<>(p.purposes());
                served.retainAll(open);
                if (served.isEmpty()) {
                    continue;
                }
                held.addAll(served);
            }
            applying.add(p.id());
            clauses.put(p.id(), p.clause());
            LocalDate event = null;
            for (String e : p.after()) {
                LocalDate d = happened.get(e);
                if (d != null && (event == null || d.isBefore(event))) {
                    event = d;
                }
            }
            LocalDate end = event == null ? null : event.plus(p.period());
            until.put(p.id(), end);
            if (end == null || !asOf.isAfter(end)) {
                running.add(p.id());
                if (end == null) {
                    openEnded = true;
                } else if (latest == null || end.isAfter(latest)) {
                    latest = end;
                }
            } else {
                ended.add(p.id());
            }
        }
        open.removeAll(held);
        this.unfulfilledPurposes = Set.copyOf(open);
        this.periods = List.copyOf(applying);
        this.periodsRunning = List.copyOf(running);
        this.periodsEnded = List.copyOf(ended);
        this.latestUntil = openEnded ? null : latest;
    }

    /** The last day period {@code id} keeps the record, or null (no event yet, or the period does not apply). */
    @RuleHelper
    public LocalDate untilOf(String id) {
        return until.get(id);
    }

    /** The clause of period {@code id} when it applies, or null. */
    @RuleHelper
    public String clauseOf(String id) {
        return clauses.get(id);
    }

    public String getData() {
        return data;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public Set<String> getUnfulfilledPurposes() {
        return unfulfilledPurposes;
    }

    public List<String> getPeriods() {
        return periods;
    }

    public List<String> getPeriodsRunning() {
        return periodsRunning;
    }

    public List<String> getPeriodsEnded() {
        return periodsEnded;
    }

    public boolean isRunning() {
        return !periodsRunning.isEmpty();
    }

    public LocalDate getLatestUntil() {
        return latestUntil;
    }

    @Override
    public String toString() {
        return "Retention[" + data + " as of " + asOf + "]";
    }
}
