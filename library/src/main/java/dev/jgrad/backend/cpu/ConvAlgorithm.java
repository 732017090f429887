package dev.jgrad.backend.cpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The float32 convolution's forward algorithms, and which one each layer shape runs, chosen by measuring both
 * on this machine: {@link #GEMM} (im2col, then the packed GEMM kernel) and {@link #DIRECT} ({@link ConvDirect},
 * stride 1 only, and not for the small per-image products the GEMM runs unpacked, {@link ConvKernels#smallProduct}).
 *
 * <p>The two give the same bits (same products, same order of additions, see {@link ConvDirect}), so the
 * choice is free to be made from the first calls of a shape: the first {@value #WARM_CALLS} calls alternate
 * between them while the JIT compiles both, the next {@value #TIMED_ROUNDS} pairs are timed, and the faster
 * by best time (other work only ever adds time) runs every later call of that shape for the JVM's life. A
 * shape is (batch, channels, image size, window, groups); a cache holds each shape's choice. Nothing extra
 * is computed: every measured call is a real call.
 *
 * <p>{@code -Djgrad.conv.algorithm=gemm} or {@code =direct} forces one (direct only where it applies). A layer
 * that runs by Winograd ({@link ConvChoice}, which rounds differently and is decided per machine) never gets here.
 */
enum ConvAlgorithm {
    /** im2col into a per-thread column buffer, then {@link SgemmKernel#block} per image and group. */
    GEMM,
    /** {@link ConvDirect}: no column matrix; stride 1 only. */
    DIRECT;

    static final int WARM_CALLS = 6;
    static final int TIMED_ROUNDS = 3;
    /** Shapes measured at most; later new shapes run GEMM. */
    static final int MAX_SHAPES = 1024;

    /** The forced algorithm, or null to measure; tests set it directly. */
    static volatile ConvAlgorithm forced = parse(System.getProperty("jgrad.conv.algorithm", "auto"));

    private static final Map<Shape, Race> RACES = new ConcurrentHashMap<>();

    static ConvAlgorithm parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> null;
            case "gemm" -> GEMM;
            case "direct" -> DIRECT;
            default -> throw new IllegalArgumentException("jgrad.conv.algorithm must be auto, gemm or direct, got " + s);
        };
    }

    /** The forward problem's size and geometry: what a choice is made for. */
    record Shape(int n, int cin, int h, int w, int cout, int groups, ConvKernels.Window window) {}

    /** A shape's choice in the making: calls alternate, then the faster side's best time wins. */
    static final class Race {
        private int calls;
        private final long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
        private volatile ConvAlgorithm winner;

        /** The algorithm for the next call. */
        synchronized ConvAlgorithm next() {
            ConvAlgorithm w = winner;
            return w != null ? w : values()[calls % 2];
        }

        /** One call of alg took nanos. */
        synchronized void took(ConvAlgorithm alg, long nanos) {
            if (winner != null) return;
            if (calls >= WARM_CALLS) best[alg.ordinal()] = Math.min(best[alg.ordinal()], nanos);
            if (++calls >= WARM_CALLS + 2 * TIMED_ROUNDS) winner = best[DIRECT.ordinal()] < best[GEMM.ordinal()] ? DIRECT : GEMM;
        }

        /** The choice once made, else null. */
        ConvAlgorithm winner() { return winner; }

        /** The best time so far of alg, in ns (Long.MAX_VALUE before it was timed). */
        synchronized long best(ConvAlgorithm alg) { return best[alg.ordinal()]; }
    }

    /** The race for a shape that both algorithms handle; null when only GEMM applies, one is forced, or the cache is full. */
    static Race race(Shape s) {
        if (forced != null || !ConvDirect.handles(s.window)) return null;
        int oh = s.window.outH(s.h), ow = s.window.outW(s.w), kg = s.cin / s.groups * s.window.kh() * s.window.kw();
        if (ConvKernels.smallProduct(s.cout / s.groups, oh * ow, kg)) return null;
        Race r = RACES.get(s);
        if (r != null || RACES.size() >= MAX_SHAPES) return r;  // a program of endless shapes stops measuring new ones
        return RACES.computeIfAbsent(s, x -> new Race());
    }

    /** The algorithm for one call of shape s, and its race (null when not measuring). */
    static ConvAlgorithm pick(Shape s, Race race) {
        ConvAlgorithm f = forced;
        if (f != null) return f == DIRECT && ConvDirect.handles(s.window) ? DIRECT : GEMM;
        return race == null ? GEMM : race.next();
    }

    /** Forgets every choice (tests). */
    static void reset() { RACES.clear(); }

    /** The choices made so far, by shape (for reports). */
    static Map<Shape, Race> races() { return Map.copyOf(RACES); }
}
