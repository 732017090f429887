package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tensor-core workloads of ../shared/bench/torch_peer.py, one JMH benchmark each, built the same
 * way as the peer builds them (see {@link PeerSuite} for the conversion to the peer's units).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class CoreBenchmarks {

    /** The tutorial's profiler loop on 2x3 tensors: 1000 x (div, mul) = 2000 ops per call. */
    @State(Scope.Thread)
    public static class Small {
        Tensor x, y;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            x = randn(2, 3);
            y = rand(2, 3);
        }
    }

    @Benchmark
    public Tensor smallOps2000(Small s) {
        Tensor z = ones(2, 3);
        for (int i = 0; i < 1000; i++) z = z.div(s.x).mul(s.y);
        return z;
    }

    @State(Scope.Thread)
    public static class Big {
        Tensor a, b;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            a = randn(10_000_000);
            b = randn(10_000_000);
        }
    }

    /** c = a * b + sin(a) over 10M float32. */
    @Benchmark
    public Tensor elementwise10m(Big s) { return s.a.mul(s.b).add(s.a.sin()); }

    @Benchmark
    public Tensor sum10m(Big s) { return s.a.sum(); }

    @State(Scope.Thread)
    public static class Gemm {
        @Param({"256", "1024", "2048"})
        public int n;
        Tensor a, b;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            a = randn(n, n);
            b = randn(n, n);
        }
    }

    @Benchmark
    public Tensor sgemm(Gemm s) { return s.a.matmul(s.b); }
}
