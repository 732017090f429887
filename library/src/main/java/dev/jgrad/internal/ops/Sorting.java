package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/** sort, argsort and topk along a dim: one backend sort, topk keeps its first k. */
public final class Sorting {
    private Sorting() {}

    public static ValuesIndices sort(Tensor self, int dim, boolean descending, boolean stable) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::sort", self) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            Tensor[] r = sortNoGrad(self, d, descending, stable);
            return new ValuesIndices("sort", Derivatives.sortValues("SortBackward0", r[0], r[1], self, d), r[1]);
        }
    }

    public static Tensor argsort(Tensor self, int dim, boolean descending) {
        return sortNoGrad(self, Shapes.wrapDim(dim, Math.max(1, self.dim())), descending, false)[1];
    }

    /** The k largest (or smallest) along dim, in order. */
    public static ValuesIndices topk(Tensor self, long k, int dim, boolean largest) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::topk", self) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            long size = self.dim() == 0 ? 1 : shape(self)[d];
            if (k < 0 || k > size) throw new IllegalArgumentException("selected index k out of range");
            dev.jgrad.internal.core.Checks.requireHalfKernel(self, "topk_cpu", false);
            Tensor[] r = sortNoGrad(self, d, largest, true);
            Tensor values = r[0], indices = r[1];
            if (self.dim() > 0) {
                values = Copying.cloneNoGrad(Views.narrowNoGrad(values, d, 0, k));
                indices = Copying.cloneNoGrad(Views.narrowNoGrad(indices, d, 0, k));
            }
            return new ValuesIndices("topk", Derivatives.sortValues("TopkBackward0", values, indices, self, d), indices);
        }
    }

    /** The lower median of all elements (NaN if any is NaN). */
    public static Tensor median(Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::median", self) : null) {
            dev.jgrad.internal.core.Checks.requireHalfKernel(self, "median_cpu", false);
            long n = numel(self);
            if (n == 0) {  // PyTorch 1.13 answers NaN for an empty float tensor
                if (!self.isFloatingPoint()) throw new IllegalArgumentException("median() input tensor cannot be empty");
                return Derivatives.median(Creation.full(new long[0], dev.jgrad.internal.core.Scalar.of(Double.NaN), self.dtype(), self.device()), self);
            }
            Tensor flat = Views.reshapeNoGrad(self, new long[] {-1});
            Tensor sorted = sortNoGrad(flat, 0, false, true)[0];
            Tensor r = Copying.cloneNoGrad(Views.selectNoGrad(sorted, 0, (n - 1) / 2));
            if (self.isFloatingPoint() && Views.selectNoGrad(sorted, 0, n - 1).isnan().itemBool()) {
                r = Copying.cloneNoGrad(Views.selectNoGrad(sorted, 0, n - 1));  // a NaN sorts last and is the median
            }
            return Derivatives.median(r, self);
        }
    }

    /** The lower median along dim and its position (NaN and its position where the line has one). */
    public static ValuesIndices median(Tensor self, int dim, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::median", self) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            long size = self.dim() == 0 ? 1 : shape(self)[d];
            if (size == 0) throw new IllegalArgumentException("median() cannot compute median for a dimension of size 0");
            Tensor[] s = sortNoGrad(self, d, false, true);
            Tensor values, indices;
            if (self.dim() == 0) {
                values = s[0];
                indices = s[1];
            } else {
                long k = (size - 1) / 2;
                values = Views.selectNoGrad(s[0], d, k);
                indices = Views.selectNoGrad(s[1], d, k);
                if (self.isFloatingPoint()) {  // a line with a NaN has the NaN (sorted last) as its median
                    Tensor last = Views.selectNoGrad(s[0], d, size - 1), lastIdx = Views.selectNoGrad(s[1], d, size - 1);
                    Tensor nan = last.isnan();
                    values = Elementwise.whereNoGrad(nan, last, values);
                    indices = Elementwise.whereNoGrad(nan, lastIdx, indices);
                }
                values = Copying.cloneNoGrad(values);
                indices = Copying.cloneNoGrad(indices);
                if (keepdim) {
                    values = Views.unsqueezeNoGrad(values, d);
                    indices = Views.unsqueezeNoGrad(indices, d);
                }
            }
            return new ValuesIndices("median", Derivatives.medianDim(values, indices, self, d, keepdim), indices);
        }
    }

    /** The distinct values in ascending order, with each element's position among them (inverse) and each value's count. */
    public static java.util.List<Tensor> unique(Tensor self, boolean returnInverse, boolean returnCounts) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::_unique2", self) : null) {
            long n = numel(self);
            Tensor flat = Views.reshapeNoGrad(self, new long[] {-1});
            Tensor[] s = sortNoGrad(flat, 0, false, true);
            long[] order = s[1].toLongArray();
            boolean integral = !self.isFloatingPoint();
            long[] lv = integral ? s[0].toLongArray() : null;  // int64 compares exactly, not through doubles
            double[] v = integral ? null : s[0].toDouble().toDoubleArray();
            long[] inverse = new long[(int) n];
            java.util.List<Long> counts = new java.util.ArrayList<>();
            long[] firsts = new long[(int) n];
            int groups = 0;
            for (int i = 0; i < n; i++) {
                boolean fresh = i == 0 || (integral ? lv[i] != lv[i - 1] : !(v[i] == v[i - 1]));  // NaN != NaN: each NaN its own value, as PyTorch
                if (fresh) {
                    firsts[groups++] = i;
                    counts.add(0L);
                }
                counts.set(groups - 1, counts.get(groups - 1) + 1);
                inverse[(int) order[i]] = groups - 1;
            }
            Tensor values = Gathering.indexSelectNoGrad(s[0], 0, dev.jgrad.Torch.tensor(java.util.Arrays.copyOf(firsts, groups)).to(self.device()));
            java.util.List<Tensor> out = new java.util.ArrayList<>();
            out.add(Derivatives.notImplemented("Unique2Backward0", "_unique2", values, self));
            if (returnInverse) out.add(Views.reshapeNoGrad(dev.jgrad.Torch.tensor(inverse), Shapes.toLong(shape(self))).to(self.device()));
            if (returnCounts) out.add(dev.jgrad.Torch.tensor(counts.stream().mapToLong(Long::longValue).toArray()).to(self.device()));
            return out;
        }
    }

    /** For each value, the index in the sorted innermost dim of sortedSequence where it would be inserted (after equals when right). */
    public static Tensor searchsorted(Tensor sortedSequence, Tensor values, boolean right) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::searchsorted", sortedSequence, values) : null) {
            if (sortedSequence.dim() == 0) {
                throw new IllegalArgumentException("torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension");
            }
            boolean oneSequence = sortedSequence.dim() == 1;
            if (!oneSequence) {
                long[] lead = java.util.Arrays.copyOf(sortedSequence.shape(), sortedSequence.dim() - 1);
                long[] vlead = values.dim() == 0 ? new long[0] : java.util.Arrays.copyOf(values.shape(), values.dim() - 1);
                if (!java.util.Arrays.equals(lead, vlead)) {
                    throw new IllegalArgumentException("torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of "
                            + "boundaries tensor and input value tensor must match, but we got boundaries tensor " + sortedSequence.size()
                            + " and input value tensor " + values.size());
                }
            }
            long m = sortedSequence.size(-1);
            double[] seq = sortedSequence.contiguous().toDouble().toDoubleArray();
            double[] v = values.contiguous().toDouble().toDoubleArray();
            long perRow = values.dim() == 0 ? 1 : values.size(-1);
            long[] out = new long[v.length];
            for (int i = 0; i < v.length; i++) {
                int row = oneSequence ? 0 : (int) (i / perRow);
                int lo = 0, hi = (int) m;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    double s = seq[(int) (row * m) + mid];
                    boolean goRight = right ? !(v[i] < s) : s < v[i];
                    if (goRight) lo = mid + 1;
                    else hi = mid;
                }
                out[i] = lo;
            }
            return Views.reshapeNoGrad(dev.jgrad.Torch.tensor(out), values.shape()).to(values.device());
        }
    }

    static Tensor[] sortNoGrad(Tensor self, int d, boolean descending, boolean stable) {
        Tensor values = Dispatch.empty(self, shape(self), self.dtype());
        Tensor indices = Dispatch.empty(self, shape(self), DType.INT64);
        if (numel(self) > 0) {
            Dispatch.backend(self).sort(Dispatch.view(self), d, descending, stable, Dispatch.view(values), Dispatch.view(indices));
        }
        return new Tensor[] {values, indices};
    }
}
