package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * Ops that keep or replace elements by a boolean mask: masked_fill and the triangles tril/triu (whose
 * mask comes from the positions). Both are selections by {@code where} underneath, so they need no kernel
 * of their own.
 */
public final class Masking {
    private Masking() {}

    /** {@code self.masked_fill(mask, value)}: value where mask is true; self and mask broadcast. value is a 0-dim tensor or a Java number. */
    public static Tensor maskedFill(Tensor self, Tensor mask, Tensor value) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::masked_fill", self, mask) : null) {
            Tensor r = maskedFillNoGrad(self, mask, value);
            return isWrappedNumber(value) ? Derivatives.maskedFill(r, self, mask) : Derivatives.maskedFill(r, self, mask, value);
        }
    }

    public static Tensor maskedFill_(Tensor self, Tensor mask, Tensor value) {
        return Copying.writeBack(self, old -> maskedFill(old, mask, value), value);
    }

    static Tensor maskedFillNoGrad(Tensor self, Tensor mask, Tensor value) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_fill_ only supports boolean masks, but got mask with dtype " + Checks.cppTypeName(mask.dtype()));
        }
        if (value.dim() != 0) {
            throw new IllegalArgumentException("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                    + value.dim() + " dimension(s).");
        }
        Shapes.broadcast(shape(mask), shape(self));  // in this order for PyTorch's message (a is the mask)
        try (var guard = GradMode.setEnabled(false)) {
            Tensor v = Copying.convert(value, self.dtype());
            if (isWrappedNumber(value)) markWrappedNumber(v);
            return Elementwise.whereNoGrad(mask, v, self);
        }
    }

    /** The lower triangle of the last two dims: elements with column - row <= diagonal, the rest zero. */
    public static Tensor tril(Tensor self, long diagonal) { return triangle(self, diagonal, true); }

    public static Tensor triu(Tensor self, long diagonal) { return triangle(self, diagonal, false); }

    public static Tensor tril_(Tensor self, long diagonal) { return Copying.writeBack(self, old -> tril(old, diagonal)); }

    public static Tensor triu_(Tensor self, long diagonal) { return Copying.writeBack(self, old -> triu(old, diagonal)); }

    private static Tensor triangle(Tensor self, long diagonal, boolean lower) {
        try (var ev = Profiler.isActive() ? Profiler.enter(lower ? "aten::tril" : "aten::triu", self) : null) {
            return Derivatives.triangle(triangleNoGrad(self, diagonal, lower), self, diagonal, lower);
        }
    }

    static Tensor triangleNoGrad(Tensor self, long diagonal, boolean lower) {
        int nd = self.dim();
        int rowsDim = Shapes.wrapDim(-2, nd);  // raises PyTorch's message for fewer than 2 dims
        long rows = shape(self)[rowsDim], cols = shape(self)[nd - 1];
        try (var guard = GradMode.setEnabled(false)) {
            Tensor offsets = Torch.arange(cols).sub(Torch.arange(rows).unsqueeze(1));  // column - row
            Tensor keep = (lower ? offsets.le(diagonal) : offsets.ge(diagonal)).to(self.device());
            return Elementwise.whereNoGrad(keep, self, zeroOf(self.dtype()));
        }
    }

    /** A Java number of value that keeps dtype under promotion (truncated for integral dtypes). */
    static Tensor valueOf(double value, DType dtype) {
        if (dtype == DType.BOOL) return Scalar.of(value != 0);
        return dtype.isFloatingPoint() ? Scalar.of(value) : Scalar.of((long) value);
    }

    /** A Java-number zero that keeps dtype under promotion. */
    static Tensor zeroOf(DType dtype) {
        if (dtype == DType.BOOL) return Scalar.of(false);
        return dtype.isFloatingPoint() ? Scalar.of(0.0) : Scalar.of(0L);
    }
}
