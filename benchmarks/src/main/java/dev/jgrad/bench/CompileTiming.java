package dev.jgrad.bench;

import static dev.jgrad.Torch.*;

import dev.jgrad.Tensor;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * Compiled against eager, interleaved in one JVM (each round runs both, so load on a shared machine hits both alike):
 * c = a * b + sin(a) over 10M float32. Prints the medians in ms. Args: rounds (default 30).
 */
public final class CompileTiming {
    private CompileTiming() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        manualSeed(0);
        Tensor a = randn(10_000_000), b = randn(10_000_000);
        BinaryOperator<Tensor> compiled = compile((Tensor x, Tensor y) -> x.mul(y).add(x.sin()));
        double[] eager = new double[rounds], fused = new double[rounds];
        for (int warm = 0; warm < 10; warm++) {
            a.mul(b).add(a.sin());
            compiled.apply(a, b);
        }
        for (int r = 0; r < rounds; r++) {
            eager[r] = time(() -> a.mul(b).add(a.sin()));
            fused[r] = time(() -> compiled.apply(a, b));
        }
        System.out.printf("eager_elementwise_10m_ms\t%.3f%ncompiled_elementwise_10m_ms\t%.3f%n", median(eager), median(fused));
    }

    private static double time(Supplier<Tensor> f) {
        long t = System.nanoTime();
        f.get();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
