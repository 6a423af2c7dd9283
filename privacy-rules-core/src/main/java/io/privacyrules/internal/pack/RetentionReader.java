package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.EVENT_KEY;
import static io.privacyrules.internal.pack.PackLoader.EVENT_KEYS;
import static io.privacyrules.internal.pack.PackLoader.PERIOD_KEYS;
import static io.privacyrules.internal.pack.PackLoader.RETENTION_KEYS;

import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code retention}: the events a retention period may run from, and the periods by
 * category or purpose.
 */
final class RetentionReader extends SectionReader {
    RetentionReader(PackLoader loader) {
        super(loader);
    }

    Pack.Retention readRetention(Fields top, Set<String> categories, Set<String> purposes) {
        if (!top.has("retention")) {
            return Pack.Retention.NONE;
        }
        Fields f = Fields.of(top.node("retention"), problems, "the retention section", RETENTION_KEYS);
        Map<String, Pack.EventDef> events = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        forEachEntry(f, "events", "event", EVENT_KEYS, false, (id, e) -> {
            String key = e.text("key", false);
            if (key != null && (!EVENT_KEY.matcher(key).matches() || Set.of("data", "purposes", "purposesFulfilled", "events", "asOf").contains(key))) {
                e.problem("key", "'" + shorten(key) + "' cannot be the key of an event",
                        "a lower camel-case name that is not already a key of a retention query, for example contractEndedOn");
                key = null;
            } else if (key != null && keys.containsKey(key)) {
                e.problem("key", "events " + keys.get(key) + " and " + id + " have the same key " + key, "give each its own");
                key = null;
            } else if (key != null) {
                keys.put(key, id);
            }
            events.put(id, new Pack.EventDef(id, clause(e, "clause", false), e.text("description", true), key));
        });
        List<Pack.RetentionPeriod> periods = new ArrayList<>();
        forEachEntry(f, "periods", "retention period", PERIOD_KEYS, false, (id, p) -> {
            Set<String> data = new LinkedHashSet<>();
            if (p.has("data") && p.texts("data", false).isEmpty()) {
                p.problem("data", "a retention period lists no data category", "name the categories it keeps, or remove the key");
            }
            for (Node.ScalarNode c : p.texts("data", false)) {
                if (reference((String) c.value(), c.at(), categories, "data category")) {
                    data.add((String) c.value());
                }
            }
            Set<String> served = new LinkedHashSet<>();
            if (p.has("purposes") && p.texts("purposes", false).isEmpty()) {
                p.problem("purposes", "a retention period lists no purpose", "name the purposes it keeps records for, or remove the key");
            }
            for (Node.ScalarNode c : p.texts("purposes", false)) {
                if (reference((String) c.value(), c.at(), purposes, "purpose")) {
                    served.add((String) c.value());
                }
            }
            if (!p.has("data") && !p.has("purposes")) {
                p.problem("clause", "retention period " + id + " names neither data nor purposes",
                        "give data: [...] (kept whatever the purposes), purposes: [...] (kept while one is unfulfilled), or both");
            }
            List<String> after = new ArrayList<>();
            if (p.has("after") && p.texts("after", false).isEmpty()) {
                p.problem("after", "'after' names no event", "name the event the period runs from");
            }
            for (Node.ScalarNode ev : p.texts("after", true)) {
                String event = (String) ev.value();
                if (events.containsKey(event)) {
                    after.add(event);
                } else {
                    problems.add(ev.at(), "undeclared event '" + shorten(event) + "'", events.isEmpty()
                            ? "declare it under retention.events, for example " + event + ": {description: ...}"
                            : hint(event, events.keySet()));
                }
            }
            java.time.Period length = java.time.Period.ZERO;
            if (p.has("period")) {
                length = java.util.Objects.requireNonNullElse(period(p, "period"), java.time.Period.ZERO);
            }
            periods.add(new Pack.RetentionPeriod(id, nn(clause(p, "clause", true)), Set.copyOf(data), Set.copyOf(served),
                    List.copyOf(after), length));
        });
        return new Pack.Retention(java.util.Collections.unmodifiableMap(events), List.copyOf(periods));
    }
}
