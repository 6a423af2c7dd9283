package io.privacyrules.bench;

import io.privacyrules.Decision;
import io.privacyrules.PolicyEngine;
import io.privacyrules.ProcessingRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One decision on the seed pack, by the engine and by the alternatives, over the same seeded mix
 * of {@link RequestMix#SIZE} distinct requests. Each thread walks the mix from its own starting
 * point, one request per call, so no single request is hot.
 *
 * <ul>
 *   <li>{@code engine}: {@link PolicyEngine#decide}, the full decision (effect, reasons with
 *       messages, obligations);</li>
 *   <li>{@code engineLayered}: the same with the PIPL baseline as a second layer
 *       ({@link PolicyEngine#layered});</li>
 *   <li>{@code engineDrl}: the engine on the part of the mix a rule of the pack's DRL files
 *       ({@code children.drl}) may fire on, a child without a guardian's consent
 *       ({@link RequestMix#reachingDrl}): the decisions that still go through Drools;</li>
 *   <li>{@code handWritten}: the same decisions as plain Java ifs ({@link HandWritten}), the floor;</li>
 *   <li>{@code jcasbin}, {@code cedar}: the same permit/deny decisions in jCasbin and in Cedar
 *       through cedar-java (effect only: neither expresses obligations).</li>
 * </ul>
 * The {@code ...Threads2} methods are the same with two threads sharing one engine.
 * All four validate the request and derive its facts inside the measured call.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The engine needs about 15 s to reach its steady state: Drools compiles the MVEL constraints of
// the alpha network to bytecode in the background after a few evaluations, then C2 takes over.
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideBenchmark {

    /** The request mix, shared read-only by all threads. */
    @State(Scope.Benchmark)
    public static class Mix {
        ProcessingRequest[] requests;

        @Setup
        public void setUp() {
            requests = RequestMix.standard().toArray(ProcessingRequest[]::new);
        }
    }

    /** The requests of the mix that a rule of the seed pack's DRL files may fire on. */
    @State(Scope.Benchmark)
    public static class DrlMix {
        ProcessingRequest[] requests;

        @Setup
        public void setUp() {
            requests = RequestMix.reachingDrl(RequestMix.standard()).toArray(ProcessingRequest[]::new);
        }
    }

    /** A thread's position in the part of the mix that reaches Drools. */
    @State(Scope.Thread)
    public static class DrlCursor {
        private int next;

        ProcessingRequest next(DrlMix mix) {
            ProcessingRequest r = mix.requests[next];
            next = next + 1 == mix.requests.length ? 0 : next + 1;
            return r;
        }
    }

    /** A thread's position in the mix. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();
        private static final int MASK = RequestMix.SIZE - 1;
        private int next;

        @Setup
        public void setUp() {
            // threads start half a mix apart
            next = (THREADS.getAndIncrement() * (RequestMix.SIZE / 2 + 7)) & MASK;
        }

        ProcessingRequest next(Mix mix) {
            ProcessingRequest r = mix.requests[next];
            next = (next + 1) & MASK;
            return r;
        }
    }

    /** The engine on the seed pack, loaded once per run and shared by the threads. */
    @State(Scope.Benchmark)
    public static class Engine {
        PolicyEngine engine;

        @Setup
        public void setUp() {
            engine = PolicyEngine.load(Seed.LOCATION);
        }
    }

    /** The seed pack under the PIPL baseline (two layers), loaded once per run. */
    @State(Scope.Benchmark)
    public static class Layered {
        PolicyEngine engine;

        @Setup
        public void setUp() {
            engine = PolicyEngine.layered(Seed.LOCATION, "classpath:pipl-baseline");
        }
    }

    /** The jCasbin enforcer with the seed pack's rules, shared by the threads. */
    @State(Scope.Benchmark)
    public static class Casbin {
        CasbinDecider casbin;

        @Setup
        public void setUp() {
            casbin = new CasbinDecider();
        }
    }

    /** The Cedar policy set of the seed pack's rules; fails the run where Cedar's native library cannot load. */
    @State(Scope.Benchmark)
    public static class Cedar {
        CedarDecider cedar;

        @Setup
        public void setUp() {
            String why = CedarDecider.unavailableBecause();
            if (why != null) {
                throw new IllegalStateException("Cedar cannot run on this machine: " + why);
            }
            cedar = new CedarDecider();
        }
    }

    @Benchmark
    @Threads(1)
    public Decision engine(Engine e, Mix mix, Cursor c) {
        return e.engine.decide(c.next(mix));
    }

    /** The same requests decided by the seed pack and the PIPL baseline together. */
    @Benchmark
    @Threads(1)
    public Decision engineLayered(Layered e, Mix mix, Cursor c) {
        return e.engine.decide(c.next(mix));
    }

    /** The decisions that go through Drools: a DRL rule of the pack may fire on each of these requests. */
    @Benchmark
    @Threads(1)
    public Decision engineDrl(Engine e, DrlMix mix, DrlCursor c) {
        return e.engine.decide(c.next(mix));
    }

    @Benchmark
    @Threads(1)
    public HandWritten.Verdict handWritten(Mix mix, Cursor c) {
        return HandWritten.decide(c.next(mix));
    }

    @Benchmark
    @Threads(1)
    public boolean jcasbin(Casbin s, Mix mix, Cursor c) {
        return s.casbin.permitted(c.next(mix));
    }

    @Benchmark
    @Threads(1)
    public boolean cedar(Cedar s, Mix mix, Cursor c) {
        return s.cedar.permitted(c.next(mix));
    }

    @Benchmark
    @Threads(2)
    public Decision engineThreads2(Engine e, Mix mix, Cursor c) {
        return e.engine.decide(c.next(mix));
    }

    @Benchmark
    @Threads(2)
    public Decision engineLayeredThreads2(Layered e, Mix mix, Cursor c) {
        return e.engine.decide(c.next(mix));
    }

    @Benchmark
    @Threads(2)
    public HandWritten.Verdict handWrittenThreads2(Mix mix, Cursor c) {
        return HandWritten.decide(c.next(mix));
    }

    @Benchmark
    @Threads(2)
    public boolean jcasbinThreads2(Casbin s, Mix mix, Cursor c) {
        return s.casbin.permitted(c.next(mix));
    }

    @Benchmark
    @Threads(2)
    public boolean cedarThreads2(Cedar s, Mix mix, Cursor c) {
        return s.cedar.permitted(c.next(mix));
    }
}
