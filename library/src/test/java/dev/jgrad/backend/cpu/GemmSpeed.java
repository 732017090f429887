package dev.jgrad.backend.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Prints GEMM throughput (median GFLOP/s over timed runs) for square products; a tool, not a test.
 *
 * <p>Args: cases like {@code s256 s1024 d1024} (s/d: float/double, then n for an n x n x n product, or
 * {@code MxNxK} for an m x n x k one), with an optional {@code :XY} suffix where X, Y = n or t say whether A, B
 * are read transposed ({@code s1024:nt}, {@code s128x512x784:nt}); default: s256 s1024 s2048 d1024.
 * Properties: {@code -Dthreads=N} (default 2), {@code -Druns=N} (default 9), {@code -Dpath=P}: {@code auto}
 * (default: {@link Gemm} as the library calls it), {@code java} (the Java kernels only), {@code blas}
 * (OpenBLAS only), or {@code compare} (java and blas, each case measured twice both ways in turn).
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
        String path = System.getProperty("path", "auto");
        if (!path.equals("auto") && !path.equals("java") && !OpenBlas.AVAILABLE) {
            throw new IllegalStateException("path=" + path + " needs OpenBLAS, which is not available");
        }
        for (String cs : cases) {
            if (path.equals("compare")) {
                // two rounds each, in turn, keeping the better median: a busy neighbour only ever slows a run down
                double java = 0, blas = 0;
                for (int round = 0; round < 2; round++) {
                    java = Math.max(java, run(cs, "java", runs));
                    blas = Math.max(blas, run(cs, "blas", runs));
                }
                System.out.printf("  %-18s java %6.1f  blas %6.1f GFLOP/s  blas/java = %.2f%n", cs, java, blas, blas / java);
            } else {
                run(cs, path, runs);
            }
        }
    }

    /** Measures one case on one path, prints it, returns the median GFLOP/s. */
    private static double run(String cs, String path, int runs) {
        boolean dbl = cs.charAt(0) == 'd';
        String[] parts = cs.split(":");
        String[] dims = parts[0].substring(1).split("x");
        int m = Integer.parseInt(dims[0]);
        int n = dims.length > 1 ? Integer.parseInt(dims[1]) : m;
        int k = dims.length > 2 ? Integer.parseInt(dims[2]) : m;
        boolean ta = parts.length > 1 && parts[1].charAt(0) == 't';
        boolean tb = parts.length > 1 && parts[1].charAt(1) == 't';
        int ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
        Random r = new Random(1);
        Op op;
        if (dbl) {
            double[] a = new double[m * k], b = new double[k * n], c = new double[m * n];
            for (int i = 0; i < a.length; i++) a[i] = r.nextDouble() - 0.5;
            for (int i = 0; i < b.length; i++) b[i] = r.nextDouble() - 0.5;
            op = switch (path) {
                case "java" -> () -> Gemm.dgemmJava(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
                case "blas" -> () -> OpenBlas.dgemm(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
                default -> () -> Gemm.dgemm(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
            };
        } else {
            float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
            for (int i = 0; i < a.length; i++) a[i] = r.nextFloat() - 0.5f;
            for (int i = 0; i < b.length; i++) b[i] = r.nextFloat() - 0.5f;
            op = switch (path) {
                case "java" -> () -> Gemm.sgemmJava(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
                case "blas" -> () -> OpenBlas.sgemm(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
                default -> () -> Gemm.sgemm(m, n, k, a, 0, ars, acs, b, 0, brs, bcs, c, 0, n, false);
            };
        }
        double flops = 2.0 * m * n * k;
        double[] gf = measure(op, flops, runs);
        System.out.printf("%-5s %-18s: median %6.1f GFLOP/s = %9.2f us  (best %.1f, worst %.1f, %d runs, %d retried)%n",
                path, cs, gf[runs / 2], 1e-3 * flops / gf[runs / 2], gf[runs - 1], gf[0], runs, (int) gf[runs]);
        return gf[runs / 2];
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
