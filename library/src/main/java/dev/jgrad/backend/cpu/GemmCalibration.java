package dev.jgrad.backend.cpu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures the Java kernels against OpenBLAS on one product per {@link GemmPlan} size class, and writes the
 * faster side of each class to the plan cache.
 *
 * <p>The measurement itself takes about 35 ms a pass on a quiet 2-core machine (each class timed in turns, seven
 * rounds at most, stopped at 100 ms; rounds disturbed by the program's own products are not counted), and
 * is done twice: only a plan both passes agree on is cached. What it cannot do is run before a JVM's first product: the Java kernels are then still
 * interpreted (a 256 x 256 x 256 product took 0.3-1 s before the JIT compiled the kernel, against 0.2 ms
 * after), so a first-use comparison would always pick OpenBLAS, and switching after the JIT warmed up
 * would change a running program's bits. So it runs once per machine in a background daemon thread of the
 * first JVM that finds no cache: it warms the Java kernels itself (a few seconds of one core, once),
 * measures, and leaves the plan to the JVMs after it; the JVM that measured keeps its provisional plan.
 * A JVM that exits first just leaves the measuring to the next.
 */
final class GemmCalibration {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Longest warm-up of the Java kernels before the calibration gives up (and writes nothing). */
    static final long WARM_BUDGET_NS = 20_000_000_000L;
    /** Longest measuring phase once warm. */
    static final long MEASURE_BUDGET_NS = 100_000_000L;

    private GemmCalibration() {}

    /** One product measured: the size class it stands for, its dimensions, and whether B is read transposed. */
    private record Case(String name, int m, int n, int k, boolean transposedB) {}

    /** The products measured, one per class of {@link GemmPlan}: a linear layer's, a shallow one, two squares. */
    private static final Case[] CASES = {
        new Case("small", 64, 64, 64, true),
        new Case("shallow", 256, 256, 16, false),
        new Case("medium", 384, 384, 384, false),
        new Case("large", 640, 640, 640, false),
    };

    /** What a calibration found: the plan, and a line with the measured times. */
    record Result(GemmPlan plan, String note) {}

    /** Starts the one background calibration of this JVM, which writes its plan for key at file. */
    static void startInBackground(Path file, String key) {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(() -> {
            Result r = measure(WARM_BUDGET_NS, MEASURE_BUDGET_NS);
            if (r != null) r.plan().write(file, key, r.note());
        }, "jgrad-gemm-calibration");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * Measures now and writes this machine's plan to the cache, printing what it measured: for a benchmark
     * machine, whose busy JVMs would never find the quiet moment the background calibration waits for.
     * Run with the JVM flags jgrad needs ({@code --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED})
     * and the thread count to measure for as {@code -Djgrad.threads=N} (default: the core count).
     */
    public static void main(String[] args) {
        Parallel.setNumThreads(Integer.getInteger("jgrad.threads", Runtime.getRuntime().availableProcessors()));
        if (!OpenBlas.AVAILABLE || !KernelConfig.VECTOR) {
            System.out.println("nothing to calibrate: OpenBLAS or the Vector API is not available to this JVM");
            return;
        }
        String key = GemmPlan.key();
        java.nio.file.Path file = GemmPlan.cacheFile(key);
        Result r = measure(WARM_BUDGET_NS, MEASURE_BUDGET_NS);
        if (r == null) {
            System.out.println("the machine was too busy for two passes to agree; nothing written");
        } else {
            boolean written = file != null && r.plan().write(file, key, r.note());
            System.out.println(r.plan() + "\n" + r.note() + "\n" + (written ? "written to " + file : "not written (no cache directory)"));
        }
    }

    /** Warms up and measures; null when OpenBLAS is missing or the Java kernels never ran steadily. */
    static Result measure(long warmBudgetNs, long measureBudgetNs) {
        if (!OpenBlas.AVAILABLE || !KernelConfig.VECTOR) return null;
        Random rnd = new Random(7);
        Runnable[] javaRuns = new Runnable[CASES.length], blas = new Runnable[CASES.length];
        for (int i = 0; i < CASES.length; i++) {
            Case c = CASES[i];
            float[] a = random(rnd, c.m * c.k), b = random(rnd, c.k * c.n), out = new float[c.m * c.n];
            int brs = c.transposedB ? 1 : c.n, bcs = c.transposedB ? c.k : 1;
            javaRuns[i] = () -> Gemm.sgemmJava(c.m, c.n, c.k, a, 0, c.k, 1, b, 0, brs, bcs, out, 0, c.n, false);
            blas[i] = () -> OpenBlas.sgemm(c.m, c.n, c.k, a, 0, c.k, 1, b, 0, brs, bcs, out, 0, c.n, false);
        }
        long warmEnd = System.nanoTime() + warmBudgetNs;
        for (int i = 0; i < CASES.length; i++) {
            long macs = (long) CASES[i].m * CASES[i].n * CASES[i].k;
            if (!warm(javaRuns[i], (int) Math.clamp((1L << 26) / macs, 8, 200), warmEnd)) return null;
            blas[i].run();
        }
        // Two passes must agree: a plan measured in a noisy spell is left for a later JVM to measure again
        // rather than kept for good.
        Result first = pass(javaRuns, blas, measureBudgetNs);
        Result second = first == null ? null : pass(javaRuns, blas, measureBudgetNs);
        if (second == null || !first.plan().equals(second.plan())) return null;
        return new Result(second.plan(), first.note() + " Again: " + second.note());
    }

    /** One measuring pass over every class; null when too disturbed to tell. */
    private static Result pass(Runnable[] javaRuns, Runnable[] blas, long measureBudgetNs) {
        long start = System.nanoTime(), giveUp = start + 100 * measureBudgetNs;
        long[] javaBest = new long[CASES.length], blasBest = new long[CASES.length];
        Arrays.fill(javaBest, Long.MAX_VALUE);
        Arrays.fill(blasBest, Long.MAX_VALUE);
        long[] javaRound = new long[CASES.length], blasRound = new long[CASES.length];
        // Rounds take every class in turn, both sides each time, so a busy spell slows both alike; the best
        // of the rounds is the kernel's speed, since other work only ever adds time. A round during which the
        // program itself multiplied matrices (its calls share OpenBLAS's threads and jgrad's pool with this
        // one) is thrown away, and measuring waits for a quieter moment, a dozen times at most.
        long measuring = 0;
        int kept = 0, disturbed = 0;
        while (kept < 7 && (kept < 2 || measuring < measureBudgetNs)) {
            if (System.nanoTime() > giveUp || disturbed > 12) return null;
            int before = Gemm.calls;
            long roundStart = System.nanoTime();
            for (int i = 0; i < CASES.length; i++) {
                javaRound[i] = time(javaRuns[i]);
                blasRound[i] = time(blas[i]);
            }
            measuring += System.nanoTime() - roundStart;
            if (Gemm.calls != before) {
                // back off (20 ms doubling to about 1 s): a program busy multiplying should not also pay for this
                sleep(20L << Math.min(disturbed++, 6));
                continue;
            }
            kept++;
            for (int i = 0; i < CASES.length; i++) {
                javaBest[i] = Math.min(javaBest[i], javaRound[i]);
                blasBest[i] = Math.min(blasBest[i], blasRound[i]);
            }
        }
        boolean[] useBlas = new boolean[CASES.length];
        StringBuilder note = new StringBuilder("Best times, Java / OpenBLAS, in us:");
        for (int i = 0; i < CASES.length; i++) {
            // Steady kernels on one machine are within 2x of each other on these shapes; 4x apart means
            // something else ran (another process's threads on OpenBLAS's cores): too disturbed to keep.
            if (blasBest[i] > 4 * javaBest[i] || javaBest[i] > 4 * blasBest[i]) return null;
            useBlas[i] = blasBest[i] < javaBest[i];
            Case c = CASES[i];
            note.append(String.format(Locale.ROOT, " %s %dx%dx%d%s %.1f / %.1f;", c.name, c.m, c.n, c.k,
                    c.transposedB ? " (B transposed)" : "", javaBest[i] / 1e3, blasBest[i] / 1e3));
        }
        note.append(String.format(Locale.ROOT, " measured in %.1f ms.", measuring / 1e6));
        return new Result(new GemmPlan(useBlas[0], useBlas[1], useBlas[2], useBlas[3], "measured"), note.toString());
    }

    /**
     * Runs op until its best time has stopped improving (by more than 15% over the last ten runs, after at
     * least minRuns runs), that is, until the JIT has compiled it. Interpreted runs are steady too, only slow,
     * so the first class runs often enough for the JIT to compile the kernel (about 2^26 multiply-adds); and
     * the best time, not the last, is the test, since a busy machine makes single runs erratic. False when
     * the deadline comes first.
     */
    private static boolean warm(Runnable op, int minRuns, long deadline) {
        long best = Long.MAX_VALUE;
        int improved = 0;
        for (int run = 0; System.nanoTime() < deadline; run++) {
            long t = time(op);
            if (t < best - best * 15 / 100) improved = run;
            best = Math.min(best, t);
            if (run >= minRuns && run - improved >= 10) return true;
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long time(Runnable op) {
        long t = System.nanoTime();
        op.run();
        return System.nanoTime() - t;
    }

    private static float[] random(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) x[i] = rnd.nextFloat() - 0.5f;
        return x;
    }
}
