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
 * <p>What it cannot do is run before a JVM's first product: the Java kernels are then still interpreted (a
 * 256 x 256 x 256 product takes 0.3-1 s before the JIT compiles the kernel, against 0.2 ms after), so a
 * first-use comparison would always pick OpenBLAS, and switching after the JIT warmed up would change a
 * running program's bits. So it runs once per machine in a background daemon thread of the first JVM that
 * finds no cache, and leaves the plan to the JVMs after it; the JVM that measured keeps its provisional plan.
 * A JVM that exits first just leaves the measuring to the next.
 *
 * <p>Warming up takes about a second of one core: first tiny products on the calling thread only (the
 * interpreted kernel is slow per multiply-add, and tiny products reach the JIT's thresholds with the fewest
 * of them), then each measured product until its time stops improving. Measuring then takes about
 * {@link #MEASURE_BUDGET_NS}: rounds over every class, Java and OpenBLAS back to back with their order
 * alternating, so a busy spell slows both alike. It is meant to decide on a busy machine too, since that is
 * where JVMs run (the program's own products, other processes): the best time of a side over the rounds is its
 * speed (other work only ever adds time), and a class goes to the side that is more than {@link #MARGIN}
 * faster in the even rounds and in the odd rounds alike. A class without such a clear winner keeps the
 * provisional plan's side, so that a near tie, which noise could tip either way, always resolves the same.
 */
final class GemmCalibration {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Longest warm-up of the Java kernels before the calibration gives up (and writes nothing). */
    static final long WARM_BUDGET_NS = 20_000_000_000L;
    /** How long the measuring rounds run, once at least {@link #MIN_ROUNDS} are done. */
    static final long MEASURE_BUDGET_NS = 60_000_000L;
    /** Rounds before a decision: two in each half, whose verdicts must agree. */
    static final int MIN_ROUNDS = 4;
    /** Rounds at most, however fast they are. */
    static final int MAX_ROUNDS = 16;
    /** How much faster a side must be to win a class; below this the two are level. */
    static final double MARGIN = 0.04;

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
    record Result(GemmPlan plan, String note) implements PlanFiles.Measured {}

    /** Starts the one background calibration of this JVM, which writes its plan for key at file. */
    static void startInBackground(Path file, String key) {
        PlanFiles.inBackground(STARTED, "jgrad-gemm-calibration", () -> {
            Result r = measure(WARM_BUDGET_NS, MEASURE_BUDGET_NS);
            if (r != null) r.plan().write(file, key, r.note());
        });
    }

    /**
     * Measures now, as the background calibration would, and writes this machine's plan to the cache, printing
     * the plan and the measured times: to calibrate a machine before its first real run, or to see what it picks.
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
        PlanFiles.report(measure(WARM_BUDGET_NS, MEASURE_BUDGET_NS), file, key);
    }

    /** Warms up and measures; null when OpenBLAS is missing or the machine was too busy to finish. */
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
        long warmStart = System.nanoTime(), warmEnd = warmStart + warmBudgetNs;
        if (!warmKernel(warmEnd)) return null;
        for (int i = 0; i < CASES.length; i++) {
            long macs = (long) CASES[i].m * CASES[i].n * CASES[i].k;
            if (!warm(javaRuns[i], (int) Math.clamp((1L << 24) / macs, 3, 50), warmEnd)) return null;
            blas[i].run();
        }
        long[][] javaTimes = new long[MAX_ROUNDS][], blasTimes = new long[MAX_ROUNDS][];
        // No round is thrown away, not even one the program's own products ran through: those hold up both
        // sides, and the best of the rounds is what decides.
        long start = System.nanoTime();
        long warming = start - warmStart;
        int rounds = 0;
        while (true) {
            int next = afterRounds(rounds, System.nanoTime() - start, measureBudgetNs);
            if (next == GIVE_UP) return null;
            if (next == DECIDE) break;
            long[] j = javaTimes[rounds] = new long[CASES.length], b = blasTimes[rounds] = new long[CASES.length];
            for (int i = 0; i < CASES.length; i++) {
                if (rounds % 2 == 0) {
                    j[i] = time(javaRuns[i]);
                    b[i] = time(blas[i]);
                } else {
                    b[i] = time(blas[i]);
                    j[i] = time(javaRuns[i]);
                }
            }
            rounds++;
        }
        long measuring = System.nanoTime() - start;
        javaTimes = Arrays.copyOf(javaTimes, rounds);
        blasTimes = Arrays.copyOf(blasTimes, rounds);
        boolean[] useBlas = decide(javaTimes, blasTimes, GemmPlan.PROVISIONAL);
        StringBuilder note = new StringBuilder("Best times, Java / OpenBLAS, in us:");
        for (int i = 0; i < CASES.length; i++) {
            Case c = CASES[i];
            note.append(String.format(Locale.ROOT, " %s %dx%dx%d%s %.1f / %.1f -> %s;", c.name, c.m, c.n, c.k,
                    c.transposedB ? " (B transposed)" : "", best(javaTimes, i, 0, 1) / 1e3,
                    best(blasTimes, i, 0, 1) / 1e3, useBlas[i] ? "blas" : "java"));
        }
        note.append(String.format(Locale.ROOT, " Warmed up in %.0f ms, measured in %.1f ms, %d rounds.",
                warming / 1e6, measuring / 1e6, rounds));
        return new Result(new GemmPlan(useBlas[0], useBlas[1], useBlas[2], useBlas[3], "measured"), note.toString());
    }

    /** What {@link #afterRounds} says to do next. */
    static final int MEASURE = 0, DECIDE = 1, GIVE_UP = 2;

    /**
     * After this many rounds and this much time measuring: another round, or decide (the minimum rounds are
     * done and the budget is spent, or the rounds are at their maximum), or give up. A machine so busy that
     * the minimum takes five budgets decides on one round per half, or gives up without one each.
     */
    static int afterRounds(int rounds, long elapsedNs, long budgetNs) {
        if (rounds >= MAX_ROUNDS || rounds >= MIN_ROUNDS && elapsedNs >= budgetNs) return DECIDE;
        if (elapsedNs > 5 * budgetNs) return rounds >= 2 ? DECIDE : GIVE_UP;
        return MEASURE;
    }

    /**
     * Which classes go to OpenBLAS, from each round's times (round r, class i: javaTimes[r][i]): the side
     * more than {@link #MARGIN} faster by its best time over the even rounds and over the odd rounds; the
     * fallback plan's side where the halves disagree or the two are level.
     */
    static boolean[] decide(long[][] javaTimes, long[][] blasTimes, GemmPlan fallback) {
        return decide(javaTimes, blasTimes, new boolean[] {fallback.small(), fallback.shallow(), fallback.medium(), fallback.large()}, MARGIN);
    }

    /**
     * For each case i, whether side b beats side a (round r's times aTimes[r][i], bTimes[r][i]): the side more
     * than margin faster by its best time over the even rounds and over the odd rounds; fallback[i] where the
     * halves disagree or the two are level. Shared with {@link ConvCalibration}.
     */
    static boolean[] decide(long[][] aTimes, long[][] bTimes, boolean[] fallback, double margin) {
        int rounds = aTimes.length;
        boolean[] useB = new boolean[fallback.length];
        for (int i = 0; i < useB.length; i++) {
            int even = verdict(best(aTimes, i, 0, 2), best(bTimes, i, 0, 2), margin);
            int odd = rounds < 2 ? 0 : verdict(best(aTimes, i, 1, 2), best(bTimes, i, 1, 2), margin);
            useB[i] = even == odd && even != 0 ? even > 0 : fallback[i];
        }
        return useB;
    }

    /** +1 when b is clearly faster, -1 when a is, 0 when level. */
    private static int verdict(long a, long b, double margin) {
        if (b * (1 + margin) < a) return 1;
        if (a * (1 + margin) < b) return -1;
        return 0;
    }

    /** Best time of class i over the rounds first, first + step, first + 2 * step, ... */
    static long best(long[][] times, int i, int first, int step) {
        long best = Long.MAX_VALUE;
        for (int r = first; r < times.length; r += step) best = Math.min(best, times[r][i]);
        return best;
    }

    /**
     * Runs the packed kernel on tiny products on this thread alone until the JIT has compiled it: interpreted,
     * every vector operation allocates, so the cheapest warm-up is the one with the fewest multiply-adds per
     * call. False when the deadline comes first.
     */
    private static boolean warmKernel(long deadline) {
        int m = 2 * SgemmKernel.MR, n = 2 * SgemmKernel.NR, k = 64;
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
        // every path the measured products take: full and partial strips, overwriting and adding, B read
        // by rows and (as a linear layer's weight) by columns
        for (int run = 0; run < 4000; run++) {
            if (System.nanoTime() > deadline) return false;
            boolean byColumns = (run & 4) != 0;
            SgemmKernel.block(0, m - (run & 1), 0, n, k, a, 0, k, 1, b, 0, byColumns ? 1 : n, byColumns ? k : 1,
                    c, 0, n, (run & 2) != 0);
        }
        return true;
    }

    /**
     * Runs op until its best time has stopped improving (by more than 15% over the last ten runs, after at
     * least minRuns runs), that is, until the JIT has compiled it. Interpreted runs are steady too, only slow,
     * so the first class runs often enough for the JIT to compile the kernel (about 2^26 multiply-adds); and
     * the best time, not the last, is the test, since a busy machine makes single runs erratic. False when
     * the deadline comes first.
     */
    static boolean warm(Runnable op, int minRuns, long deadline) {
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

    static long time(Runnable op) {
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
