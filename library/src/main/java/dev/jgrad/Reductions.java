package dev.jgrad;

import dev.jgrad.backend.cpu.DoubleReduceKernels;
import dev.jgrad.backend.cpu.FloatReduceKernels;
import dev.jgrad.backend.cpu.LongReduceKernels;
import dev.jgrad.backend.ReduceOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.profiler.Profiler;

/**
 * Reductions (sum, mean, prod, max/min with indices, norm, all/any) over all elements or along dims.
 *
 * <p>Most reductions are one shape: the input made dense in the compute dtype and seen as
 * (outer, r, inner) around the reduced dim, which the kernels walk with stride-1 access. Floating sums
 * (so means) and norms instead follow PyTorch's TensorIterator, reading the input where it lies, because
 * their rounding depends on the order PyTorch adds in (see {@link #reduceSpace}).
 */
final class Reductions {
    private Reductions() {}

    /** Reduces one dim of a; values come back in compute dtype ct, indices (if asked) as int64. */
    private static Tensor[] reduceDim(ReduceOp op, Tensor a, int dim, boolean keepdim, DType ct, boolean withIndices) {
        Checks.cpuOnly(a);
        int nd = a.shape.length;
        int d = Shapes.wrapDim(dim, nd);
        Tensor x = Copying.dense(a, ct);
        int outer = 1, inner = 1, r = nd == 0 ? 1 : a.shape[d];
        for (int i = 0; i < d; i++) outer *= a.shape[i];
        for (int i = d + 1; i < nd; i++) inner *= a.shape[i];
        int[] outShape = reducedShape(a.shape, d, keepdim);
        int n = Shapes.numel(outShape);
        Tensor out = Tensor.contiguousOf(Storage.allocate(ct, n), outShape);
        Tensor idx = withIndices ? Tensor.contiguousOf(Storage.allocate(DType.INT64, n), outShape) : null;
        long[] idxData = idx == null ? null : (long[]) idx.storage.data;
        if (r == 0) {
            Copying.fill(out, Scalar.of(identity(op)));
        } else if (n > 0) {
            switch (ct) {
                case FLOAT32 -> FloatReduceKernels.reduce(op, (float[]) x.storage.data, 0, outer, r, inner, (float[]) out.storage.data, 0, idxData);
                case FLOAT64 -> DoubleReduceKernels.reduce(op, (double[]) x.storage.data, 0, outer, r, inner, (double[]) out.storage.data, 0, idxData);
                default -> LongReduceKernels.reduce(op, (long[]) x.storage.data, 0, outer, r, inner, (long[]) out.storage.data, 0, idxData);
            }
        }
        return new Tensor[] {out, idx};
    }

    private static double identity(ReduceOp op) {
        return switch (op) {
            case SUM, SUM_OF_SQUARES, ANY -> 0;
            case PROD, ALL -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
    }

    static int[] reducedShape(int[] shape, int d, boolean keepdim) {
        if (shape.length == 0) return shape;
        if (keepdim) {
            int[] s = shape.clone();
            s[d] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) if (i != d) s[j++] = shape[i];
        return s;
    }

    /** The whole tensor seen as one dim. */
    private static Tensor flat(Tensor a) {
        return a.shape.length == 1 ? a : a.reshape(-1);
    }

    private static Tensor reduceAll(ReduceOp op, Tensor a, DType ct) {
        return reduceDim(op, flat(a), 0, false, ct, false)[0];
    }

    /** Sum/prod promote integral and bool inputs to int64. */
    private static DType accumulateType(Tensor a) {
        return a.dtype().isFloatingPoint() ? a.dtype() : DType.INT64;
    }

    /** Reduces several dims one after another (highest first, so lower dim numbers stay valid). */
    private static Tensor reduceDims(ReduceOp op, Tensor a, int[] dims, boolean keepdim, DType ct) {
        if (dims == null || dims.length == 0) {
            Tensor r = reduceAll(op, a, ct);
            if (keepdim && a.shape.length > 0) r = r.reshape(Shapes.toLong(onesLike(a.shape)));
            return r;
        }
        int[] wrapped = wrapDims(a, dims);
        java.util.Arrays.sort(wrapped);
        Tensor r = a;
        for (int i = wrapped.length - 1; i >= 0; i--) r = reduceDim(op, r, wrapped[i], keepdim, ct, false)[0];
        return r;
    }

    /** dims wrapped to [0, ndim), rejecting repeats. */
    private static int[] wrapDims(Tensor a, int[] dims) {
        int nd = a.shape.length;
        boolean[] seen = new boolean[Math.max(nd, 1)];
        int[] wrapped = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.wrapDim(dims[i], nd);
            if (seen[d]) throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            seen[d] = true;
            wrapped[i] = d;
        }
        return wrapped;
    }

