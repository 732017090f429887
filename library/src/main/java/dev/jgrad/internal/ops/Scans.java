package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/** Running sums and products along a dim (cumsum, cumprod). Integral and bool inputs give int64, as in PyTorch. */
public final class Scans {
    private Scans() {}

    /** dtype null: the input's dtype for floats, int64 otherwise. */
    public static Tensor cumsum(Tensor self, int dim, DType dtype) { return scan(self, dim, dtype, false); }

    public static Tensor cumprod(Tensor self, int dim, DType dtype) { return scan(self, dim, dtype, true); }

    private static Tensor scan(Tensor self, int dim, DType dtype, boolean prod) {
        try (var ev = Profiler.isActive() ? Profiler.enter(prod ? "aten::cumprod" : "aten::cumsum", self) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            DType rt = dtype != null ? dtype : self.isFloatingPoint() ? self.dtype() : DType.INT64;
            Tensor out = Dispatch.empty(self, shape(self), rt);
            if (numel(self) > 0) Dispatch.backend(self).scan(prod, Dispatch.view(Copying.convert(self, rt)), d, Dispatch.view(out));
            return prod ? Derivatives.cumprod(out, self, d) : Derivatives.cumsum(out, self, d);
        }
    }
}
