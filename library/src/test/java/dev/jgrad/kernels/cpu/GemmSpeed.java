package dev.jgrad.kernels.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints GEMM throughput (median GFLOP/s over timed runs) for square products; a tool, not a test.
 *
 * <p>Args: cases like {@code s256 s1024 d1024} (s/d: float/double, then n for an n x n x n product), with an
 * optional {@code :XY} suffix where X, Y = n or t say whether A, B are read transposed ({@code s1024:nt});
 * default: s256 s1024 s2048 d1024. Properties: {@code -Dthreads=N} (default 2), {@code -Druns=N} (default 9).
 * Each run is about 0.2 s after 1.5 s of warm-up. On Linux, a run during which other processes used more
 * than a tenth of a core is retried (at most 3 x runs retries in all), because on a shared 2-core machine
 * one busy neighbour halves the result and says nothing about the kernel.
 */
public final class GemmSpeed {
    private interface Op { void run(); }

    public static void main(String[] args) {
        Parallel.setNumThreads(Integer.getInteger("threads", 2));
        String[] cases = args.length > 0 ? args : new String[] {"s256", "s1024", "s2048", "d1024"};
        int runs = Integer.getInteger("runs", 9);
        System.out.printf("threads=%d, vector lanes: float %d, double %d%n", Parallel.numThreads(),
                SgemmKernel.VL, DgemmKernel.VL);
        for (String cs : cases) {
            boolean dbl = cs.charAt(0) == 'd';
            String[] parts = cs.split(":");
            int n = Integer.parseInt(parts[0].substring(1));
            boolean ta = parts.length > 1 && parts[1].charAt(0) == 't';
            boolean tb = parts.length > 1 && parts[1].charAt(1) == 't';
            int ars = ta ? 1 : n, acs = ta ? n : 1, brs = tb ? 1 : n, bcs = tb ? n : 1;
            Random r = new Random(1);
            Op op;
            if (dbl) {
                double[] a = new double[n * n], b = new double[n * n], c = new double[n * n];
                for (int i = 0; i < a.length; i++) { a[i] = r.nextDouble() - 0.5; b[i] = r.nextDouble() - 0.5; }
                op = () -> Gemm.dgemm(n, n, n, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
            } else {
                float[] a = new float[n * n], b = new float[n * n], c = new float[n * n];
                for (int i = 0; i < a.length; i++) { a[i] = r.nextFloat() - 0.5f; b[i] = r.nextFloat() - 0.5f; }
                op = () -> Gemm.sgemm(n, n, n, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
            }
            double[] gf = measure(op, 2.0 * n * n * n, runs);
            System.out.printf("%sgemm %5d%-3s: median %6.1f GFLOP/s = %9.2f us  (best %.1f, worst %.1f, %d runs, %d retried)%n",
                    dbl ? "d" : "s", n, parts.length > 1 ? ":" + parts[1] : "", gf[runs / 2], 2e-3 * n * n * n / gf[runs / 2],
                    gf[runs - 1], gf[0], runs, (int) gf[runs]);
        }
    }

    /** Sorted GFLOP/s of each run, plus the retry count in the extra last slot. */
    private static double[] measure(Op op, double flops, int runs) {
        int inner = (int) Math.max(1, Math.min(2e6, Math.round(4e10 / flops))); // about 0.2 s per run
        long warmEnd = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < warmEnd) op.run();
        double[] gf = new double[runs + 1];
        int retries = 0;
        for (int rep = 0; rep < runs; rep++) {
            long othersBefore = othersJiffies();
            long t = System.nanoTime();
            for (int i = 0; i < inner; i++) op.run();
            long ns = System.nanoTime() - t;
            long others = othersJiffies() - othersBefore;
            // jiffies are 10 ms; more than a tenth of a core taken by other processes spoils the run
            if (othersBefore >= 0 && others * 10_000_000L > ns / 10 && retries < 3 * runs) {
                retries++;
                rep--;
                continue;
            }
            gf[rep] = flops * inner / ns;
        }
        Arrays.sort(gf, 0, runs);
        gf[runs] = retries;
        return gf;
    }

    /** CPU jiffies used machine-wide minus those of this process; -1 where /proc is missing. */
    private static long othersJiffies() {
        try {
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = Long.parseLong(all[1]) + Long.parseLong(all[2]) + Long.parseLong(all[3]);
            String self = Files.readString(Path.of("/proc/self/stat"));
            String[] f = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long mine = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return total - mine;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
