package io.privacyrules.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code privacy-rules.*} properties of the starter.
 *
 * <pre>
 * privacy-rules.policy=classpath:bmw-connected-drive-cn
 * privacy-rules.decision-log.sink=json-lines
 * privacy-rules.decision-log.file=/var/log/app/decisions.jsonl
 * </pre>
 *
 * <p>A mutable bean that Spring binds once, at start-up; not thread-safe while it is bound, and
 * read only after that.
 */
@ConfigurationProperties("privacy-rules")
public class PrivacyRulesProperties {
    /**
     * The pack to load at start-up: a folder, or classpath:NAME for a pack packaged under NAME/ on
     * the classpath. Several locations (a list, or comma-separated) load as layers, the company's
     * policy first and the law after it.
     */
    private List<String> policy = new ArrayList<>();

    /**
     * The time zone of the engine's clock, which tells what day "today" is for data-subject
     * requests and retention queries. Default: the pack's timeZone.
     */
    private ZoneId clockZone;

    private final Reload reload = new Reload();

    private final Log decisionLog = new Log();

    private final Metrics metrics = new Metrics();

    /** The pack location(s); never null. */
    public List<String> getPolicy() {
        return policy;
    }

    /** Sets the pack location(s). */
    public void setPolicy(List<String> policy) {
        this.policy = policy == null ? new ArrayList<>() : new ArrayList<>(policy);
    }

    /** The clock's zone, or null for the pack's own. */
    public ZoneId getClockZone() {
        return clockZone;
    }

    /** Sets the clock's zone; null for the pack's own. */
    public void setClockZone(ZoneId clockZone) {
        this.clockZone = clockZone;
    }

    /** Live reload. */
    public Reload getReload() {
        return reload;
    }

    /** The decision log. */
    public Log getDecisionLog() {
        return decisionLog;
    }

    /** Metrics. */
    public Metrics getMetrics() {
        return metrics;
    }

    /** The {@code privacy-rules.reload.*} properties. Not thread-safe while bound; read-only after. */
    public static class Reload {
        /**
         * Whether to watch the pack's folder and swap in a new version when a file in it changes.
         * A version that does not load is rejected and the old one goes on serving.
         */
        private boolean enabled;

        /**
         * The pack folder to watch and reload from. Default: privacy-rules.policy, when that is one
         * folder.
         */
        private Path folder;

        /** How often the folder is checked for changed files. */
        private Duration interval = Duration.ofSeconds(30);

        /** Whether the folder is watched. */
        public boolean isEnabled() {
            return enabled;
        }

        /** Turns watching on or off. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** The folder to watch, or null for the policy location. */
        public Path getFolder() {
            return folder;
        }

        /** Sets the folder to watch. */
        public void setFolder(Path folder) {
            this.folder = folder;
        }

        /** The interval between two checks. */
        public Duration getInterval() {
            return interval;
        }

        /** Sets the interval between two checks. */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }
    }

    /** The {@code privacy-rules.decision-log.*} properties. Not thread-safe while bound; read-only after. */
    public static class Log {
        /**
         * Where every decision goes as an audit event: none, slf4j (one JSON line at INFO on the
         * logger io.privacyrules.decisions) or json-lines (appended to decision-log.file).
         */
        private Sink sink = Sink.NONE;

        /** The file the json-lines sink appends to; required for that sink. */
        private Path file;

        /**
         * How many events may wait for the sink; when the queue is full an event is dropped and
         * counted, the decision is never delayed.
         */
        private int queueSize = 10_000;

        /** The sink. */
        public Sink getSink() {
            return sink;
        }

        /** Sets the sink. */
        public void setSink(Sink sink) {
            this.sink = sink;
        }

        /** The json-lines file, or null. */
        public Path getFile() {
            return file;
        }

        /** Sets the json-lines file. */
        public void setFile(Path file) {
            this.file = file;
        }

        /** The queue's capacity. */
        public int getQueueSize() {
            return queueSize;
        }

        /** Sets the queue's capacity. */
        public void setQueueSize(int queueSize) {
            this.queueSize = queueSize;
        }
    }

    /** Where decision events go. Thread-safe: an enum. */
    public enum Sink {
        /** No decision log. */
        NONE,
        /** One JSON line per decision at INFO on the SLF4J logger {@code io.privacyrules.decisions}. */
        SLF4J,
        /** One JSON object per line, appended to a file. */
        JSON_LINES
    }

    /** The {@code privacy-rules.metrics.*} properties. Not thread-safe while bound; read-only after. */
    public static class Metrics {
        /**
         * How many distinct values the pack and reason tags of the decision meters each keep; a
         * value seen after that many others is tagged "other".
         */
        private int maxTagValues = 100;

        /** The cap of distinct tag values. */
        public int getMaxTagValues() {
            return maxTagValues;
        }

        /** Sets the cap of distinct tag values. */
        public void setMaxTagValues(int maxTagValues) {
            this.maxTagValues = maxTagValues;
        }
    }
}
