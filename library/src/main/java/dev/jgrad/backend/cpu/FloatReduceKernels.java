package dev.jgrad.backend.cpu;

import dev.jgrad.backend.ReduceOp;
import dev.jgrad.backend.BinaryOp;

/**
 * float32 reductions of a contiguous (outer, r, inner) block over its middle dim:
 * out[o * inner + j] = reduce over k of x[off + (o * r + k) * inner + j].
 *
 * <p>inner == 1 reduces contiguous runs (vector accumulators, blocked so float error stays small);
 * inner &gt; 1 accumulates whole rows into the output, which keeps every access stride-1.
 * MAX and MIN propagate NaN and, with an index array, report the first position of the result.
 *
 * <p>torch.sum/mean and torch.norm don't come here: their last bits must be PyTorch's, so
 * {@link #cascadeSum} and {@link #vectorNorm} redo PyTorch's own kernels, addition for addition, over
 * a strided iteration space.
 *
 * <p>The Vector API loops live in {@link FloatReduceVector}. The fast paths go there only under
 * {@link KernelConfig#VECTOR}; the PyTorch-mirroring sums and 2-norm rows go there whenever the module is
 * loaded ({@link KernelConfig#VECTOR_API}) and otherwise run their lane-by-lane scalar twins here, which do
 * the same additions in the same order, so torch.sum prints the same digits with or without the module.
 */
public final class FloatReduceKernels {
    /** Partial sums are formed over blocks this long, then added in double. */
    private static final int BLOCK = 4096;

    private FloatReduceKernels() {}

    public static void reduce(ReduceOp op, float[] x, int off, int outer, int r, int inner,
                              float[] out, int outOff, long[] idx) {
        // Per-thread blocks change the summation order: off whenever the other vector loops are off.
        if (KernelConfig.VECTOR && inner == 1 && outer == 1 && idx == null && r >= 2 * Parallel.ELEMENTWISE_GRAIN
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
                if (KernelConfig.VECTOR && r >= 4 * FloatReduceVector.L) return FloatReduceVector.maxMin(x, base, r, max);
                float best = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
                for (int k = 0; k < r; k++) {
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
        if (KernelConfig.VECTOR && n >= 4 * FloatReduceVector.L) return FloatReduceVector.blockSum(x, base, n, squares);
        float sum = 0;
        for (int k = 0; k < n; k++) {
            float v = x[base + k];
            sum += squares ? v * v : v;
        }
        return sum;
    }

    // ======================================================================= PyTorch's float sum

    /*
     * torch.sum on CPU (1.13, AVX2 build) adds floats in a fixed order that depends on the memory layout,
     * the reduced dims and the thread count; printing matches PyTorch only if every addition happens in
     * the same order. The caller describes the reduction as TensorIterator does: dims in iteration order
     * (dim 0 fastest), strides in elements for input and output (0 on reduced dims), size-1 dims gone.
     *
     * Work is split like at::parallel_reduce: below GRAIN elements or on one thread everything is one
     * serial pass; a reduction to one value gives each thread a contiguous slice of the iteration space
     * and then sums the per-thread partials; otherwise a non-reduced dim is split between threads.
     * Each serial pass walks the space two dims at a time (the "loop2d" of TensorIterator), and each
     * such plane picks one of four summation shapes (contiguous rows, contiguous columns, or either
     * strided). All of them are built from one cascade: the running sum of a row is kept on four levels,
     * level 0 takes 2^p values, then is folded into level 1, which is folded into level 2 every 2^p
     * folds, and so on; values of like magnitude meet, and the order is fixed by the row length alone.
     */

    /** at::internal::GRAIN_SIZE: below this many elements PyTorch reduces on one thread. */
    private static final int GRAIN = 32768;
    /** Lanes of Vectorized<T> in an AVX2 build: 256-bit vectors, whatever the hardware offers. */
    static final int VL = 256 / Float.SIZE;
    /** Columns per 128 bytes: split points of a column-parallel reduction are rounded to these. */
    private static final int COLS_PER_128_BYTES = 128 / Float.BYTES;

    /**
     * Adds into out the sums PyTorch's sum kernel computes over the iteration space (shape, xStride,
     * outStride), reading x from xOff and writing out from outOff; out must hold zeros there.
     * outNumel is the number of output elements, threads the thread count to reproduce.
     */
    public static void cascadeSum(float[] x, int xOff, int[] shape, int[] xStride, int[] outStride,
                                  int outNumel, float[] out, int outOff, int threads) {
        long numel = 1;
        for (int s : shape) numel *= s;
        if (numel == 0) return;
        if (numel < GRAIN || threads == 1) {
            serialForEach(x, xOff, shape, xStride, outStride, out, outOff, 0, numel);
        } else if (outNumel == 1) {
            twoPass(x, xOff, shape, xStride, outStride, out, outOff, numel, threads);
        } else {
            splitDim(x, xOff, shape, xStride, outStride, out, outOff, threads);
        }
    }

    /** One value: per-thread partials over contiguous slices of the iteration space, then their sum. */
    private static void twoPass(float[] x, int xOff, int[] shape, int[] xStride, int[] outStride,
                                float[] out, int outOff, long numel, int threads) {
        float[] partial = new float[threads];
        int tasks = numel > GRAIN ? (int) Math.min(threads, (numel + GRAIN - 1) / GRAIN) : 1;
        long chunk = (numel + tasks - 1) / tasks;
        Parallel.forRange(tasks, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                long begin = t * chunk;
                if (begin < numel) {
                    serialForEach(x, xOff, shape, xStride, outStride, partial, t, begin, Math.min(numel, begin + chunk));
                }
            }
        });
        serialForEach(partial, 0, new int[] {threads}, new int[] {1}, new int[] {0}, out, outOff, 0, threads);
    }

