package dev.jgrad.backend.cpu;

/**
 * Walks one to three same-shaped strided operands row by row: all dims but the innermost become an
 * odometer, the innermost is handed to a row kernel with its own per-operand stride.
 *
 * <p>Adjacent dims that are laid out back to back in every operand are merged first, so a contiguous
 * or merely sliced tensor becomes one long row and the kernels see as few rows as possible.
 */
public final class StridedIter {
    /** Called once per innermost row with each operand's start offset. */
    @FunctionalInterface
    public interface RowVisitor {
        void row(int[] offsets, int n);
    }

    private final int[] shape;       // coalesced, innermost last
    private final int[][] strides;   // [operand][dim]
    private final int operands;
    public final int inner;
    public final int rows;

    public StridedIter(int[] shape, int[]... stridesPerOperand) {
        operands = stridesPerOperand.length;
        int nd = shape.length;
        int[] sh = new int[Math.max(nd, 1)];
        int[][] st = new int[operands][Math.max(nd, 1)];
        int k = 0;
        if (nd == 0) {
            sh[0] = 1;
            k = 1;
        }
        for (int d = 0; d < nd; d++) {
            if (shape[d] == 1 && nd > 1) continue;  // size-1 dims never move an offset
            if (k > 0 && canMerge(sh[k - 1], st, k - 1, shape[d], stridesPerOperand, d)) {
                sh[k - 1] *= shape[d];
                for (int o = 0; o < operands; o++) st[o][k - 1] = stridesPerOperand[o][d];
            } else {
                sh[k] = shape[d];
                for (int o = 0; o < operands; o++) st[o][k] = stridesPerOperand[o][d];
                k++;
            }
        }
        if (k == 0) {  // every dim was 1
            sh[0] = 1;
            k = 1;
        }
        this.shape = java.util.Arrays.copyOf(sh, k);
        this.strides = new int[operands][];
        for (int o = 0; o < operands; o++) strides[o] = java.util.Arrays.copyOf(st[o], k);
        this.inner = this.shape[k - 1];
        long r = 1;
        for (int d = 0; d < k - 1; d++) r *= this.shape[d];
        this.rows = inner == 0 ? 0 : (int) r;
    }

    private boolean canMerge(int outerSize, int[][] st, int outerIdx, int innerSize, int[][] src, int d) {
        for (int o = 0; o < operands; o++) {
            if (st[o][outerIdx] != (long) src[o][d] * innerSize) return false;
        }
        return true;
    }

    public int innerStride(int operand) { return strides[operand][shape.length - 1]; }

    /** The merged shape, innermost last. */
    int[] shape() { return shape.clone(); }

    /** One operand's strides over {@link #shape()}. */
    int[] strides(int operand) { return strides[operand].clone(); }

    /** Visits rows [from, to) in order; bases are each operand's storage offset. */
    public void forRows(int from, int to, int[] bases, RowVisitor visitor) {
        if (from >= to) return;
        int outer = shape.length - 1;
        int[] counter = new int[Math.max(outer, 1)];
        int[] offs = new int[operands];
        // decompose the first row index once, then step like an odometer
        int rem = from;
        for (int d = outer - 1; d >= 0; d--) {
            counter[d] = rem % shape[d];
            rem /= shape[d];
        }
        for (int o = 0; o < operands; o++) {
            int off = bases[o];
            for (int d = 0; d < outer; d++) off += counter[d] * strides[o][d];
            offs[o] = off;
        }
        int[] rowOffs = new int[operands];
        for (int r = from; r < to; r++) {
            System.arraycopy(offs, 0, rowOffs, 0, operands);
            visitor.row(rowOffs, inner);
            for (int d = outer - 1; d >= 0; d--) {
                if (++counter[d] < shape[d]) {
                    for (int o = 0; o < operands; o++) offs[o] += strides[o][d];
                    break;
                }
                counter[d] = 0;
                for (int o = 0; o < operands; o++) offs[o] -= (shape[d] - 1) * strides[o][d];
            }
        }
    }

    /** Visits all rows, split over the pool when there is enough work. */
    public void forAllRows(int[] bases, RowVisitor visitor) {
        long work = (long) rows * inner;
        if (work < Parallel.ELEMENTWISE_GRAIN || rows < 2) {
            forRows(0, rows, bases, visitor);
        } else {
            int grainRows = Math.max(1, Parallel.ELEMENTWISE_GRAIN / Math.max(1, inner));
            Parallel.forRange(rows, grainRows, (from, to) -> forRows(from, to, bases, visitor));
        }
    }
}
