package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.ReduceOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * Reductions (sum, mean, prod, max/min with indices, norm, all/any) over all elements or along dims:
 * dims, output shapes and dtypes here; the backend reduces ({@link Backend#reduce} along one dim,
 * {@link Backend#sum} and {@link Backend#norm} over a set of dims in PyTorch's summation order).
 */
public final class Reductions {
    private Reductions() {}

    /** Reduces one dim of a; values come back in compute dtype ct, indices (if asked) as int64. */
    private static Tensor[] reduceDim(ReduceOp op, Tensor a, int dim, boolean keepdim, DType ct, boolean withIndices) {
        int nd = shape(a).length;
        int d = Shapes.wrapDim(dim, nd);
        int r = nd == 0 ? 1 : shape(a)[d];
        int[] outShape = reducedShape(shape(a), d, keepdim);
        int n = Shapes.numel(outShape);
        Tensor out = Dispatch.empty(a, outShape, ct);
        Tensor idx = withIndices ? Dispatch.empty(a, outShape, DType.INT64) : null;
        if (r == 0) {
            Copying.fill(out, Scalar.of(identity(op)));
        } else if (n > 0) {
            Dispatch.backend(a).reduce(op, Dispatch.view(Copying.convert(a, ct)), d, Dispatch.view(out), Dispatch.view(idx));
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

    public static int[] reducedShape(int[] shape, int d, boolean keepdim) {
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
        return shape(a).length == 1 ? a : a.reshape(-1);
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
            if (keepdim && shape(a).length > 0) r = r.reshape(Shapes.toLong(onesLike(shape(a))));
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
        int nd = shape(a).length;
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
        boolean[] mask = new boolean[shape(a).length];
        if (dims == null || dims.length == 0) {
            java.util.Arrays.fill(mask, true);
        } else {
            for (int d : wrapDims(a, dims)) if (d < mask.length) mask[d] = true;
        }
        return mask;
    }

    /** float32/float64 sum, added in PyTorch's order by the backend (so results agree to the last bit). */
    private static Tensor floatSum(Tensor a, boolean[] reduced, boolean keepdim) {
        Tensor out = Dispatch.empty(a, keptShape(shape(a), reduced, keepdim), a.dtype());
        if (a.numel() > 0) Dispatch.backend(a).sum(Dispatch.view(a), reduced, Dispatch.view(out));
        return out;
    }

    /** float32/float64 p-norm of a non-empty tensor, as PyTorch 1.13's linalg.vector_norm. */
    private static Tensor floatNorm(Tensor a, double p, int[] dims, boolean keepdim) {
        boolean[] reduced = reducedMask(a, dims);
        Tensor out = Dispatch.empty(a, keptShape(shape(a), reduced, keepdim), a.dtype());
        Dispatch.backend(a).norm(Dispatch.view(a), p, reduced, Dispatch.view(out));
        return out;
    }

    /** The shape a reduction over the reduced dims leaves: 1 there with keepdim, else those dims gone. */
    public static int[] keptShape(int[] shape, boolean[] reduced, boolean keepdim) {
        int nd = shape.length, kept = 0;
        int[] s = shape.clone();
        for (int d = 0; d < nd; d++) {
            if (reduced[d]) s[d] = 1;
            else kept++;
        }
        if (keepdim) return s;
        int[] r = new int[kept];
        for (int d = 0, j = 0; d < nd; d++) if (!reduced[d]) r[j++] = shape[d];
        return r;
    }

    private static int[] onesLike(int[] shape) {
        int[] s = new int[shape.length];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    // ---------------------------------------------------------------- public ops
    // ---------------------------------------------------------------- the recorded ops (what Tensor calls)

    public static Tensor sum(Tensor self) { return Derivatives.sum(sumAll(self), self, null, false); }

    public static Tensor sum(Tensor self, int[] dims, boolean keepdim) {
        if (dims == null || dims.length == 0) return keepdim ? sum(self).reshape(onesShape(self)) : sum(self);
        return Derivatives.sum(sumNoGrad(self, dims, keepdim), self, dims, keepdim);
    }

    public static Tensor mean(Tensor self) { return Derivatives.mean(meanAll(self), self, null, false); }

    public static Tensor mean(Tensor self, int[] dims, boolean keepdim) {
        if (dims == null || dims.length == 0) return keepdim ? mean(self).reshape(onesShape(self)) : mean(self);
        return Derivatives.mean(meanNoGrad(self, dims, keepdim), self, dims, keepdim);
    }

    private static long[] onesShape(Tensor t) {
        long[] s = new long[shape(t).length];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    public static Tensor prod(Tensor self) { return Derivatives.prod(prodAll(self), self, null, false); }

    public static Tensor prod(Tensor self, int dim, boolean keepdim) { return Derivatives.prod(prodNoGrad(self, dim, keepdim), self, dim, keepdim); }

    /** max() or min() over all elements (NaN if any is NaN). */
    public static Tensor extremeOfAll(Tensor self, boolean max) { return Derivatives.extremeAll(extremeAll(self, max), self, max); }

    /** Values and first indices of the largest (or smallest) elements along dim. */
    public static ValuesIndices extremeAlong(Tensor self, int dim, boolean keepdim, boolean max) {
        ValuesIndices r = extreme(self, dim, keepdim, max);
        Derivatives.extremeDim(r.values(), r.indices(), self, dim, keepdim, max);
        return r;
    }

    /** amax (max true) or amin along dim: values only, gradient split evenly between ties. */
    public static Tensor amax(Tensor self, int dim, boolean keepdim, boolean max) {
        return Derivatives.amax(extreme(self, dim, keepdim, max).values(), self, dim, keepdim, max);
    }

    /** The p-norm over dims (all of them when dims is null); p may be infinite. */
    public static Tensor norm(Tensor self, double p, int[] dims, boolean keepdim) {
        return Derivatives.norm(normNoGrad(self, p, dims, keepdim), self, p, dims, keepdim);
    }

    // ---------------------------------------------------------------- forward computations (no autograd record)


    public static Tensor sumAll(Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::sum", a) : null) {
            return sumNoGrad(a, null, false);
        }
    }

    public static Tensor sumNoGrad(Tensor a, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::sum", a) : null) {
            DType ct = accumulateType(a);
            if (ct == DType.FLOAT32 || ct == DType.FLOAT64) return floatSum(a, reducedMask(a, dims), keepdim);
            return reduceDims(ReduceOp.SUM, a, dims, keepdim, ct);
        }
    }

    public static Tensor prodAll(Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::prod", a) : null) {
            return reduceAll(ReduceOp.PROD, a, accumulateType(a));
        }
    }

    public static Tensor prodNoGrad(Tensor a, int dim, boolean keepdim) {
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

    public static Tensor meanAll(Tensor a) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mean", a) : null) {
            checkMeanType(a);
            Tensor s = sumAll(a);
            return s.div_(Scalar.of((double) a.numel()));
        }
    }

    public static Tensor meanNoGrad(Tensor a, int[] dims, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mean", a) : null) {
            checkMeanType(a);
            Tensor s = sumNoGrad(a, dims, keepdim);
            long count = 1;
            if (dims == null || dims.length == 0) count = a.numel();
            else for (int d : dims) count *= shape(a).length == 0 ? 1 : shape(a)[Shapes.wrapDim(d, shape(a).length)];
            return s.div_(Scalar.of((double) count));
        }
    }

    public static Tensor extremeAll(Tensor a, boolean max) {
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

    public static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        return extreme(a, dim, keepdim, max, max ? "max" : "min");
    }

    /** Values and indices along dim; name is the op reported in messages (max, min, argmax, argmin). */
    public static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max, String name) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::" + name, a) : null) {
            if (a.dtype() == DType.BOOL && name.startsWith("arg")) {
                throw new IllegalArgumentException("\"" + name + "_cpu\" not implemented for 'Bool'");
            }
            int d = Shapes.wrapDim(dim, shape(a).length);
            if (shape(a).length > 0 && shape(a)[d] == 0) {
                throw new IllegalArgumentException(name + "(): Expected reduction dim " + d + " to have non-zero size.");
            }
            DType ct = Elementwise.computeType(a.dtype());
            Tensor[] r = reduceDim(max ? ReduceOp.MAX : ReduceOp.MIN, a, d, keepdim, ct, true);
            return new ValuesIndices(max ? "max" : "min", Copying.convert(r[0], a.dtype()), r[1]);
        }
    }

    public static Tensor argAll(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin")
                    + "(): Expected reduction dim to be specified for input.numel() == 0.");
        }
        return extreme(flat(a), 0, false, max, max ? "argmax" : "argmin").indices();
    }

    public static Tensor normNoGrad(Tensor a, double p, int[] dims, boolean keepdim) {
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
            Tensor abs = Elementwise.unaryNoGrad(UnaryOp.ABS, a);
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

    public static Tensor logicalAll(Tensor a, boolean all) {
        Tensor r = reduceAll(all ? ReduceOp.ALL : ReduceOp.ANY, a, Elementwise.computeType(a.dtype()));
        return Copying.convert(r, DType.BOOL);
    }

    public static Tensor logical(Tensor a, int dim, boolean keepdim, boolean all) {
        Tensor r = reduceDim(all ? ReduceOp.ALL : ReduceOp.ANY, a, dim, keepdim, Elementwise.computeType(a.dtype()), false)[0];
        return Copying.convert(r, DType.BOOL);
    }
}