    /** Which dims of a a reduction over dims touches; null or empty dims mean all of them. */
    private static boolean[] reducedMask(Tensor a, int[] dims) {
        boolean[] mask = new boolean[a.shape.length];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(mask, true);
        } else {
            for (int d : wrapDims(a, dims)) if (d < mask.length) mask[d] = true;
        }
        return mask;
    }

    /**
     * A reduction's iteration space as PyTorch's TensorIterator builds it, with the fresh contiguous
     * output it writes: dims in walking order (dim 0 fastest), strides in elements, outStride 0 on
     * reduced dims, which come first.
     */
    private record ReduceSpace(Tensor out, int outNumel, int[] shape, int[] xStride, int[] outStride) {}

    /**
     * The output is seen with stride 0 on reduced dims; dims are sorted with the reduced ones first, then
     * by output strides, then by input strides (PyTorch's insertion sort, ties included); adjacent dims
     * that walk memory evenly for both tensors are merged, and size-1 dims disappear.
     */
    private static ReduceSpace reduceSpace(Tensor a, boolean[] reduced, boolean keepdim) {
        DType ct = a.dtype();
        int nd = a.shape.length;
        int[] keptShape = a.shape.clone();
        int kept = 0;
        for (int d = 0; d < nd; d++) {
            if (reduced[d]) keptShape[d] = 1;
            else kept++;
        }
        int[] outShape = keptShape;
        if (!keepdim) {
            outShape = new int[kept];
            for (int d = 0, j = 0; d < nd; d++) if (!reduced[d]) outShape[j++] = a.shape[d];
        }
        int outNumel = Shapes.numel(outShape);
        Tensor out = Tensor.contiguousOf(Storage.allocate(ct, outNumel), outShape);
        // output strides per input dim, as TensorIterator sees the (re-viewed) result
        int[] os = new int[nd];
        if (keepdim) {
            int[] cs = Shapes.contiguousStrides(keptShape);
            for (int d = 0; d < nd; d++) os[d] = keptShape[d] == 1 && a.shape[d] != 1 ? 0 : cs[d];
        } else {
            int[] cs = Shapes.contiguousStrides(outShape);
            for (int d = 0, j = 0; d < nd; d++) os[d] = reduced[d] ? 0 : cs[j++];
        }
        int[] xs = a.stride;
        // iteration order: perm[i] is the input dim walked i-th fastest
        int[] perm = new int[nd];
        for (int i = 0; i < nd; i++) perm[i] = nd - 1 - i;
        for (int i = 1; i < nd; i++) {
            int d1 = i;
            for (int d0 = i - 1; d0 >= 0; d0--) {
                int c = iterationOrder(a.shape, os, xs, perm[d0], perm[d1]);
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
            shape[i] = a.shape[perm[i]];
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
        return new ReduceSpace(out, outNumel, java.util.Arrays.copyOf(shape, m), java.util.Arrays.copyOf(ix, m),
                java.util.Arrays.copyOf(io, m));
    }

    /**
     * float32/float64 sum exactly as PyTorch 1.13 computes it on the CPU: the additions happen in an
     * order fixed by the memory layout, the reduced dims and the thread count, so the input is read
     * where it lies (no dense copy), over TensorIterator's iteration space, and the kernel splits and
     * sums like PyTorch's (see FloatReduceKernels.cascadeSum).
     */
    private static Tensor floatSum(Tensor a, boolean[] reduced, boolean keepdim) {
        Checks.cpuOnly(a);
        ReduceSpace r = reduceSpace(a, reduced, keepdim);
        if (a.numel() == 0) return r.out();
        int threads = dev.jgrad.backend.cpu.Parallel.numThreads();
        if (a.dtype() == DType.FLOAT32) {
            FloatReduceKernels.cascadeSum((float[]) a.storage.data, a.offset, r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (float[]) r.out().storage.data, 0, threads);
        } else {
            DoubleReduceKernels.cascadeSum((double[]) a.storage.data, a.offset, r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (double[]) r.out().storage.data, 0, threads);
        }
        return r.out();
    }

    /**
     * float32/float64 p-norm of a non-empty tensor exactly as PyTorch 1.13's linalg.vector_norm computes
     * it on the CPU (see FloatReduceKernels.vectorNorm).
     */
    private static Tensor floatNorm(Tensor a, double p, int[] dims, boolean keepdim) {
        Checks.cpuOnly(a);
        ReduceSpace r = reduceSpace(a, reducedMask(a, dims), keepdim);
        int threads = dev.jgrad.backend.cpu.Parallel.numThreads();
        if (a.dtype() == DType.FLOAT32) {
            FloatReduceKernels.vectorNorm((float[]) a.storage.data, a.offset, r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (float[]) r.out().storage.data, 0, p, threads);
        } else {
            DoubleReduceKernels.vectorNorm((double[]) a.storage.data, a.offset, r.shape(), r.xStride(), r.outStride(),
                    r.outNumel(), (double[]) r.out().storage.data, 0, p, threads);
        }
        return r.out();
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

    private static int[] onesLike(int[] shape) {
        int[] s = new int[shape.length];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    // ---------------------------------------------------------------- public ops

    static Tensor sumAll(Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::sum", a) : null) {
            return sum(a, null, false);
        }
    }

    static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::sum", a) : null) {
            DType ct = accumulateType(a);
            if (ct == DType.FLOAT32 || ct == DType.FLOAT64) return floatSum(a, reducedMask(a, dims), keepdim);
            return reduceDims(ReduceOp.SUM, a, dims, keepdim, ct);
        }
    }

    static Tensor prodAll(Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::prod", a) : null) {
            return reduceAll(ReduceOp.PROD, a, accumulateType(a));
        }
    }

    static Tensor prod(Tensor a, int dim, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::prod", a) : null) {
            return reduceDim(ReduceOp.PROD, a, dim, keepdim, accumulateType(a), false)[0];
        }
    }

    private static void checkMeanType(Tensor a) {
        if (!a.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + a.dtype().scalarTypeName());
        }
    }

    static Tensor meanAll(Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mean", a) : null) {
            checkMeanType(a);
            Tensor s = sumAll(a);
            return s.div_(Scalar.of((double) a.numel()));
        }
    }

    static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mean", a) : null) {
            checkMeanType(a);
            Tensor s = sum(a, dims, keepdim);
            long count = 1;
            if (dims == null || dims.length == 0) count = a.numel();
            else for (int d : dims) count *= a.shape.length == 0 ? 1 : a.shape[Shapes.wrapDim(d, a.shape.length)];
            return s.div_(Scalar.of((double) count));
        }
    }

    static Tensor extremeAll(Tensor a, boolean max) {
        try (var ev = Profiler.isActive() ? Profiler.enter((max ? "aten::max" : "aten::min"), a) : null) {
            if (a.numel() == 0) {
                throw new IllegalArgumentException((max ? "max" : "min") + "(): Expected reduction dim to be specified for "
                        + "input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
            }
            DType ct = Elementwise.computeType(a.dtype());
            Tensor r = reduceAll(max ? ReduceOp.MAX : ReduceOp.MIN, a, ct);
            return Copying.convert(r, a.dtype());
        }
    }

    static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        return extreme(a, dim, keepdim, max, max ? "max" : "min");
    }

    /** Values and indices along dim; name is the op reported in messages (max, min, argmax, argmin). */
    static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max, String name) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, a) : null) {
            if (a.dtype() == DType.BOOL && name.startsWith("arg")) {
                throw new IllegalArgumentException("\"" + name + "_cpu\" not implemented for 'Bool'");
            }
            int d = Shapes.wrapDim(dim, a.shape.length);
            if (a.shape.length > 0 && a.shape[d] == 0) {
                throw new IllegalArgumentException(name + "(): Expected reduction dim " + d + " to have non-zero size.");
            }
            DType ct = Elementwise.computeType(a.dtype());
            Tensor[] r = reduceDim(max ? ReduceOp.MAX : ReduceOp.MIN, a, d, keepdim, ct, true);
            return new ValuesIndices(max ? "max" : "min", Copying.convert(r[0], a.dtype()), r[1]);
        }
    }

    static Tensor argAll(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin")
                    + "(): Expected reduction dim to be specified for input.numel() == 0.");
        }
        return extreme(flat(a), 0, false, max, max ? "argmax" : "argmin").indices();
    }

    static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::norm", a) : null) {
            if (!a.dtype().isFloatingPoint()) {
                throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                        + a.dtype().scalarTypeName() + " instead.");
            }
            DType ct = a.dtype();
            if (a.numel() > 0) return floatNorm(a, p, dims, keepdim);
            if (p == 2) {
                return reduceDims(ReduceOp.SUM_OF_SQUARES, a, dims, keepdim, ct).sqrt_();
            }
            Tensor abs = Elementwise.unary(UnaryOp.ABS, a);
            if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
                ReduceOp op = p > 0 ? ReduceOp.MAX : ReduceOp.MIN;
                if (a.numel() == 0 && p > 0) return reduceDims(ReduceOp.SUM, abs, dims, keepdim, ct);
                return reduceDims(op, abs, dims, keepdim, ct);
            }
            if (p == 0) return reduceDims(ReduceOp.SUM, abs.ne(Scalar.of(0.0)).to(ct), dims, keepdim, ct);
            if (p == 1) return reduceDims(ReduceOp.SUM, abs, dims, keepdim, ct);
            return reduceDims(ReduceOp.SUM, abs.pow(p), dims, keepdim, ct).pow_(Scalar.of(1 / p));
        }
    }

    static Tensor logicalAll(Tensor a, boolean all) {
        Tensor r = reduceAll(all ? ReduceOp.ALL : ReduceOp.ANY, a, Elementwise.computeType(a.dtype()));
        return Copying.convert(r, DType.BOOL);
    }

    static Tensor logical(Tensor a, int dim, boolean keepdim, boolean all) {
        Tensor r = reduceDim(all ? ReduceOp.ALL : ReduceOp.ANY, a, dim, keepdim, Elementwise.computeType(a.dtype()), false)[0];
        return Copying.convert(r, DType.BOOL);
    }
}