    /** Several values: the outermost non-reduced dim with at least one index per thread is split. */
    private static void splitDim(float[] x, int xOff, int[] shape, int[] xStride, int[] outStride,
                                 float[] out, int outOff, int threads) {
        int nd = shape.length;
        int dim = nd - 1;
        for (int d = nd - 1; d >= 0 && !(outStride[d] == 0 && shape[d] > 1); d--) {
            if (shape[d] >= threads) {
                dim = d;
                break;
            }
            if (shape[d] > shape[dim]) dim = d;
        }
        int cols = shape[dim];
        boolean round = xStride[dim] == 1;
        int tasks = cols > 1 ? Math.min(threads, cols) : 1;
        int chunk = (cols + tasks - 1) / tasks;
        int splitDim = dim;
        Parallel.forRange(tasks, 1, (from, to) -> {
            for (int t = from; t < to; t++) {
                int begin = t * chunk;
                if (begin >= cols) continue;
                int end = Math.min(cols, begin + chunk);
                if (round) {
                    begin -= begin % COLS_PER_128_BYTES;
                    if (end != cols) end -= end % COLS_PER_128_BYTES;
                }
                if (begin == end) continue;
                int[] sub = shape.clone();
                sub[splitDim] = end - begin;
                long n = 1;
                for (int s : sub) n *= s;
                serialForEach(x, xOff + begin * xStride[splitDim], sub, xStride, outStride,
                        out, outOff + begin * outStride[splitDim], 0, n);
            }
        });
    }

    /** TensorIterator's serial_for_each: the linear range [begin, end) as a series of 2-d planes. */
    private static void serialForEach(float[] x, int xOff, int[] shape, int[] xStride, int[] outStride,
                                      float[] out, int outOff, long begin, long end) {
        float[] scratch = new float[4 * VL];
        int nd = shape.length;
        if (nd <= 1) {
            int xs = nd == 0 ? 0 : xStride[0], os = nd == 0 ? 0 : outStride[0];
            loop2d(x, xOff + (int) begin * xs, out, outOff + (int) begin * os, os, xs, 0, 0,
                    (int) (end - begin), 1, scratch);
            return;
        }
        int[] at = new int[nd];
        long rest = begin;
        for (int d = 0; d < nd; d++) {
            at[d] = (int) (rest % shape[d]);
            rest /= shape[d];
        }
        for (long offset = begin; offset < end; ) {
            int xp = xOff, op = outOff;
            for (int d = 0; d < nd; d++) {
                xp += at[d] * xStride[d];
                op += at[d] * outStride[d];
            }
            int step0 = (int) Math.min(shape[0] - at[0], end - offset);
            int step1 = 1;
            if (step0 == shape[0]) step1 = (int) Math.min(shape[1] - at[1], (end - offset) / shape[0]);
            loop2d(x, xp, out, op, outStride[0], xStride[0], outStride[1], xStride[1], step0, step1, scratch);
            offset += (long) step0 * step1;
            int d = 0, carry = step0;
            if (step1 != 1) {
                d = 1;
                carry = step1;
            }
            for (; d < nd && carry > 0; d++) {
                int v = at[d] + carry;
                if (v >= shape[d]) {
                    v -= shape[d];
                    carry = 1;
                } else {
                    carry = 0;
                }
                at[d] = v;
            }
        }
    }

