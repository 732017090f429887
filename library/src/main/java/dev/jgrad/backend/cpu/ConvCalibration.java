package dev.jgrad.backend.cpu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures Winograd against im2col for each product of one representative layer, mnist's second convolution (32 to
 * 64 channels, 26x26, 3x3) on {@link #IMAGES} images, and writes the faster side of each to the {@link ConvPlan}
 * cache. Like {@link GemmCalibration}, and for the same reason (a JVM's first convolution runs interpreted code), it
 * runs once per machine in a background daemon thread of the first JVM that finds no cache: each side is run until
 * its best time stops improving, then rounds alternate the two, and a product goes to Winograd only when it is more
 * than {@link #MARGIN} faster in the even rounds and in the odd rounds alike.
 */
final class ConvCalibration {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Images in the measured layer: eight of Winograd's chunks, enough to spread over the threads as a batch does. */
    static final int IMAGES = 32;
    /** How much faster Winograd must be to win a product. */
    static final double MARGIN = 0.05;
    /** Longest warm-up before giving up (and writing nothing). */
    static final long WARM_BUDGET_NS = 20_000_000_000L;
    /** How long the measuring rounds run, once enough are done. */
    static final long MEASURE_BUDGET_NS = 500_000_000L;

    /** The layer measured. */
    static final ConvAlgorithm.Shape LAYER = new ConvAlgorithm.Shape(IMAGES, 32, 26, 26, 64, 1,
            new ConvKernels.Window(3, 3, 1, 1, 0, 0, 1, 1));

    private ConvCalibration() {}

    /** What a calibration found: the plan, and a line with the measured times. */
    record Result(ConvPlan plan, String note) implements PlanFiles.Measured {}

    /** Starts the one background calibration of this JVM, which writes its plan for key at file. */
    static void startInBackground(Path file, String key) {
        PlanFiles.inBackground(STARTED, "jgrad-conv-calibration", () -> {
            Result r = measure(WARM_BUDGET_NS, MEASURE_BUDGET_NS);
            if (r != null) r.plan().write(file, key, r.note());
        });
    }

    /**
     * Measures now, as the background calibration would, writes this machine's plan to the cache and prints it with
     * the measured times. Run with {@code --add-modules jdk.incubator.vector} and the thread count to measure for as
     * {@code -Djgrad.threads=N} (default: the core count).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Parallel.setNumThreads(Integer.getInteger("jgrad.threads", Runtime.getRuntime().availableProcessors()));
        if (!KernelConfig.VECTOR) {
            System.out.println("nothing to calibrate: the Vector API is not available to this JVM");
            return;
        }
        String key = ConvPlan.key();
        Path file = PlanFiles.file("conv-plan", key);
        PlanFiles.report(measure(WARM_BUDGET_NS, MEASURE_BUDGET_NS), file, key);
    }

    /** Warms up and measures; null when the Vector API is missing or the machine was too busy to finish. */
    static Result measure(long warmBudgetNs, long measureBudgetNs) {
        if (!KernelConfig.VECTOR) return null;
        ConvChoice.Product[] products = ConvChoice.Product.values();
        Runnable[][] sides = new Runnable[products.length][];
        for (int i = 0; i < products.length; i++) sides[i] = ConvChoice.sample(products[i], LAYER);
        long warmStart = System.nanoTime(), warmEnd = warmStart + warmBudgetNs;
        for (Runnable[] s : sides) {
            for (Runnable side : s) if (!GemmCalibration.warm(side, 5, warmEnd)) return null;
        }
        int max = GemmCalibration.MAX_ROUNDS;
        long[][] im2col = new long[max][], winograd = new long[max][];
        long start = System.nanoTime();
        int rounds = 0;
        while (true) {
            int next = GemmCalibration.afterRounds(rounds, System.nanoTime() - start, measureBudgetNs);
            if (next == GemmCalibration.GIVE_UP) return null;
            if (next == GemmCalibration.DECIDE) break;
            long[] a = im2col[rounds] = new long[products.length], b = winograd[rounds] = new long[products.length];
            for (int i = 0; i < products.length; i++) {
                if (rounds % 2 == 0) {
                    a[i] = GemmCalibration.time(sides[i][0]);
                    b[i] = GemmCalibration.time(sides[i][1]);
                } else {
                    b[i] = GemmCalibration.time(sides[i][1]);
                    a[i] = GemmCalibration.time(sides[i][0]);
                }
            }
            rounds++;
        }
        long measuring = System.nanoTime() - start;
        im2col = Arrays.copyOf(im2col, rounds);
        winograd = Arrays.copyOf(winograd, rounds);
        boolean[] use = GemmCalibration.decide(im2col, winograd, new boolean[products.length], MARGIN);
        StringBuilder note = new StringBuilder("Best times on " + IMAGES + " images of 32x26x26 to 64 channels, im2col / Winograd, in us:");
        for (int i = 0; i < products.length; i++) {
            note.append(String.format(Locale.ROOT, " %s %.1f / %.1f -> %s;", products[i], GemmCalibration.best(im2col, i, 0, 1) / 1e3,
                    GemmCalibration.best(winograd, i, 0, 1) / 1e3, use[i] ? "winograd" : "im2col"));
        }
        note.append(String.format(Locale.ROOT, " Warmed up in %.0f ms, measured in %.1f ms, %d rounds.",
                (start - warmStart) / 1e6, measuring / 1e6, rounds));
        return new Result(new ConvPlan(use[0], use[1], use[2], "measured"), note.toString());
    }
}
