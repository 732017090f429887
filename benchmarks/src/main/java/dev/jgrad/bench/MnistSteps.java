package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import dev.jgrad.optim.Adadelta;

/**
 * {@link ModelBenchmarks}' mnist step timed outside JMH for comparing two builds process by process (the classes of
 * this module run against either library jar, as the step uses only the public API): 60 warm steps, then the median
 * of 25 rounds of 3 steps.
 * {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/classes:JGRAD_JAR dev.jgrad.bench.MnistSteps}
 */
public final class MnistSteps {
    private MnistSteps() {}

    /**
     * Prints the step's median, first quartile and best time.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        manualSeed(0);
        ModelBenchmarks.MnistNet net = new ModelBenchmarks.MnistNet();
        Adadelta opt = new Adadelta(net.parameters(), 1.0);
        Tensor x = randn(64, 1, 28, 28), y = randint(0, 10, 64);
        Runnable step = () -> {
            opt.zeroGrad();
            F.nllLoss(net.forward(x), y).backward();
            opt.step();
        };
        for (int i = 0; i < 60; i++) step.run();
        int rounds = 25;
        double[] ms = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < 3; i++) step.run();
            ms[r] = (System.nanoTime() - t) / 3e6;
        }
        java.util.Arrays.sort(ms);
        System.out.printf("mnist median %.2f ms (q1 %.2f, min %.2f)%n", ms[rounds / 2], ms[rounds / 4], ms[0]);
    }
}
