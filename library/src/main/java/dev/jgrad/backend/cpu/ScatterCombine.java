package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.ReduceOp;

/** One step of scatter_reduce's prod, amax and amin: dst[di] = dst[di] op src[si] in the element type (a NaN source wins, as ATen's ReduceMaximum). */
final class ScatterCombine {
    private ScatterCombine() {}

    static void combine(ReduceOp op, Object src, int si, Object dst, int di, DType t) {
        switch (t) {
            case FLOAT32 -> { float[] d = (float[]) dst; float v = ((float[]) src)[si];
                d[di] = switch (op) {
                    case PROD -> d[di] * v;
                    case MAX -> Float.isNaN(v) ? v : Math.max(d[di], v);
                    default -> Float.isNaN(v) ? v : Math.min(d[di], v);
                }; }
            case FLOAT64 -> { double[] d = (double[]) dst; double v = ((double[]) src)[si];
                d[di] = switch (op) {
                    case PROD -> d[di] * v;
                    case MAX -> Double.isNaN(v) ? v : Math.max(d[di], v);
                    default -> Double.isNaN(v) ? v : Math.min(d[di], v);
                }; }
            case INT64 -> { long[] d = (long[]) dst; long v = ((long[]) src)[si];
                d[di] = op == ReduceOp.PROD ? d[di] * v : op == ReduceOp.MAX ? Math.max(d[di], v) : Math.min(d[di], v); }
            case INT32 -> { int[] d = (int[]) dst; int v = ((int[]) src)[si];
                d[di] = op == ReduceOp.PROD ? d[di] * v : op == ReduceOp.MAX ? Math.max(d[di], v) : Math.min(d[di], v); }
            case BOOL -> { boolean[] d = (boolean[]) dst; boolean v = ((boolean[]) src)[si];
                d[di] = op == ReduceOp.MAX ? d[di] | v : d[di] & v; }
        }
    }
}
