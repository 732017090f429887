package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/**
 * gather and scatter_add: reading or accumulating along one dim at positions given by an int64 index
 * tensor. Checks and shapes here; the backend walks the index (and checks each position against self).
 */
public final class Gathering {
    private Gathering() {}

    private static int checkIndex(String op, Tensor self, int dim, Tensor index) {
        Checks.tensor(index, op, "index", 2);
        if (index.dtype() != DType.INT64) throw new IllegalArgumentException(op + "(): Expected dtype int64 for index");
        int d = Shapes.wrapDim(dim, self.dim());
        if (index.dim() != Math.max(self.dim(), 0) && !(self.dim() == 0 && index.dim() <= 1)) {
            throw new IllegalArgumentException("Index tensor must have the same number of dimensions as "
                    + (op.equals("gather") ? "input" : "self") + " tensor");
        }
        return d;
    }
    /** {@code out[i][j] = self[i][index[i][j]]} along dim (dim=1 shown); index is int64. */
    public static Tensor gather(Tensor self, int dim, Tensor index) { return Derivatives.gather(gatherNoGrad(self, dim, index), self, dim, index); }

    /** A copy of self with src added at the positions index names along dim. */
    public static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        return Derivatives.scatterAdd(scatterAddNoGrad(self, dim, index, src), self, dim, index, src);
    }


    /** A copy of self with src written at the positions index names along dim. */
    public static Tensor scatter(Tensor self, int dim, Tensor index, Tensor src) {
        return Derivatives.scatter(scatterNoGrad(self, dim, index, src, "scatter"), self, dim, index, src);
    }

    /** A copy of self with value written at the positions index names along dim. */
    public static Tensor scatter(Tensor self, int dim, Tensor index, Tensor value, boolean valueIsNumber) {
        Tensor src;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            src = Views.expandNoGrad(Copying.convert(value, self.dtype()), dev.jgrad.internal.core.Shapes.toLong(shape(index)));
        }
        return Derivatives.scatterValue(scatterNoGrad(self, dim, index, src, "scatter"), self, dim, index);
    }

    static Tensor scatterNoGrad(Tensor self, int dim, Tensor index, Tensor src, String op) {
        int d = checkIndex(op, self, dim, index);
        Checks.tensor(src, op, "src", 3);
        if (src.dtype() != self.dtype()) {
            throw new IllegalArgumentException(op + "(): Expected self.dtype to be equal to src.dtype");
        }
        Tensor out = Copying.cloneNoGrad(self);
        Tensor s = src;
        for (int j = 0; j < shape(index).length && shape(s).length == shape(index).length; j++) {
            if (shape(s)[j] != shape(index)[j]) s = Views.narrowNoGrad(s, j, 0, shape(index)[j]);
        }
        Dispatch.backend(self, index, src).scatter(Dispatch.view(out), d, Dispatch.view(index), Dispatch.view(s));
        return out;
    }

    /**
     * Checks index's values against dim's size the way PyTorch 1.13's op does: index_select, index_add and
     * index_reduce reject negative indices ("index out of range in self"), index_copy too (its own
     * message); index_fill takes -size .. size - 1, and its negatives are wrapped here. Returns the index
     * to use (int64). A meta tensor has no values to check.
     */
    static Tensor checkedIndexValues(String op, Tensor self, int d, Tensor index) {
        Tensor idx = index.toLong();
        if (idx.device().isMeta()) return idx;
        long size = self.dim() == 0 ? 1 : self.size(d);
        boolean wraps = op.equals("index_fill");
        boolean negative = false;
        for (long k : (long[]) Copying.toArray(Views.reshapeNoGrad(idx, new long[] {-1}), DType.INT64)) {
            if (k < (wraps ? -size : 0) || k >= size) {
                throw new IllegalArgumentException(switch (op) {
                    case "index_copy" -> "index_copy_(): index " + k + " is out of bounds for dimension " + d + " with size " + size;
                    case "index_fill" -> "index " + k + " is out of bounds for dimension " + d + " with size " + size;
                    default -> "index out of range in self";
                });
            }
            negative |= k < 0;
        }
        if (!negative) return idx;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            return idx.where(idx.ge(0L), idx.add(size));
        }
    }

    /** The slices index names along dim, spread to source's shape, as a scatter index (index_add/index_copy's positions). */
    private static Tensor spread(Tensor index, int d, Tensor source) {
        long[] view = new long[Math.max(1, source.dim())];
        java.util.Arrays.fill(view, 1);
        view[d] = index.numel();
        return source.dim() == 0 ? index.reshape(1) : index.reshape(view).expand(source.shape());
    }

    private static int checkIndexArgs(String op, Tensor self, int dim, Tensor index, Tensor source) {
        if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
            throw new IllegalArgumentException(op + "(): Expected dtype int32/int64 for index");
        }
        if (index.dim() > 1) throw new IllegalArgumentException(op + "(): Index is supposed to be a vector");
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        if (source != null && source.dim() > 0 && source.size(d) != index.numel()) {
            throw new IllegalArgumentException(op + "(): Number of indices (" + index.numel() + ") should be equal to source.size(dim) ("
                    + source.size(d) + ")");
        }
        return d;
    }

    /** self with alpha * source's slices added at the positions index names along dim (repeats add up). */
    public static Tensor indexAdd(Tensor self, int dim, Tensor index, Tensor source, double alpha) {
        int d = checkIndexArgs("index_add", self, dim, index, source);
        Tensor r;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            Tensor src = alpha == 1 ? source : Elementwise.binary("mul", dev.jgrad.backend.BinaryOp.MUL, source,
                    dev.jgrad.internal.core.Scalar.of(alpha), 1);
            r = scatterAddNoGrad(self, d, spread(checkedIndexValues("index_add", self, d, index), d, source), Copying.convert(src, self.dtype()));
        }
        return Derivatives.indexAdd(r, self, d, index.toLong(), source, alpha);
    }

    /** self with value written at every position of the slices index names along dim. */
    public static Tensor indexFill(Tensor self, int dim, Tensor index, Tensor value) {
        int d = checkIndexArgs("index_fill", self, dim, index, null);
        index = checkedIndexValues("index_fill", self, d, index);
        Tensor r;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            long[] shape = self.shape();
            if (self.dim() > 0) shape[d] = index.numel();
            Tensor fill = Views.expandNoGrad(Copying.convert(value, self.dtype()), self.dim() == 0 ? new long[0] : shape);
            r = self.dim() == 0 ? Copying.cloneNoGrad(fill)
                    : scatterNoGrad(self, d, spread(index.toLong(), d, Copying.cloneNoGrad(fill)), Copying.cloneNoGrad(fill), "index_fill");
        }
        return Derivatives.indexFill(r, self, d, index.toLong());
    }

    /** self with source's slices copied to the positions index names along dim. */
    public static Tensor indexCopy(Tensor self, int dim, Tensor index, Tensor source) {
        int d = checkIndexArgs("index_copy", self, dim, index, source);
        if (source.dtype() != self.dtype()) {
            throw new IllegalArgumentException("index_copy_(): self and source expected to have the same dtype, but got (self) "
                    + self.dtype().scalarTypeName() + " and (source) " + source.dtype().scalarTypeName());
        }
        Tensor r;
        try (var guard = dev.jgrad.autograd.GradMode.setEnabled(false)) {
            r = scatterNoGrad(self, d, spread(checkedIndexValues("index_copy", self, d, index), d, source), source, "index_copy");
        }
        return Derivatives.indexCopy(r, self, d, index.toLong(), source);
    }

    /** out[..i..] = self[..index[..i..]..] along dim; out has index's shape. */
    static Tensor gatherNoGrad(Tensor self, int dim, Tensor index) {
        int d = checkIndex("gather", self, dim, index);
        Tensor out = Dispatch.empty(self, shape(index), self.dtype());
        Dispatch.backend(self, index).gather(Dispatch.view(self), d, Dispatch.view(index), Dispatch.view(out));
        return out;
    }

    /** A copy of self with src[..i..] added at self[..index[..i..]..] along dim. */
    static Tensor scatterAddNoGrad(Tensor self, int dim, Tensor index, Tensor src) {
        return scatterAddInPlace(Copying.cloneNoGrad(self), dim, index, src);
    }

    /**
     * zeros of the given shape (like's dtype and device) with src added at index along dim: what the backward
     * formulas of nll_loss, embedding and index_select build. Where no graph of the result is wanted the sums go
     * straight into the fresh zeros; the out-of-place scatter_add would copy them first (a 28 MB copy per step
     * for a 10000-word language model's loss).
     */
    public static Tensor scatterAddIntoZeros(Tensor like, long[] shape, int dim, Tensor index, Tensor src) {
        Tensor zeros = like.newZeros(shape);
        if (dev.jgrad.internal.autograd.Recorder.shouldRecord(src)) return zeros.scatterAdd(dim, index, src);
        return scatterAddInPlace(zeros, dim, index, src);
    }

    /** out with src[..i..] added at out[..index[..i..]..] along dim; out is written in place. */
    private static Tensor scatterAddInPlace(Tensor out, int dim, Tensor index, Tensor src) {
        int d = checkIndex("scatter_add", out, dim, index);
        Checks.tensor(src, "scatter_add", "src", 3);
        Tensor s = src;
        for (int j = 0; j < shape(index).length && shape(s).length == shape(index).length; j++) {
            if (shape(s)[j] != shape(index)[j]) s = Views.narrowNoGrad(s, j, 0, shape(index)[j]);  // src may be larger than index
        }
        Dispatch.backend(out, index, src).scatterAdd(Dispatch.view(out), d, Dispatch.view(index), Dispatch.view(s));
        return out;
    }

    public static Tensor indexSelect(Tensor self, int dim, Tensor index) {
        Tensor out = indexSelectNoGrad(self, dim, index);
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        return Derivatives.indexSelect(out, self, d, index.dim() == 0 ? index.reshape(1) : index);
    }

    static Tensor indexSelectNoGrad(Tensor self, int dim, Tensor index) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::index_select", self, index) : null) {
            Checks.tensor(index, "index_select", "index", 2);
            if (index.dtype() != DType.INT64 && index.dtype() != DType.INT32) {
                throw new IllegalArgumentException("index_select(): Expected dtype int32 or int64 for index");
            }
            if (index.dim() > 1) throw new IllegalArgumentException("index_select(): Index is supposed to be a vector");
            int nd = Math.max(1, self.dim()), d = Shapes.wrapDim(dim, nd);
            int[] s = self.dim() == 0 ? new int[] {1} : shape(self);
            int count = numel(index);
            int[] outShape = s.clone();
            outShape[d] = count;
            if (self.dim() == 0) outShape = index.dim() == 0 ? new int[0] : new int[] {count};
            Tensor out = Dispatch.empty(self, outShape, self.dtype());
            Dispatch.backend(self, index).indexSelect(Dispatch.view(self), d, Dispatch.view(index), Dispatch.view(out));
            return out;
        }
    }

    public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx) { return embedding(weight, indices, paddingIdx, false); }

    /** scaleGradByFreq: each index's gradient divided by how often it occurs in indices, as PyTorch. */
    public static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx, boolean scaleGradByFreq) {
        return embedding(weight, indices, paddingIdx, scaleGradByFreq ? Embeddings.inverseFrequency(indices.toLong(), indices.toLong(), weight) : null);
    }

    /** freq: null, or per index the factor its gradient is scaled by. */
    static Tensor embedding(Tensor weight, Tensor indices, long paddingIdx, Tensor freq) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::embedding", weight, indices) : null) {
            if (indices.dtype() != DType.INT64 && indices.dtype() != DType.INT32) {
                throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                        + "Long, Int; but got " + indices.dtype().legacyTensorTypeName() + " instead (while checking arguments for embedding)");
            }
            if (weight.dim() != 2) throw new IllegalArgumentException("'weight' must be 2-D");
            int e = shape(weight)[1];
            int[] outShape = Arrays.copyOf(shape(indices), indices.dim() + 1);
            outShape[indices.dim()] = e;
            Tensor out = Dispatch.empty(weight, outShape, weight.dtype());
            Dispatch.backend(weight, indices).embedding(Dispatch.view(weight), Dispatch.view(indices), Dispatch.view(out));
            Tensor idx = indices.toLong();
            return Derivatives.embedding(out, weight, idx, paddingIdx, freq);
        }
    }
}
