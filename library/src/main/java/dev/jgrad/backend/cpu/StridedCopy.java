package dev.jgrad.backend.cpu;

/**
 * Same-dtype copies between two strided layouts of one shape (contiguous(), clone of a view, copy_ into a view):
 * the layouts' dims merged as {@link StridedIter} merges them, then one of two loops with no call per row.
 * <ul>
 *   <li>Both innermost dims contiguous (a transposed pair of outer dims, a slice, a permute that keeps the last
 *       dim last): one {@link System#arraycopy} per row.</li>
 *   <li>The destination's innermost dim contiguous and the source's innermost not, but another of the source's
 *       dims contiguous (a transpose of the last two dims, {@code x.t().contiguous()}): for each position of
 *       the remaining dims, that 2-D block is copied in {@link #TILE} x {@link #TILE} tiles through a small
 *       buffer: source runs in, destination runs out. Walking the destination's rows instead read one element
 *       from each source cache line per row (a [512, 1024] float matrix's t() copied 2-3x slower).</li>
 * </ul>
 * Anything else (broadcast sources, and the tiled case for element types other than float32, the one training runs
 * in) is left to the general row walk.
 * Copies change no values, so how the work is split over threads changes no bits.
 */
final class StridedCopy {
    /** Elements on a side of a transposing tile: 16 floats is one cache line. */
    static final int TILE = 16;

    private StridedCopy() {}

    /**
     * Copies src into dst (it: their merged layout, src the first operand, dst the second), both of element type t,
     * when one of the two loops applies; returns false, having written nothing, when neither does or when both are
     * one array (an overlapping copy keeps the general walk's order).
     */
    static boolean copy(Object src, int so, Object dst, int doff, StridedIter it, dev.jgrad.DType t) {
        if (src == dst) return false;
        int[] dims = it.shape();
        int[] ss = it.strides(0), ds = it.strides(1);
        int nd = dims.length, inner = dims[nd - 1];
        if (ss[nd - 1] == 1 && ds[nd - 1] == 1) {
            rows(src, so, ss, dst, doff, ds, dims);
            return true;
        }
        if (ds[nd - 1] != 1 || ss[nd - 1] == 0 || nd < 2 || inner < 2) return false;
        int p = -1;
        for (int d = nd - 2; d >= 0; d--) if (ss[d] == 1 && dims[d] > 1) { p = d; break; }
        if (p < 0) return false;
        if (t == dev.jgrad.DType.FLOAT32) {
            transposed((float[]) src, so, ss, (float[]) dst, doff, ds, dims, p);
            return true;
        }
        return false;
    }

    /**
     * One arraycopy per innermost row; rows split over threads when there are enough elements. Its own odometer, not
     * {@link StridedIter#forAllRows}: the visitor call and offsets array per row made attention's head copy 1.6x slower.
     */
    private static void rows(Object src, int so, int[] ss, Object dst, int doff, int[] ds, int[] dims) {
        int nd = dims.length, inner = dims[nd - 1];
        int rows = 1;
        for (int d = 0; d < nd - 1; d++) rows *= dims[d];
        Parallel.forRange(rows, Math.max(1, Parallel.ELEMENTWISE_GRAIN / Math.max(1, inner)), (from, to) -> {
            int[] counter = new int[Math.max(1, nd - 1)];
            int s = so, d = doff, rem = from;
            for (int k = nd - 2; k >= 0; k--) {
                counter[k] = rem % dims[k];
                rem /= dims[k];
                s += counter[k] * ss[k];
                d += counter[k] * ds[k];
            }
            for (int r = from; r < to; r++) {
                System.arraycopy(src, s, dst, d, inner);
                for (int k = nd - 2; k >= 0; k--) {
                    if (++counter[k] < dims[k]) {
                        s += ss[k];
                        d += ds[k];
                        break;
                    }
                    counter[k] = 0;
                    s -= (dims[k] - 1) * ss[k];
                    d -= (dims[k] - 1) * ds[k];
                }
            }
        });
    }

    /**
     * The blocks of dims p (source-contiguous) and the innermost (destination-contiguous), one per position of
     * the other dims, in tiles: each tile's source runs are read whole into a small buffer, then written out as
     * whole destination runs, so neither side walks a cache line a float at a time. Strips of TILE destination
     * rows are split over threads.
     */
    private static void transposed(float[] src, int so, int[] ss, float[] dst, int doff, int[] ds, int[] dims, int p) {
        int nd = dims.length, rows = dims[p], cols = dims[nd - 1];
        int srcCol = ss[nd - 1], srcRow = ss[p], dstRow = ds[p];
        int[] outer = outerDims(dims, p);
        int strips = (rows + TILE - 1) / TILE, units = blocks(dims, outer) * strips;
        Parallel.forRange(units, Math.max(1, Parallel.ELEMENTWISE_GRAIN / (TILE * cols)), (from, to) -> {
            float[] buf = new float[TILE * TILE];
            for (int u = from; u < to; u++) {
                int b = u / strips, i0 = u % strips * TILE, i1 = Math.min(rows, i0 + TILE), h = i1 - i0;
                int s = so + blockOffset(b, dims, outer, ss) + i0 * srcRow;
                int d = doff + blockOffset(b, dims, outer, ds) + i0 * dstRow;
                for (int j0 = 0; j0 < cols; j0 += TILE) {
                    int w = Math.min(TILE, cols - j0);
                    for (int j = 0; j < w; j++) {
                        int sj = s + (j0 + j) * srcCol;
                        for (int i = 0; i < h; i++) buf[i * TILE + j] = src[sj + i];
                    }
                    for (int i = 0; i < h; i++) System.arraycopy(buf, i * TILE, dst, d + i * dstRow + j0, w);
                }
            }
        });
    }

    private static int blocks(int[] dims, int[] outer) {
        int n = 1;
        for (int d : outer) n *= dims[d];
        return n;
    }

    /** The offset of block b (its position over the outer dims, last fastest) along one operand's strides. */
    private static int blockOffset(int b, int[] dims, int[] outer, int[] strides) {
        int off = 0;
        for (int k = outer.length - 1; k >= 0; k--) {
            int dim = outer[k];
            off += b % dims[dim] * strides[dim];
            b /= dims[dim];
        }
        return off;
    }

    /** Every dim but p and the innermost, outermost first. */
    private static int[] outerDims(int[] dims, int p) {
        int[] outer = new int[dims.length - 2];
        for (int d = 0, k = 0; d < dims.length - 1; d++) if (d != p) outer[k++] = d;
        return outer;
    }
}
