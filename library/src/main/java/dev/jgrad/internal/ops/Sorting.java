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
            Tensor[] r = sortNoGrad(self, d, largest, true);
            Tensor values = r[0], indices = r[1];
            if (self.dim() > 0) {
                values = Copying.cloneNoGrad(Views.narrowNoGrad(values, d, 0, k));
                indices = Copying.cloneNoGrad(Views.narrowNoGrad(indices, d, 0, k));
            }
            return new ValuesIndices("topk", Derivatives.sortValues("TopkBackward0", values, indices, self, d), indices);
        }
    }

    private static Tensor[] sortNoGrad(Tensor self, int d, boolean descending, boolean stable) {
        Tensor values = Dispatch.empty(self, shape(self), self.dtype());
        Tensor indices = Dispatch.empty(self, shape(self), DType.INT64);
        if (numel(self) > 0) {
            Dispatch.backend(self).sort(Dispatch.view(self), d, descending, stable, Dispatch.view(values), Dispatch.view(indices));
        }
        return new Tensor[] {values, indices};
    }
}
