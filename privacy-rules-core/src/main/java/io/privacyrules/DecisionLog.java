package io.privacyrules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.privacyrules.spi.DecisionEvent;
import io.privacyrules.spi.DecisionSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded, asynchronous decision log: decisions are handed to a queue without waiting, and one
 * background thread passes them to a {@link DecisionSink}. When the queue is full an event is
 * dropped and counted; when the sink throws the event is counted as failed. Neither ever blocks,
 * delays or changes a decision. Attach it with {@link PolicyEngine#withDecisionLog}.
 *
 * <pre>{@code
 * DecisionLog log = DecisionLog.to(DecisionLog.jsonLines(Path.of("decisions.jsonl")));
 * // the bundled seed pack, as an example; a host loads its own pack the same way
 * PolicyEngine engine = PolicyEngine.load("classpath:bmw-connected-drive-cn").withDecisionLog(log);
 * ...
 * log.dropped();   // events lost to a full queue
 * log.close();     // delivers what is queued (up to a second), then stops
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class DecisionLog implements AutoCloseable {
    /** Default queue capacity. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final DecisionSink sink;
    private final BlockingQueue<DecisionEvent> queue;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final String prefix = Long.toString(System.nanoTime() & 0xffffffL, 36) + "-";
    private final Thread worker;
    private volatile boolean closed;

    private DecisionLog(DecisionSink sink, int capacity) {
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::deliver, "privacy-rules-decision-log");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * A log that sends decisions to {@code sink}, queueing at most {@link #DEFAULT_CAPACITY}.
     *
     * @throws NullPointerException if {@code sink} is null
     */
    public static DecisionLog to(DecisionSink sink) {
        return to(sink, DEFAULT_CAPACITY);
    }

    /**
     * A log that sends decisions to {@code sink}, queueing at most {@code capacity}.
     *
     * @throws NullPointerException     if {@code sink} is null
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public static DecisionLog to(DecisionSink sink, int capacity) {
        Objects.requireNonNull(sink, "sink");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        return new DecisionLog(sink, capacity);
    }

    /**
     * A sink that appends one JSON object per line to {@code file}, creating it if needed.
     *
     * @throws NullPointerException if {@code file} is null
     */
    public static DecisionSink jsonLines(Path file) {
        Objects.requireNonNull(file, "file");
        ObjectMapper json = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
        BufferedWriter[] writer = {null};
        return event -> {
            String line = json.writeValueAsString(asMap(event));
            try {
                if (writer[0] == null) {
                    writer[0] = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                writer[0].write(line);
                writer[0].write('\n');
                writer[0].flush();
            } catch (IOException e) {
                BufferedWriter broken = writer[0];
                writer[0] = null; // reopen on the next event
                if (broken != null) {
                    try {
                        broken.close();
                    } catch (IOException ignored) {
                        // already failing; the log counts the event as failed
                    }
                }
                throw e;
            }
        };
    }

    /** A sink that logs one line per decision at INFO on the SLF4J logger {@code io.privacyrules.decisions}. */
    public static DecisionSink slf4j() {
        Logger logger = LoggerFactory.getLogger("io.privacyrules.decisions");
        ObjectMapper json = new ObjectMapper();
        return event -> {
            if (logger.isInfoEnabled()) {
                logger.info(json.writeValueAsString(asMap(event)));
            }
        };
    }

    /** The event as plain maps and lists, as the built-in sinks write it. */
    static Map<String, Object> asMap(DecisionEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("time", e.time().toString());
        m.put("kind", e.kind());
        m.put("policy", e.policy().id());
        m.put("policyVersion", e.policy().version());
        m.put("revision", e.policy().revision());
        m.put("request", new java.util.TreeMap<>(e.request()));
        m.put("answer", e.answer());
        if (e.day() != null) {
            m.put("day", e.day().toString());
        }
        m.put("reasons", e.reasons().stream().map(DecisionLog::reason).toList());
        m.put("obligations", e.obligations());
        return m;
    }

    /** A reason as {@code code}, {@code clause}, {@code rule}, always in that order. */
    private static Map<String, Object> reason(io.privacyrules.Reason r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("clause", r.clause());
        m.put("rule", r.rule());
        return m;
    }

    /** Hands an event to the queue without waiting; counts it as dropped when the queue is full or closed. */
    void offer(DecisionEvent event) {
        if (closed || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** A new event id, unique within this log. */
    String nextId() {
        return prefix + sequence.incrementAndGet();
    }

    private void deliver() {
        while (true) {
            DecisionEvent e;
            try {
                e = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                return;
            }
            if (e == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            try {
                sink.accept(e);
                delivered.incrementAndGet();
            } catch (Throwable t) {
                failed.incrementAndGet();
            }
        }
    }

    /** Events the sink took. */
    public long delivered() {
        return delivered.get();
    }

    /** Events lost because the queue was full (a slow sink) or the log was closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Events the sink threw on. */
    public long failed() {
        return failed.get();
    }

    /** Events waiting in the queue. */
    public int pending() {
        return queue.size();
    }

    /** Stops taking events, delivers what is queued for up to a second, then stops the thread. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) {
            worker.interrupt();
        }
    }
}