    /** One plane of size0 x size1 elements: the sum kernel's inner loop. */
    private static void loop2d(float[] x, int xp, float[] out, int op, int os0, int xs0, int os1, int xs1,
                               int size0, int size1, float[] scratch) {
        if (os0 != 0 && os1 == 0) {  // put the reduced dim first
            int t = os0; os0 = os1; os1 = t;
            t = xs0; xs0 = xs1; xs1 = t;
            t = size0; size0 = size1; size1 = t;
        }
        if (os0 != 0) {  // nothing reduced here: out += x elementwise
            for (int j = 0; j < size1; j++) {
                for (int i = 0; i < size0; i++) out[op + j * os1 + i * os0] += x[xp + j * xs1 + i * xs0];
            }
            return;
        }
        if (xs0 == 1 && size0 >= VL) {
            for (int j = 0; j < size1; j++) {
                out[op + j * os1] += KernelConfig.VECTOR_API ? FloatReduceVector.contiguousRowSum(x, xp + j * xs1, size0, scratch)
                        : contiguousRowSum(x, xp + j * xs1, size0, scratch);
            }
        } else if (xs1 == 1 && size1 >= VL) {
            if (KernelConfig.VECTOR_API) FloatReduceVector.columnSums(x, xp, xs0, out, op, os1, size0, size1, scratch);
            else columnSums(x, xp, xs0, out, op, os1, size0, size1, scratch);
        } else if (xs0 < xs1) {
            for (int j = 0; j < size1; j++) out[op + j * os1] += rowSum(x, xp + j * xs1, xs0, size0, scratch);
        } else {
            int j = 0;
            for (; j + 3 < size1; j += 4) {
                cascade4(x, xp + j * xs1, xs0, xs1, size0, scratch);
                for (int k = 0; k < 4; k++) out[op + (j + k) * os1] += scratch[k];
            }
            for (; j < size1; j++) out[op + j * os1] += rowSum(x, xp + j * xs1, xs0, size0, scratch);
        }
    }

    /**
     * A contiguous row of n &gt;= VL values, as {@link FloatReduceVector#contiguousRowSum} sums it: lane l
     * of the vectors is the strided row at base + l, summed as the vector code sums it.
     */
    static float contiguousRowSum(float[] x, int base, int n, float[] scratch) {
        int nv = n / VL;
        float acc = 0;
        for (int k = nv * VL; k < n; k++) acc += x[base + k];
        for (int l = 0; l < VL; l++) {
            float lane;
            if (nv < 4) {
                lane = 0;
                for (int i = 0; i < nv; i++) lane += x[base + i * VL + l];
            } else {
                lane = rowSum(x, base + l, VL, nv, scratch);
            }
            acc += lane;
        }
        return acc;
    }

    /**
     * The columns of a plane as {@link FloatReduceVector#columnSums} sums them: in its blocks of 4 * VL
     * columns every column is one cascade over the rows (cascade4 does four such columns), and each
     * column after them is the strided row that {@link #rowSum} sums.
     */
    static void columnSums(float[] x, int xp, int rowStride, float[] out, int op, int os,
                           int rows, int cols, float[] scratch) {
        int blocked = cols / (4 * VL) * (4 * VL);
        for (int j = 0; j < blocked; j += 4) {
            cascade4(x, xp + j, rowStride, 1, rows, scratch);
            for (int k = 0; k < 4; k++) out[op + (j + k) * os] += scratch[k];
        }
        for (int j = blocked; j < cols; j++) out[op + j * os] += rowSum(x, xp + j, rowStride, rows, scratch);
    }

    /** level_power of the cascade over n steps: a quarter of ceil(log2 n), at least 4. */
    static int levelPower(int n) {
        int ceilLog2 = n <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(n - 1L);
        return Math.max(4, ceilLog2 / 4);
    }

