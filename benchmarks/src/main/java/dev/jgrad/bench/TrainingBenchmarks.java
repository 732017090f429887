package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.SGD;
import java.util.concurrent.TimeUnit;
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

/** The peer's training steps: the tutorial's TinyModel with SGD, and a 784-512-512-10 MLP with Adam. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g"})
public class TrainingBenchmarks {

    static final class TinyModel extends Module {
        final Linear layer1 = register("layer1", new Linear(1000, 100));
        final ReLU relu = register("relu", new ReLU());
        final Linear layer2 = register("layer2", new Linear(100, 10));

        @Override public Tensor forward(Tensor x) { return layer2.forward(relu.forward(layer1.forward(x))); }
    }

    @State(Scope.Thread)
    public static class Tiny {
        TinyModel model;
        SGD opt;
        Tensor x, y;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            model = new TinyModel();
            opt = new SGD(model.parameters(), 0.001);
            x = randn(16, 1000);
            y = randn(16, 10);
        }
    }

    @Benchmark
    public Tensor tinymodelStep(Tiny s) {
        s.opt.zeroGrad();
        Tensor loss = s.y.sub(s.model.forward(s.x)).pow(2).sum();
        loss.backward();
        s.opt.step();
        return loss;
    }

    @State(Scope.Thread)
    public static class Mlp {
        Sequential mlp;
        Adam opt;
        Tensor x, y;

        @Setup(Level.Trial)
        public void setup() {
            manualSeed(0);
            mlp = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 512), new ReLU(), new Linear(512, 10));
            opt = new Adam(mlp.parameters(), 1e-3);
            x = randn(128, 784);
            y = randint(0, 10, 128);
        }
    }

    @Benchmark
    public Tensor mlpStep(Mlp s) {
        s.opt.zeroGrad();
        Tensor loss = F.crossEntropy(s.mlp.forward(s.x), s.y);
        loss.backward();
        s.opt.step();
        return loss;
    }
}
