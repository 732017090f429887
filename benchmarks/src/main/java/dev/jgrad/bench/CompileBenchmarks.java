package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.compile.CompiledFunction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Torch.compile's workloads, each beside its eager twin in the same fork: the peer suite's elementwise expression
 * (compare compiled_elementwise_10m_ms with PyTorch's eager elementwise_10m_ms), a GELU-MLP block's forward and
 * backward, and Adam's update written as a function of the parameter, gradient and moment tensors.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class CompileBenchmarks {
    /** CoreBenchmarks' 10M inputs, with the function compiled. */
    @State(Scope.Thread)
    public static class Elementwise extends CoreBenchmarks.Big {
        final BinaryOperator<Tensor> compiled = compile((Tensor x, Tensor y) -> x.mul(y).add(x.sin()));
    }

    /** c = a * b + sin(a) over 10M float32, compiled: one generated kernel, one pass. */
    @Benchmark
    public Tensor compiledElementwise10m(Elementwise s) { return s.compiled.apply(s.a, s.b); }

    /** The same expression eagerly (three kernels, two temporaries), measured in the same fork. */
    @Benchmark
    public Tensor eagerElementwise10m(Elementwise s) { return s.a.mul(s.b).add(s.a.sin()); }

    static final Function<List<Tensor>, List<Tensor>> MLP = in -> List.of(
            in.get(0).matmul(in.get(1).t()).add(in.get(2)).gelu().matmul(in.get(3).t()).add(in.get(4)));

    @State(Scope.Thread)
    public static class Mlp {
        List<Tensor> in;
        final CompiledFunction compiled = CompiledFunction.of(MLP);

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            in = List.of(randn(128, 256), randn(1024, 256).mul(0.05).requiresGrad_(), randn(1024).requiresGrad_(),
                    randn(256, 1024).mul(0.03).requiresGrad_(), randn(256).requiresGrad_());
        }

        Tensor step(Function<List<Tensor>, List<Tensor>> f) {
            Tensor loss = f.apply(in).get(0).pow(2).mean();
            loss.backward();
            for (int i = 1; i < in.size(); i++) in.get(i).setGrad(null);
            return loss;
        }
    }

    /** Linear, GELU, Linear: forward and backward, compiled (bias add + GELU fused, GELU's derivative chain fused). */
    @Benchmark
    public Tensor compiledGeluMlp(Mlp s) { return s.step(s.compiled); }

    /** The same block eagerly. */
    @Benchmark
    public Tensor eagerGeluMlp(Mlp s) { return s.step(MLP); }

    static final double LR = 1e-3, B1 = 0.9, B2 = 0.999, EPS = 1e-8, BC1 = 1 - Math.pow(B1, 10), BC2_SQRT = Math.sqrt(1 - Math.pow(B2, 10));

    static final Function<List<Tensor>, List<Tensor>> ADAM = in -> {
        Tensor p = in.get(0), g = in.get(1), m = in.get(2), v = in.get(3);
        Tensor m1 = m.mul(B1).add(g, 1 - B1);
        Tensor v1 = v.mul(B2).add(g.mul(g), 1 - B2);
        return List.of(p.sub(m1.div(v1.sqrt().div(BC2_SQRT).add(EPS)), LR / BC1), m1, v1);
    };

    @State(Scope.Thread)
    public static class AdamState {
        List<Tensor> in;
        final CompiledFunction compiled = CompiledFunction.of(ADAM);

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            in = List.of(randn(1_000_000), randn(1_000_000), randn(1_000_000).mul(0.1), rand(1_000_000).mul(0.01));
        }
    }

    /** Adam's update over 1M parameters as one compiled function: one kernel for the new parameter and both moments. */
    @Benchmark
    public List<Tensor> compiledAdam1m(AdamState s) { return s.compiled.apply(s.in); }

    /** The same update eagerly (eight kernels). */
    @Benchmark
    public List<Tensor> eagerAdam1m(AdamState s) { return ADAM.apply(s.in); }
}
