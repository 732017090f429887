package dev.jgrad;

import dev.jgrad.kernels.cpu.DoubleReduceKernels;
import dev.jgrad.kernels.cpu.FloatReduceKernels;
import dev.jgrad.kernels.cpu.LongReduceKernels;
import dev.jgrad.kernels.cpu.ReduceOp;
import dev.jgrad.kernels.cpu.UnaryOp;

/**
 * Reductions (sum, mean, prod, max/min with indices, norm, all/any) over all elements or along dims.
 *
 * <p>Every reduction is one shape: the input made dense in the compute dtype and seen as
 * (outer, r, inner) around the reduced dim, which the kernels walk with stride-1 access.
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
        int nd = a.shape.length;
        boolean[] seen = new boolean[Math.max(nd, 1)];
        int[] wrapped = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            int d = Shapes.wrapDim(dims[i], nd);
            if (seen[d]) throw new IllegalArgumentException("dim " + d + " appears multiple times in the list of dims");
            seen[d] = true;
            wrapped[i] = d;
        }
        java.util.Arrays.sort(wrapped);
        Tensor r = a;
        for (int i = wrapped.length - 1; i >= 0; i--) r = reduceDim(op, r, wrapped[i], keepdim, ct, false)[0];
        return r;
    }

    private static int[] onesLike(int[] shape) {
        int[] s = new int[shape.length];
        java.util.Arrays.fill(s, 1);
        return s;
    }

    // ---------------------------------------------------------------- public ops

    static Tensor sumAll(Tensor a) { return reduceAll(ReduceOp.SUM, a, accumulateType(a)); }

    static Tensor sum(Tensor a, int[] dims, boolean keepdim) {
        return reduceDims(ReduceOp.SUM, a, dims, keepdim, accumulateType(a));
    }

    static Tensor prodAll(Tensor a) { return reduceAll(ReduceOp.PROD, a, accumulateType(a)); }

    static Tensor prod(Tensor a, int dim, boolean keepdim) {
        return reduceDim(ReduceOp.PROD, a, dim, keepdim, accumulateType(a), false)[0];
    }

    private static void checkMeanType(Tensor a) {
        if (!a.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("mean(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + a.dtype().scalarTypeName());
        }
    }

    static Tensor meanAll(Tensor a) {
        checkMeanType(a);
        Tensor s = sumAll(a);
        return s.div_(Scalar.of((double) a.numel()));
    }

    static Tensor mean(Tensor a, int[] dims, boolean keepdim) {
        checkMeanType(a);
        Tensor s = sum(a, dims, keepdim);
        long count = 1;
        if (dims == null || dims.length == 0) count = a.numel();
        else for (int d : dims) count *= a.shape.length == 0 ? 1 : a.shape[Shapes.wrapDim(d, a.shape.length)];
        return s.div_(Scalar.of((double) count));
    }

    static Tensor extremeAll(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw new IllegalArgumentException((max ? "max" : "min") + "(): Expected reduction dim to be specified for "
                    + "input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        DType ct = Elementwise.computeType(a.dtype());
        Tensor r = reduceAll(max ? ReduceOp.MAX : ReduceOp.MIN, a, ct);
        return Copying.convert(r, a.dtype());
    }

    static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max) {
        return extreme(a, dim, keepdim, max, max ? "max" : "min");
    }

    /** Values and indices along dim; name is the op reported in messages (max, min, argmax, argmin). */
    static ValuesIndices extreme(Tensor a, int dim, boolean keepdim, boolean max, String name) {
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

    static Tensor argAll(Tensor a, boolean max) {
        if (a.numel() == 0) {
            throw new IllegalArgumentException((max ? "argmax" : "argmin")
                    + "(): Expected reduction dim to be specified for input.numel() == 0.");
        }
        return extreme(flat(a), 0, false, max, max ? "argmax" : "argmin").indices();
    }

    static Tensor norm(Tensor a, double p, int[] dims, boolean keepdim) {
        if (!a.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("norm(): input dtype should be either floating point or complex. Got "
                    + a.dtype().scalarTypeName() + " instead.");
        }
        DType ct = a.dtype();
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

    static Tensor logicalAll(Tensor a, boolean all) {
        Tensor r = reduceAll(all ? ReduceOp.ALL : ReduceOp.ANY, a, Elementwise.computeType(a.dtype()));
        return Copying.convert(r, DType.BOOL);
    }

    static Tensor logical(Tensor a, int dim, boolean keepdim, boolean all) {
        Tensor r = reduceDim(all ? ReduceOp.ALL : ReduceOp.ANY, a, dim, keepdim, Elementwise.computeType(a.dtype()), false)[0];
        return Copying.convert(r, DType.BOOL);
    }
}