    /** Scalar twin of FloatReduceVector.vectorRowSum: n values at base, base + stride, ... */
    static float rowSum(float[] x, int base, int stride, int n, float[] scratch) {
        int groups = n / 4;
        cascade4(x, base, 4 * stride, stride, groups, scratch);
        float s0 = scratch[0];
        for (int i = groups * 4; i < n; i++) s0 += x[base + i * stride];
        return s0 + scratch[1] + scratch[2] + scratch[3];
    }

    /** Scalar twin of FloatReduceVector.cascade4Vectors; the four results land in scratch[0 .. 4). */
    static void cascade4(float[] x, int base, int rowStride, int colStride, int n, float[] scratch) {
        int power = levelPower(n);
        int step = 1 << power;
        int mask1 = (step - 1) << power, mask2 = (step - 1) << (2 * power);
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
        float c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;
        int i = 0;
        while (i + step <= n) {
            for (int stop = i + step; i < stop; i++) {
                int p = base + i * rowStride;
                a0 += x[p];
                a1 += x[p + colStride];
                a2 += x[p + 2 * colStride];
                a3 += x[p + 3 * colStride];
            }
            b0 += a0; b1 += a1; b2 += a2; b3 += a3;
            a0 = 0; a1 = 0; a2 = 0; a3 = 0;
            if ((i & mask1) != 0) continue;
            c0 += b0; c1 += b1; c2 += b2; c3 += b3;
            b0 = 0; b1 = 0; b2 = 0; b3 = 0;
            if ((i & mask2) != 0) continue;
            d0 += c0; d1 += c1; d2 += c2; d3 += c3;
            c0 = 0; c1 = 0; c2 = 0; c3 = 0;
        }
        for (; i < n; i++) {
            int p = base + i * rowStride;
            a0 += x[p];
            a1 += x[p + colStride];
            a2 += x[p + 2 * colStride];
            a3 += x[p + 3 * colStride];
        }
        scratch[0] = a0 + b0 + c0 + d0;
        scratch[1] = a1 + b1 + c1 + d1;
        scratch[2] = a2 + b2 + c2 + d2;
        scratch[3] = a3 + b3 + c3 + d3;
    }

    // ======================================================================= PyTorch's vector norm

    /*
     * torch.norm / linalg.vector_norm on CPU (1.13) has two kernels. The 2-norm over one contiguous
     * innermost reduced dim runs VL lanes of fused multiply-adds along each row, adds the lanes in order,
     * then fuses the leftover squares in one by one. Every other case reduces each output on its own,
     * element by element in iteration order (dim 0 fastest), with one accumulator; only a reduction to
     * a single value of at least GRAIN elements is split into per-thread slices (at::parallel_for),
     * whose accumulators are then combined in thread order starting from the initial value.
     * GCC contracts the a + x * x of the AVX2 build into one fused multiply-add, so jgrad fuses too.
     */

    /** Norm orders with their own reduction in PyTorch; anything else is the general p-norm. */
    static final int NORM_0 = 0, NORM_1 = 1, NORM_2 = 2, NORM_INF = 3, NORM_NEG_INF = 4, NORM_P = 5;

