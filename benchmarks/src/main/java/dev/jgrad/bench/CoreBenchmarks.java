package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.Functional;
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
@Warmup(iterations = 10, time = 1)
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
            x = randn(2, 3).requiresGrad_();
            y = rand(2, 3).requiresGrad_();
        }
    }

    /** As the peer: x, y and z require grad, so every op records a node (forward only). */
    @Benchmark
    public Tensor smallOps2000(Small s) {
        Tensor z = ones(2, 3).requiresGrad_();
        for (int i = 0; i < 1000; i++) z = z.div(s.x).mul(s.y);
        return z;
    }

    /** 100 x (div, mul) = 200 recorded ops, then backward through all of them. */
    @Benchmark
    public Tensor smallOpsFwdBwd200(Small s) {
        Tensor z = ones(2, 3).requiresGrad_();
        for (int i = 0; i < 100; i++) z = z.div(s.x).mul(s.y);
        z.sum().backward();
        return s.x.grad();
    }

    @State(Scope.Thread)
    public static class Hessian {
        Tensor v;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            v = randn(DType.FLOAT64, 100);
        }
    }

    /** The peer's f(v) = sum(sin(v) * exp(v)) + (v @ v)^2 over 100 float64 inputs. */
    @Benchmark
    public Tensor hessian100(Hessian s) {
        return Functional.hessian(v -> v.sin().mul(v.exp()).sum().add(v.dot(v).pow(2)), s.v);
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
