package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.ValuesIndices;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/** mode (the most frequent value) and nanmedian (the lower median of the values that are not NaN), at PyTorch's positions on ties. */
public final class Modes {
    private Modes() {}

    /** The most frequent value along dim, the smallest on ties, with the position PyTorch's CPU kernel reports. */
    public static ValuesIndices mode(Tensor self, int dim, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mode", self) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            if (self.dim() > 0 && shape(self)[d] == 0) {
                throw new IllegalArgumentException("mode(): Expected reduction dim " + d + " to have non-zero size.");
            }
            int[] kept = self.dim() == 0 ? new int[0] : shape(self).clone();
            if (self.dim() > 0) kept[d] = 1;
            Tensor values = Dispatch.empty(self, kept, self.dtype()), indices = Dispatch.empty(self, kept, DType.INT64);
            Dispatch.backend(self).mode(Dispatch.view(self), d, Dispatch.view(values), Dispatch.view(indices));
            if (!keepdim && self.dim() > 0) {
                values = Views.squeezeNoGrad(values, d);
                indices = Views.squeezeNoGrad(indices, d);
            }
            return new ValuesIndices("mode", Derivatives.selectingDim("ModeBackward0", values, indices, self, d, keepdim), indices);
        }
    }

    /** The lower median of the elements that are not NaN (NaN when all are). */
    public static Tensor nanmedian(Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::nanmedian", self) : null) {
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                if (self.numel() == 0) {
                    if (!self.isFloatingPoint()) throw new IllegalArgumentException("nanmedian() input tensor cannot be empty");
                    r = Creation.full(new long[0], dev.jgrad.internal.core.Scalar.of(Double.NaN), self.dtype(), self.device());
                } else {
                    r = nanmedianNoGrad(self.reshape(-1), 0, false)[0];
                }
            }
            return Derivatives.nanmedian(r, self);
        }
    }

    /** The lower median along dim of the values that are not NaN, and its position. */
    public static ValuesIndices nanmedian(Tensor self, int dim, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::nanmedian", self) : null) {
            int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
            if (self.dim() > 0 && shape(self)[d] == 0) {
                throw new IllegalArgumentException("median(): Expected reduction dim " + d + " to have non-zero size.");
            }
            Tensor[] r;
            try (var guard = GradMode.setEnabled(false)) {
                r = self.dim() == 0 ? new Tensor[] {self.clone(), Torch.zerosLike(self, DType.INT64)} : nanmedianNoGrad(self, d, keepdim);
            }
            return new ValuesIndices("nanmedian", Derivatives.selectingDim("NanmedianBackward1", r[0], r[1], self, d, keepdim), r[1]);
        }
    }

    /** Integral lines have no NaN: the sorted line's (n - 1) / 2-th; floating ones go to the backend's nth_element kernel. */
    private static Tensor[] nanmedianNoGrad(Tensor self, int d, boolean keepdim) {
        Tensor values, indices;
        if (self.isFloatingPoint()) {
            int[] kept = shape(self).clone();
            kept[d] = 1;
            values = Dispatch.empty(self, kept, self.dtype());
            indices = Dispatch.empty(self, kept, DType.INT64);
            Dispatch.backend(self).nanmedian(Dispatch.view(self), d, Dispatch.view(values), Dispatch.view(indices));
        } else {
            Tensor[] s = Sorting.sortNoGrad(self, d, false, true);
            Tensor pos = Torch.full(keptShape(self, d), (self.size(d) - 1) / 2);
            values = s[0].gather(d, pos);
            indices = s[1].gather(d, pos);
        }
        if (!keepdim) {
            values = values.squeeze(d);
            indices = indices.squeeze(d);
        }
        return new Tensor[] {values, indices};
    }

    private static long[] keptShape(Tensor self, int d) {
        long[] k = self.shape();
        k[d] = 1;
        return k;
    }
}