    /**
     * Writes into out PyTorch's p-norm of each output over the iteration space (shape, xStride,
     * outStride), described as for {@link #cascadeSum}. The reduced dims come first; the input must
     * have elements and at least one reduced dim longer than 1.
     */
    public static void vectorNorm(float[] x, int xOff, int[] shape, int[] xStride, int[] outStride,
                                  int outNumel, float[] out, int outOff, double p, int threads) {
        int nd = shape.length;
        int k = reducedDims(outStride);
        long numel = 1;
        for (int sz : shape) numel *= sz;
        int kind = p == 0 ? NORM_0 : p == 1 ? NORM_1 : p == 2 ? NORM_2 : p == Double.POSITIVE_INFINITY ? NORM_INF
                : p == Double.NEGATIVE_INFINITY ? NORM_NEG_INF : NORM_P;
        float pp = (float) p;
        float init = kind == NORM_NEG_INF ? Float.POSITIVE_INFINITY : 0;
        if (kind == NORM_2 && k == 1 && shape[0] > 1 && xStride[0] == 1 && Float.SIZE == 32) {
            int n = shape[0];
            forEachOutput(shape, xStride, outStride, 1, outNumel, Math.max(1, GRAIN / n), (xp, op, scratch) ->
                    out[outOff + op] = KernelConfig.VECTOR_API ? FloatReduceVector.norm2Row(x, xOff + xp, n, scratch)
                            : norm2Row(x, xOff + xp, n, scratch));
            return;
        }
        int reducedNumel = 1;
        for (int d = 0; d < k; d++) reducedNumel *= shape[d];
        int rn = reducedNumel;
        if (outNumel == 1 && numel >= GRAIN && threads > 1) {
            float[] partial = new float[threads];
            java.util.Arrays.fill(partial, init);
            int tasks = numel > GRAIN ? (int) Math.min(threads, (numel + GRAIN - 1) / GRAIN) : 1;
            int chunk = (int) ((numel + tasks - 1) / tasks);
            Parallel.forRange(tasks, 1, (from, to) -> {
                for (int t = from; t < to; t++) {
                    int begin = t * chunk;
                    if (begin < rn) partial[t] = normRange(kind, pp, init, x, xOff, shape, xStride, k, begin, Math.min(rn, begin + chunk));
                }
            });
            float total = init;
            for (float part : partial) total = normCombine(kind, total, part);
            out[outOff] = normProject(kind, pp, total);
            return;
        }
        if (KernelConfig.VECTOR && kind != NORM_P && k < nd && xStride[k] == 1 && shape[k] >= VL) {
            normTiles(kind, init, x, xOff, shape, xStride, outStride, k, rn, out, outOff, pp);
            return;
        }
        forEachOutput(shape, xStride, outStride, k, outNumel, Math.max(1, GRAIN / rn), (xp, op, scratch) ->
                out[outOff + op] = normProject(kind, pp, normRange(kind, pp, init, x, xOff + xp, shape, xStride, k, 0, rn)));
    }

    /**
     * The per-output reduction for outputs adjacent in memory along dim k: VL of them at once, one lane
     * each, every lane doing exactly the scalar accumulation (lanewise fma, add, abs, max, min are
     * exact), so the order per output is unchanged. Leftover outputs at the end of dim k go one by one.
     */
    private static void normTiles(int kind, float init, float[] x, int xOff, int[] shape, int[] xStride, int[] outStride,
                                  int k, int rn, float[] out, int outOff, float p) {
        int nd = shape.length;
        int cols = shape[k];
        int tilesPerRow = (cols + VL - 1) / VL;
        int rows = 1;
        for (int d = k + 1; d < nd; d++) rows *= shape[d];
        int rowCount = rows;
        Parallel.forRange(rows * tilesPerRow, Math.max(1, GRAIN / (rn * VL)), (from, to) -> {
            float[] lanes = new float[VL];
            for (int item = from; item < to; item++) {
                int row = item / tilesPerRow, j0 = item % tilesPerRow * VL;
                int xp = xOff, op = outOff, rest = row;
                for (int d = k + 1; d < nd && rowCount > 1; d++) {
                    int at = rest % shape[d];
                    rest /= shape[d];
                    xp += at * xStride[d];
                    op += at * outStride[d];
                }
                if (j0 + VL <= cols) {
                    FloatReduceVector.normLanes(kind, init, x, xp + j0, shape, xStride, k, rn, lanes);
                    for (int l = 0; l < VL; l++) out[op + (j0 + l) * outStride[k]] = lanes[l];
                } else {
                    for (int j = j0; j < cols; j++) {
                        out[op + j * outStride[k]] = normProject(kind, p, normRange(kind, p, init, x, xp + j, shape, xStride, k, 0, rn));
                    }
                }
            }
        });
    }

    /** The number of leading reduced dims (output stride 0). */
    private static int reducedDims(int[] outStride) {
        int k = 0;
        while (k < outStride.length && outStride[k] == 0) k++;
        return k;
    }

    /** Receives the input and output offsets of one output's reduced sub-space. */
    @FunctionalInterface
    private interface OutputBody {
        void run(int xp, int op, float[] scratch);
    }

