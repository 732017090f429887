package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.ReduceOp;
import dev.jgrad.backend.View;

/**
 * CPU reductions. Most are one shape: the input made dense in the compute dtype and seen as
 * (outer, r, inner) around the reduced dim, which the kernels walk with stride-1 access. Floating sums
 * and norms instead follow PyTorch's TensorIterator, reading the input where it lies, because their
 * rounding depends on the order PyTorch adds in (see {@link #reduceSpace}).
 */
final class CpuReductions {
    private CpuReductions() {}

    static void reduce(ReduceOp op, View a, int d, View out, View indices) {
        DType ct = out.dtype();
        View x = CpuBackend.dense(a, ct);
        int[] s = a.shape();
        int nd = s.length;
        int outer = 1, inner = 1, r = nd == 0 ? 1 : s[d];
        for (int i = 0; i < d; i++) outer *= s[i];
        for (int i = d + 1; i < nd; i++) inner *= s[i];
        if (out.numel() == 0 || r == 0) return;
        long[] idx = indices == null ? null : (long[]) ArrayStorage.data(indices);
        Object xd = ArrayStorage.data(x), od = ArrayStorage.data(out);
        switch (ct) {
            case FLOAT32 -> FloatReduceKernels.reduce(op, (float[]) xd, 0, outer, r, inner, (float[]) od, out.offset(), idx);
            case FLOAT64 -> DoubleReduceKernels.reduce(op, (double[]) xd, 0, outer, r, inner, (double[]) od, out.offset(), idx);
            default -> LongReduceKernels.reduce(op, (long[]) xd, 0, outer, r, inner, (long[]) od, out.offset(), idx);
        }
    }

    /**
     * float32/float64 sum exactly as PyTorch 1.13 computes it on the CPU: the additions happen in an
     * order fixed by the memory layout, the reduced dims and the thread count, so the input is read
     * where it lies (no dense copy), over TensorIterator's iteration space, and the kernel splits and
     * sums like PyTorch's (see FloatReduceKernels.cascadeSum).
     */
    static void sum(View a, boolean[] reduced, View out) {
        if (a.numel() == 0) return;
        ReduceSpace r = reduceSpace(a, reduced, out.dim() == a.dim() && a.dim() > 0);
        int threads = Parallel.numThreads();
        Object od = ArrayStorage.data(out);
        if (a.dtype() == DType.FLOAT32) {
            FloatReduceKernels.cascadeSum((float[]) ArrayStorage.data(a), a.offset(), r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (float[]) od, out.offset(), threads);
        } else {
            DoubleReduceKernels.cascadeSum((double[]) ArrayStorage.data(a), a.offset(), r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (double[]) od, out.offset(), threads);
        }
    }

    /** float32/float64 p-norm of a non-empty tensor exactly as PyTorch 1.13's linalg.vector_norm (see FloatReduceKernels.vectorNorm). */
    static void norm(View a, double p, boolean[] reduced, View out) {
        ReduceSpace r = reduceSpace(a, reduced, out.dim() == a.dim() && a.dim() > 0);
        int threads = Parallel.numThreads();
        Object od = ArrayStorage.data(out);
        if (a.dtype() == DType.FLOAT32) {
            FloatReduceKernels.vectorNorm((float[]) ArrayStorage.data(a), a.offset(), r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (float[]) od, out.offset(), p, threads);
        } else {
            DoubleReduceKernels.vectorNorm((double[]) ArrayStorage.data(a), a.offset(), r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (double[]) od, out.offset(), p, threads);
        }
    }

    /** logsumexp with the reduced dims moved last, so the kernel sees (outer, size, 1). */
    static void logsumexp(View x, boolean[] reduced, View out) {
        int[] s = x.shape(), st = x.strides();
        int nd = s.length;
        int[] ps = new int[nd], pst = new int[nd];
        int p = 0, size = 1, outer = 1;
        for (int i = 0; i < nd; i++) if (!reduced[i]) { ps[p] = s[i]; pst[p++] = st[i]; outer *= s[i]; }
        for (int i = 0; i < nd; i++) if (reduced[i]) { ps[p] = s[i]; pst[p++] = st[i]; size *= s[i]; }
        double[] v = CpuBackend.doubles(x.with(ps, pst, x.offset()));
        CpuBackend.write(NnKernels.logsumexp(v, outer, size, 1), out);
    }

    static void softmax(View x, int d, boolean log, View out) {
        int[] s = x.dim() == 0 ? new int[] {1} : x.shape();
        if (KernelConfig.VECTOR && x.dtype() == DType.FLOAT32 && out.dtype() == DType.FLOAT32 && d == s.length - 1
                && out.offset() == 0 && out.isContiguous()) {  // the common case, without a copy to doubles
            int size = s[d];
            SoftmaxRows.softmax((float[]) ArrayStorage.data(CpuBackend.dense(x, DType.FLOAT32)), (float[]) ArrayStorage.data(out),
                    size == 0 ? 0 : x.numel() / size, size, log);
            return;
        }
        double[] v = CpuBackend.doubles(x);
        NnKernels.softmax(v, product(s, 0, d), s[d], product(s, d + 1, s.length), log);
        CpuBackend.write(v, out);
    }

