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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading and compiling the seed pack from the classpath ({@code PolicyEngine.load}).
 * <ul>
 *   <li>{@code cold}: once per new JVM (single shot, several forks): what a host pays at start-up,
 *       class loading and an unwarmed Drools compiler included;</li>
 *   <li>{@code coldFirstDecision}: the same, plus the first decision;</li>
 *   <li>{@code warm}: reloading in a running, warmed-up JVM, as a host that picks up a new pack
 *       version would;</li>
 *   <li>{@code coldLayeredFirstDecision}, {@code warmLayered}: the same for the seed pack under the
 *       PIPL baseline ({@code PolicyEngine.layered}).</li>
 * </ul>
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class LoadBenchmark {
    private ProcessingRequest request;

    @Setup
    public void setUp() {
        // built before the measurement so that coldFirstDecision times the engine, not the builder
        request = ProcessingRequest.builder().action("share").purpose("service-analytics").data("identity.gender")
                .recipient("authorized-dealer").consent(io.privacyrules.Consent.toRecipient("authorized-dealer")).build();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public PolicyEngine cold() {
        return PolicyEngine.load(Seed.LOCATION);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public Decision coldFirstDecision() {
        return PolicyEngine.load(Seed.LOCATION).decide(request);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public PolicyEngine warm() {
        return PolicyEngine.load(Seed.LOCATION);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(8)
    public Decision coldLayeredFirstDecision() {
        return PolicyEngine.layered(Seed.LOCATION, "classpath:pipl-baseline").decide(request);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public PolicyEngine warmLayered() {
        return PolicyEngine.layered(Seed.LOCATION, "classpath:pipl-baseline");
    }
}