    /** Calls body for every output (index over dims k.. of the space); outputs are independent. */
    private static void forEachOutput(int[] shape, int[] xStride, int[] outStride, int k, int outNumel, int grain,
                                      OutputBody body) {
        int nd = shape.length;
        Parallel.forRange(outNumel, grain, (from, to) -> {
            float[] scratch = new float[VL];
            int[] at = new int[nd];
            int rest = from;
            int xp = 0, op = 0;
            for (int d = k; d < nd; d++) {
                at[d] = rest % shape[d];
                rest /= shape[d];
                xp += at[d] * xStride[d];
                op += at[d] * outStride[d];
            }
            for (int i = from; i < to; i++) {
                body.run(xp, op, scratch);
                for (int d = k; d < nd; d++) {  // next output, dim k fastest
                    xp += xStride[d];
                    op += outStride[d];
                    if (++at[d] < shape[d]) break;
                    xp -= at[d] * xStride[d];
                    op -= at[d] * outStride[d];
                    at[d] = 0;
                }
            }
        });
    }

    /** The 2-norm of a contiguous row as {@link FloatReduceVector#norm2Row} computes it, lane by lane. */
    static float norm2Row(float[] x, int base, int n, float[] lanes) {
        int d = 0;
        java.util.Arrays.fill(lanes, 0, VL, 0);
        for (int bound = n - n % VL; d < bound; d += VL) {
            for (int l = 0; l < VL; l++) lanes[l] = Math.fma(x[base + d + l], x[base + d + l], lanes[l]);
        }
        float s = lanes[0];
        for (int j = 1; j < VL; j++) s += lanes[j];
        for (int bound = d + (n - d) / 4 * 4; d < bound; d++) s += x[base + d] * x[base + d];
        for (; d < n; d++) s = Math.fma(x[base + d], x[base + d], s);
        return (float) Math.sqrt(s);
    }

    /** Accumulates elements [begin, end) of the reduced dims 0..k-1 at base, in order, onto acc. */
    private static float normRange(int kind, float p, float acc, float[] x, int base, int[] shape, int[] xStride,
                                   int k, int begin, int end) {
        int[] at = new int[Math.max(k, 1)];
        int rest = begin, pos = base;
        for (int d = 0; d < k; d++) {
            at[d] = rest % shape[d];
            rest /= shape[d];
            pos += at[d] * xStride[d];
        }
        int n0 = k == 0 ? 1 : shape[0], s0 = k == 0 ? 0 : xStride[0];
        for (int done = begin; done < end; ) {
            int run = Math.min(n0 - at[0], end - done);
            acc = normRun(kind, p, acc, x, pos, s0, run);
            done += run;
            pos += run * s0;
            at[0] += run;
            for (int d = 0; d < k - 1 && at[d] == shape[d]; d++) {  // carry into the next dim
                pos += xStride[d + 1] - at[d] * xStride[d];
                at[d] = 0;
                at[d + 1]++;
            }
        }
        return acc;
    }

    private static float normRun(int kind, float p, float acc, float[] x, int pos, int stride, int n) {
        switch (kind) {
            case NORM_0 -> { for (int i = 0; i < n; i++) acc += x[pos + i * stride] == 0 ? 0 : 1; }
            case NORM_1 -> { for (int i = 0; i < n; i++) acc += Math.abs(x[pos + i * stride]); }
            case NORM_2 -> {
                for (int i = 0; i < n; i++) {
                    float v = x[pos + i * stride];
                    acc = Math.fma(v, v, acc);
                }
            }
            case NORM_INF -> { for (int i = 0; i < n; i++) acc = Math.max(acc, Math.abs(x[pos + i * stride])); }
            case NORM_NEG_INF -> { for (int i = 0; i < n; i++) acc = Math.min(acc, Math.abs(x[pos + i * stride])); }
            default -> { for (int i = 0; i < n; i++) acc += (float) Math.pow(Math.abs(x[pos + i * stride]), p); }
        }
        return acc;
    }

    private static float normCombine(int kind, float a, float b) {
        return switch (kind) {
            case NORM_INF -> Math.max(a, b);
            case NORM_NEG_INF -> Math.min(a, b);
            default -> a + b;
        };
    }

    private static float normProject(int kind, float p, float acc) {
        return switch (kind) {
            case NORM_2 -> (float) Math.sqrt(acc);
            case NORM_P -> (float) Math.pow(acc, 1 / p);
            default -> acc;
        };
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