    /** softmax's (log_softmax's) backward along d from the result y; see {@link dev.jgrad.backend.Backend#softmaxBackward}. */
    static void softmaxBackward(View grad, View y, int d, boolean log, View out) {
        int[] s = y.dim() == 0 ? new int[] {1} : y.shape();
        int size = s[d];
        if (out.numel() == 0) return;
        if (KernelConfig.VECTOR && out.dtype() == DType.FLOAT32 && d == s.length - 1 && out.isContiguous()) {
            View gd = grad.isContiguous() ? grad : CpuBackend.dense(grad, DType.FLOAT32);
            View yd = y.isContiguous() ? y : CpuBackend.dense(y, DType.FLOAT32);
            SoftmaxRows.backward((float[]) ArrayStorage.data(gd), gd.offset(), (float[]) ArrayStorage.data(yd), yd.offset(),
                    (float[]) ArrayStorage.data(out), out.offset(), out.numel() / size, size, log);
            return;
        }
        double[] g = CpuBackend.doubles(grad), v = CpuBackend.doubles(y);
        int outer = product(s, 0, d), inner = product(s, d + 1, s.length);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * size * inner + i;
                double sum = 0;
                for (int j = 0; j < size; j++) sum += log ? g[base + j * inner] : g[base + j * inner] * v[base + j * inner];
                for (int j = 0; j < size; j++) {
                    int at = base + j * inner;
                    g[at] = log ? g[at] - Math.exp(v[at]) * sum : v[at] * (g[at] - sum);
                }
            }
        }
        CpuBackend.write(g, out);
    }

    static int product(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }

    /**
     * A reduction's iteration space as PyTorch's TensorIterator builds it, with the fresh contiguous
     * output it writes: dims in walking order (dim 0 fastest), strides in elements, outStride 0 on
     * reduced dims, which come first.
     */
    private record ReduceSpace(int outNumel, int[] shape, int[] xStride, int[] outStride) {}

    /**
     * The output is seen with stride 0 on reduced dims; dims are sorted with the reduced ones first, then
     * by output strides, then by input strides (PyTorch's insertion sort, ties included); adjacent dims
     * that walk memory evenly for both tensors are merged, and size-1 dims disappear.
     */
    private static ReduceSpace reduceSpace(View a, boolean[] reduced, boolean keepdim) {
        int[] ashape = a.shape();
        int nd = ashape.length;
        int[] keptShape = ashape.clone();
        for (int d = 0; d < nd; d++) if (reduced[d]) keptShape[d] = 1;
        int outNumel = 1;
        for (int s : keptShape) outNumel *= s;
        // output strides per input dim, as TensorIterator sees the (re-viewed) contiguous result
        int[] os = new int[nd];
        int[] cs = CpuBackend.contiguous(a.storage(), keptShape).strides();
        for (int d = 0; d < nd; d++) os[d] = reduced[d] && (!keepdim || ashape[d] != 1) ? 0 : cs[d];
        int[] xs = a.strides();
        // iteration order: perm[i] is the input dim walked i-th fastest
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = nd - 1 - i;
        for (int i = 1; i < nd; i++) {
            int d1 = i;
            for (int d0 = i - 1; d0 >= 0; d0--) {
                int c = iterationOrder(ashape, os, xs, perm[d0], perm[d1]);
                if (c > 0) {
                    int t = perm[d0]; perm[d0] = perm[d1]; perm[d1] = t;
                    d1 = d0;
                } else if (c < 0) {
                    break;
                }
            }
        }
        int[] shape = new int[nd], ix = new int[nd], io = new int[nd];
        for (int i = 0; i < nd; i++) {
            shape[i] = ashape[perm[i]];
            ix[i] = xs[perm[i]];
            io[i] = os[perm[i]];
        }
        int m = nd == 0 ? 0 : 1;  // coalesce
        for (int d = 1; d < nd; d++) {
            int p = m - 1;
            boolean merge = shape[p] == 1 || shape[d] == 1
                    || ((long) shape[p] * ix[p] == ix[d] && (long) shape[p] * io[p] == io[d]);
            if (merge) {
                if (shape[p] == 1) {
                    ix[p] = ix[d];
                    io[p] = io[d];
                }
                shape[p] *= shape[d];
            } else {
                shape[m] = shape[d];
                ix[m] = ix[d];
                io[m] = io[d];
                m++;
            }
        }
        return new ReduceSpace(outNumel, java.util.Arrays.copyOf(shape, m), java.util.Arrays.copyOf(ix, m),
                java.util.Arrays.copyOf(io, m));
    }

    /**
     * TensorIterator's dim comparison for a reduction: 1 if dim d0 should be walked after d1, -1 if
     * before, 0 if the strides don't tell. Reduced dims (output stride 0) go first; then output strides
     * decide, then input strides (ties: the longer dim later).
     */
    private static int iterationOrder(int[] shape, int[] os, int[] xs, int d0, int d1) {
        if ((os[d0] == 0) != (os[d1] == 0)) return os[d1] == 0 ? 1 : -1;
        for (int[] st : new int[][] {os, xs}) {
            int s0 = st[d0], s1 = st[d1];
            if (s0 == 0 || s1 == 0) continue;
            if (s0 < s1) return -1;
            if (s0 > s1) return 1;
            if (shape[d0] > shape[d1]) return 1;
        }
        return 0;
    }

}
