package dev.jgrad.backend.cpu;

import dev.jgrad.backend.ReduceOp;
/**
 * Integral reductions (int64; int32 and bool are widened first) of a contiguous (outer, r, inner) block
 * over its middle dim, with the same layout contract as {@link FloatReduceKernels}.
 */
public final class LongReduceKernels {
    private LongReduceKernels() {}

    public static void reduce(ReduceOp op, long[] x, int off, int outer, int r, int inner, long[] out, int outOff, long[] idx) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = off + o * r * inner + j;
                int at = outOff + o * inner + j;
                long acc;
                switch (op) {
                    case SUM -> { acc = 0; for (int k = 0; k < r; k++) acc += x[base + k * inner]; }
                    case SUM_OF_SQUARES -> { acc = 0; for (int k = 0; k < r; k++) acc += x[base + k * inner] * x[base + k * inner]; }
                    case PROD -> { acc = 1; for (int k = 0; k < r; k++) acc *= x[base + k * inner]; }
                    case MAX, MIN -> {
                        boolean max = op == ReduceOp.MAX;
                        acc = x[base];
                        int best = 0;
                        for (int k = 1; k < r; k++) {
                            long v = x[base + k * inner];
                            if (max ? v > acc : v < acc) { acc = v; best = k; }
                        }
                        if (idx != null) idx[at] = best;
                    }
                    case ALL -> { acc = 1; for (int k = 0; k < r; k++) if (x[base + k * inner] == 0) { acc = 0; break; } }
                    case ANY -> { acc = 0; for (int k = 0; k < r; k++) if (x[base + k * inner] != 0) { acc = 1; break; } }
                    default -> throw new AssertionError(op);
                }
                out[at] = acc;
            }
        }
    }
}
