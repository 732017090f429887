package dev.jgrad.backend.cpu;

import dev.jgrad.backend.UnaryOp;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * Measures the transcendental kernels' vector path against {@link Math}; a tool, not a test (minutes per op).
 *
 * <p>float32: every one of the 2^32 inputs (or every {@code -Dstep=N}th); float64: {@code -Dcount=N}
 * random bit patterns (default 10^8). Prints the worst error in ulps and how many results are over 0.5
 * and over 1 ulp. Args: op names (default EXP LOG SIN COS TANH SIGMOID), {@code -Ddouble=true} for float64.
 * Run with {@code -Xbatch} so the kernels are C2-compiled (and the Vector API intrinsified) before the sweep.
 * Sigmoid inputs where exp(-x) overflows are skipped (PyTorch's formula gives 0 there; the test checks it).
 */
public final class TranscendentalSweep {
    private static final int CHUNK = 1 << 16;

    public static void main(String[] args) throws InterruptedException {
        String[] names = args.length > 0 ? args : new String[] {"EXP", "LOG", "SIN", "COS", "TANH", "SIGMOID"};
        boolean dbl = Boolean.getBoolean("double");
        warmUp();
        for (String name : names) {
            UnaryOp op = UnaryOp.valueOf(name);
            long start = System.nanoTime();
            Result r = dbl ? sweepDouble(op, Long.getLong("count", 100_000_000L)) : sweepFloat(op, Long.getLong("step", 1));
            System.out.printf("%s %s: max %.4f ulp at x=%s; over 0.5 ulp: %d, over 1 ulp: %d, of %d  [%.0f s]%n",
                    dbl ? "float64" : "float32", op, r.worst, r.worstX, r.over05, r.over1, r.count, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Runs every op's vector path in rotation so C2 compiles the kernels with every case seen. */
    private static void warmUp() {
        float[] x = new float[CHUNK], c = new float[CHUNK];
        double[] xd = new double[CHUNK], cd = new double[CHUNK];
        Random r = new Random(1);
        for (int i = 0; i < CHUNK; i++) xd[i] = x[i] = (float) (r.nextGaussian() * 10);
        for (int rep = 0; rep < 300; rep++) {
            for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.SIN, UnaryOp.COS, UnaryOp.TANH, UnaryOp.SIGMOID}) {
                FloatUnaryKernels.row(op, x, 0, 1, c, 0, 1, CHUNK);
                DoubleUnaryKernels.row(op, xd, 0, 1, cd, 0, 1, CHUNK);
            }
        }
    }

    private static DoubleUnaryOperator reference(UnaryOp op) {
        return switch (op) {
            case EXP -> Math::exp;
            case LOG -> Math::log;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case TANH -> Math::tanh;
            case SIGMOID -> x -> 1 / (1 + Math.exp(-x));
            default -> throw new IllegalArgumentException("no reference for " + op);
        };
    }

    /** Per-thread tallies, merged at the end. */
    private static final class Result {
        double worst, worstX;
        long over05, over1, count;

        void add(double e, double x) {
            count++;
            if (e > 0.5) over05++;
            if (e > 1) over1++;
            if (e > worst || Double.isNaN(e)) {
                worst = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                worstX = x;
            }
        }

        void merge(Result o) {
            if (o.worst > worst) {
                worst = o.worst;
                worstX = o.worstX;
            }
            over05 += o.over05;
            over1 += o.over1;
            count += o.count;
        }
    }

    private interface Slice {
        void run(int thread, int threads, Result into);
    }

    private static Result onThreads(Slice slice) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        Result[] parts = new Result[threads];
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            parts[t] = new Result();
            ts[t] = new Thread(() -> slice.run(id, threads, parts[id]));
            ts[t].start();
        }
        Result all = new Result();
        for (int t = 0; t < threads; t++) {
            ts[t].join();
            all.merge(parts[t]);
        }
        return all;
    }

    private static Result sweepFloat(UnaryOp op, long step) throws InterruptedException {
        DoubleUnaryOperator ref = reference(op);
        return onThreads((id, threads, res) -> {
            float[] x = new float[CHUNK], c = new float[CHUNK];
            for (long base = id * CHUNK * step; base < (1L << 32); base += threads * CHUNK * step) {
                for (int i = 0; i < CHUNK; i++) x[i] = Float.intBitsToFloat((int) (base + i));
                FloatUnaryKernels.row(op, x, 0, 1, c, 0, 1, CHUNK);
                for (int i = 0; i < CHUNK; i++) {
                    if (op == UnaryOp.SIGMOID && Float.isInfinite((float) Math.exp(-(double) x[i]))) continue;
                    double want = ref.applyAsDouble(x[i]);
                    res.add(TranscendentalAccuracyTest.ulpError(c[i], want, (float) want, m -> Math.ulp((float) m)), x[i]);
                }
            }
        });
    }

    private static Result sweepDouble(UnaryOp op, long count) throws InterruptedException {
        DoubleUnaryOperator ref = reference(op);
        return onThreads((id, threads, res) -> {
            Random r = new Random(id);
            double[] x = new double[CHUNK], c = new double[CHUNK];
            for (long done = 0; done < count / threads; done += CHUNK) {
                for (int i = 0; i < CHUNK; i++) {
                    // half any bit pattern, half the range where results are neither 0, 1 nor overflow
                    x[i] = r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : (r.nextDouble() - 0.5) * 1400;
                }
                DoubleUnaryKernels.row(op, x, 0, 1, c, 0, 1, CHUNK);
                for (int i = 0; i < CHUNK; i++) {
                    if (op == UnaryOp.SIGMOID && Double.isInfinite(Math.exp(-x[i]))) continue;
                    double want = ref.applyAsDouble(x[i]);
                    res.add(TranscendentalAccuracyTest.ulpError(c[i], want, want, Math::ulp), x[i]);
                }
            }
        });
    }
}
