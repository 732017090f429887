package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.ReduceOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * scatter_reduce and index_reduce: src's elements combined into a copy of self at the positions an index names, by
 * sum, prod, mean, amax or amin, with or without self's own value. index_reduce is scatter_reduce with its 1-d index
 * spread over source's shape, as ATen's kernels agree.
 */
public final class ScatterReductions {
    private ScatterReductions() {}

    public static Tensor scatterReduce(Tensor self, int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::scatter_reduce", self, index, src) : null) {
            if (!java.util.List.of("sum", "prod", "mean", "amax", "amin").contains(reduce)) {
                throw new IllegalArgumentException("reduce argument must be either sum, prod, mean, amax or amin.");
            }
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                r = reduceNoGrad(self, d, index, src, reduce, includeSelf, "scatter");
            }
            return Derivatives.scatterReduce("ScatterReduceBackward0", r, self, d, index, src, reduce, includeSelf);
        }
    }

    public static Tensor indexReduce(Tensor self, int dim, Tensor index, Tensor source, String reduce, boolean includeSelf) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::index_reduce", self, index, source) : null) {
            if (!java.util.List.of("prod", "mean", "amax", "amin").contains(reduce)) {
                throw new IllegalArgumentException("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got " + reduce + ".");
            }
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            if (index.dim() > 1) throw new IllegalArgumentException("index_reduce_(): Index is supposed to be a vector");
            if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
                throw new IllegalArgumentException("index_reduce_(): Expected dtype int32/int64 for index");
            }
            if (self.dtype() != source.dtype()) {
                throw new IllegalArgumentException("index_reduce_(): self (" + self.dtype().scalarTypeName() + ") and source ("
                        + source.dtype().scalarTypeName() + ") must have the same scalar type");
            }
            long count = source.dim() == 0 ? 1 : source.size(d);
            if (index.numel() != count) {
                throw new IllegalArgumentException("index_reduce_(): Number of indices (" + index.numel() + ") should be equal to source.size(dim): ("
                        + count + "), for dim: " + dim);
            }
            Tensor spread, r;
            try (var guard = GradMode.setEnabled(false)) {
                long[] view = new long[Math.max(1, source.dim())];
                java.util.Arrays.fill(view, 1);
                view[d] = index.numel();
                Tensor idx = Gathering.checkedIndexValues("index_reduce", self, d, index);
                spread = source.dim() == 0 ? idx.reshape(1) : idx.reshape(view).expand(source.shape()).contiguous();
                r = reduceNoGrad(self, d, spread, source, reduce, includeSelf, "index_reduce");
            }
            return Derivatives.scatterReduce("IndexReduceBackward0", r, self, d, spread, source, reduce, includeSelf);
        }
    }

    /** The forward: self cloned, the scattered positions reset to the reduction's identity unless includeSelf, then combined. */
    static Tensor reduceNoGrad(Tensor self, int d, Tensor index, Tensor src, String reduce, boolean includeSelf, String op) {
        Tensor out = self;
        if (!includeSelf) {
            double init = switch (reduce) {
                case "prod" -> 1;
                case "amax" -> Double.NEGATIVE_INFINITY;
                case "amin" -> Double.POSITIVE_INFINITY;
                default -> 0;
            };
            Tensor fill = Views.expandNoGrad(Creation.full(new long[0], initScalar(init, self.dtype()), self.dtype(), self.device()),
                    Shapes.toLong(shape(index)));
            out = Gathering.scatterNoGrad(self, d, index, Copying.cloneNoGrad(fill), op);
        }
        switch (reduce) {
            case "sum", "mean" -> out = Gathering.scatterAddNoGrad(out, d, index, checkSrc(self, src, op));
            default -> {
                Tensor s = checkSrc(self, src, op);
                Gathering.scatterNoGrad(Torch.emptyLike(self), d, index, s, op);  // validates index and sizes before writing
                out = includeSelf ? Copying.cloneNoGrad(out) : out;
                s = narrowTo(s, index);
                ReduceOp rop = reduce.equals("prod") ? ReduceOp.PROD : reduce.equals("amax") ? ReduceOp.MAX : ReduceOp.MIN;
                Dispatch.backend(out, index, s).scatterReduce(rop, Dispatch.view(out), d, Dispatch.view(index), Dispatch.view(s));
            }
        }
        if (reduce.equals("mean")) {
            Tensor count = includeSelf ? Torch.onesLike(out) : Torch.zerosLike(out);
            count = Gathering.scatterAddNoGrad(count, d, index, Torch.onesLike(index, out.dtype()));
            count = count.maskedFill(count.eq(0L), 1L);
            out = out.isFloatingPoint() ? out.div(count) : out.floorDivide(count);
        }
        return out;
    }

    private static Tensor initScalar(double init, DType t) {
        if (t.isFloatingPoint() || init == 0 || init == 1) return Scalar.of(init);
        if (t == DType.BOOL) return Scalar.of(init > 0);
        long big = t == DType.INT32 ? Integer.MAX_VALUE : Long.MAX_VALUE, small = t == DType.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        return Scalar.of(init > 0 ? big : small);
    }

    private static Tensor checkSrc(Tensor self, Tensor src, String op) {
        if (src.dtype() != self.dtype()) throw new IllegalArgumentException(op + "(): Expected self.dtype to be equal to src.dtype");
        return src;
    }

    private static Tensor narrowTo(Tensor s, Tensor index) {
        for (int j = 0; j < shape(index).length && shape(s).length == shape(index).length; j++) {
            if (shape(s)[j] != shape(index)[j]) s = Views.narrowNoGrad(s, j, 0, shape(index)[j]);
        }
        return s;
    }
}
