package dev.jgrad.kernels.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 reductions of a contiguous (outer, r, inner) block over its middle dim:
 * out[o * inner + j] = reduce over k of x[off + (o * r + k) * inner + j].
 *
 * <p>inner == 1 reduces contiguous runs (vector accumulators, blocked so float error stays small);
 * inner &gt; 1 accumulates whole rows into the output, which keeps every access stride-1.
 * MAX and MIN propagate NaN and, with an index array, report the first position of the result.
 */
public final class FloatReduceKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Partial sums are formed over blocks this long, then added in double. */
    private static final int BLOCK = 4096;

    private FloatReduceKernels() {}

    public static void reduce(ReduceOp op, float[] x, int off, int outer, int r, int inner,
                              float[] out, int outOff, long[] idx) {
        if (inner == 1 && outer == 1 && idx == null && r >= 2 * Parallel.ELEMENTWISE_GRAIN
                && (op == ReduceOp.SUM || op == ReduceOp.SUM_OF_SQUARES || op == ReduceOp.MAX || op == ReduceOp.MIN)) {
            out[outOff] = parallelRun(op, x, off, r);
            return;
        }
        Parallel.forRange(outer, Math.max(1, Parallel.ELEMENTWISE_GRAIN / Math.max(1, r * inner)), (from, to) -> {
            for (int o = from; o < to; o++) {
                int base = off + o * r * inner;
                if (inner == 1) {
                    if (idx != null) argRun(op, x, base, r, out, outOff + o, idx, outOff + o);
                    else out[outOff + o] = run(op, x, base, r);
                } else {
                    rows(op, x, base, r, inner, out, outOff + o * inner, idx);
                }
            }
        });
    }

    private static float parallelRun(ReduceOp op, float[] x, int off, int r) {
        int chunks = Parallel.numThreads();
        float[] partial = new float[chunks];
        Parallel.forRange(chunks, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                int s = (int) ((long) r * c / chunks), e = (int) ((long) r * (c + 1) / chunks);
                partial[c] = run(op, x, off + s, e - s);
            }
        });
        if (op == ReduceOp.SUM || op == ReduceOp.SUM_OF_SQUARES) {
            double acc = 0;
            for (float p : partial) acc += p;
            return (float) acc;
        }
        return run(op, partial, 0, chunks);
    }

    /** Reduces x[base .. base + r). */
    static float run(ReduceOp op, float[] x, int base, int r) {
        switch (op) {
            case SUM, SUM_OF_SQUARES -> {
                boolean sq = op == ReduceOp.SUM_OF_SQUARES;
                double total = 0;
                for (int s = 0; s < r; s += BLOCK) total += blockSum(x, base + s, Math.min(BLOCK, r - s), sq);
                return (float) total;
            }
            case PROD -> {
                float p = 1;
                for (int k = 0; k < r; k++) p *= x[base + k];
                return p;
            }
            case MAX, MIN -> {
                boolean max = op == ReduceOp.MAX;
                int k = 0;
                float best = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                if (r >= 4 * L) {
                    FloatVector acc = FloatVector.broadcast(S, best);
                    for (int bound = S.loopBound(r); k < bound; k += L) {
                        FloatVector v = FloatVector.fromArray(S, x, base + k);
                        acc = acc.lanewise(max ? VectorOperators.MAX : VectorOperators.MIN, v);
                    }
                    best = acc.reduceLanes(max ? VectorOperators.MAX : VectorOperators.MIN);
                }
                for (; k < r; k++) {
                    float v = x[base + k];
                    best = max ? Math.max(best, v) : Math.min(best, v);
                }
                return best;
            }
            case ALL -> {
                for (int k = 0; k < r; k++) if (x[base + k] == 0) return 0;
                return 1;
            }
            case ANY -> {
                for (int k = 0; k < r; k++) if (x[base + k] != 0) return 1;
                return 0;
            }
        }
        throw new AssertionError(op);
    }

    private static float blockSum(float[] x, int base, int n, boolean squares) {
        int k = 0;
        float sum = 0;
        if (n >= 4 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int bound = n - 4 * L; k <= bound; k += 4 * L) {
                FloatVector v0 = FloatVector.fromArray(S, x, base + k), v1 = FloatVector.fromArray(S, x, base + k + L);
                FloatVector v2 = FloatVector.fromArray(S, x, base + k + 2 * L), v3 = FloatVector.fromArray(S, x, base + k + 3 * L);
                if (squares) {
                    a0 = v0.fma(v0, a0); a1 = v1.fma(v1, a1); a2 = v2.fma(v2, a2); a3 = v3.fma(v3, a3);
                } else {
                    a0 = a0.add(v0); a1 = a1.add(v1); a2 = a2.add(v2); a3 = a3.add(v3);
                }
            }
            sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }
        for (; k < n; k++) {
            float v = x[base + k];
            sum += squares ? v * v : v;
        }
        return sum;
    }

    /** MAX/MIN of a run with the index of its first occurrence (NaN counts as the extreme). */
    private static void argRun(ReduceOp op, float[] x, int base, int r, float[] out, int o, long[] idx, int io) {
        boolean max = op == ReduceOp.MAX;
        float best = x[base];
        int at = 0;
        for (int k = 1; k < r && best == best; k++) {
            float v = x[base + k];
            if (v != v || (max ? v > best : v < best)) {
                best = v;
                at = k;
            }
        }
        out[o] = best;
        idx[io] = at;
    }

    /** Reduces r rows of length inner into out, elementwise. */
    private static void rows(ReduceOp op, float[] x, int base, int r, int inner, float[] out, int o, long[] idx) {
        if (idx != null) {
            for (int j = 0; j < inner; j++) {
                boolean max = op == ReduceOp.MAX;
                float best = x[base + j];
                int at = 0;
                for (int k = 1; k < r && best == best; k++) {
                    float v = x[base + k * inner + j];
                    if (v != v || (max ? v > best : v < best)) {
                        best = v;
                        at = k;
                    }
                }
                out[o + j] = best;
                idx[o + j] = at;
            }
            return;
        }
        switch (op) {
            case SUM -> {
                System.arraycopy(x, base, out, o, inner);
                for (int k = 1; k < r; k++) FloatBinaryKernels.row(BinaryOp.ADD, 1f, out, o, 1, x, base + k * inner, 1, out, o, 1, inner);
            }
            case SUM_OF_SQUARES -> {
                FloatBinaryKernels.row(BinaryOp.MUL, 1f, x, base, 1, x, base, 1, out, o, 1, inner);
                for (int k = 1; k < r; k++) {
                    int rowStart = base + k * inner;
                    for (int j = 0; j < inner; j++) out[o + j] = Math.fma(x[rowStart + j], x[rowStart + j], out[o + j]);
                }
            }
            case PROD -> {
                System.arraycopy(x, base, out, o, inner);
                for (int k = 1; k < r; k++) FloatBinaryKernels.row(BinaryOp.MUL, 1f, out, o, 1, x, base + k * inner, 1, out, o, 1, inner);
            }
            case MAX, MIN -> {
                System.arraycopy(x, base, out, o, inner);
                BinaryOp bop = op == ReduceOp.MAX ? BinaryOp.MAXIMUM : BinaryOp.MINIMUM;
                for (int k = 1; k < r; k++) FloatBinaryKernels.row(bop, 1f, out, o, 1, x, base + k * inner, 1, out, o, 1, inner);
            }
            case ALL, ANY -> {
                for (int j = 0; j < inner; j++) {
                    boolean all = op == ReduceOp.ALL;
                    float res = all ? 1 : 0;
                    for (int k = 0; k < r; k++) {
                        boolean nz = x[base + k * inner + j] != 0;
                        if (all && !nz) { res = 0; break; }
                        if (!all && nz) { res = 1; break; }
                    }
                    out[o + j] = res;
                }
            }
        }
    }
}
