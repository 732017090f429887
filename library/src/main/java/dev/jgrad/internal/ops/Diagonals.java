package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.profiler.Profiler;

/** trace and diag, over the diagonal view of {@link Views#diagonal}. */
public final class Diagonals {
    private Diagonals() {}

    /** The sum of a matrix's main diagonal. */
    public static Tensor trace(Tensor self) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::trace", self) : null) {
            if (self.dim() != 2) throw new IllegalArgumentException("trace: expected a matrix, but got tensor with dim " + self.dim());
            dev.jgrad.internal.core.Checks.requireHalfKernel(self, "trace", true);
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                r = Reductions.sumAll(Views.diagonalNoGrad(self, 0, 0, 1));
            }
            return Derivatives.trace(r, self);
        }
    }

    /** Of a vector: the square matrix with it on diagonal offset. Of a matrix: that diagonal, copied. */
    public static Tensor diag(Tensor self, long offset) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::diag", self) : null) {
            Tensor r;
            try (var guard = GradMode.setEnabled(false)) {
                if (self.dim() == 1) {
                    long n = shape(self)[0] + Math.abs(offset);
                    r = self.newZeros(n, n);
                    Copying.copyInto(Views.diagonalNoGrad(r, offset, 0, 1), self);
                } else if (self.dim() == 2) {
                    r = Copying.cloneNoGrad(Views.diagonalNoGrad(self, offset, 0, 1));
                } else {
                    throw new IllegalArgumentException("diag(): Supports 1D or 2D tensors. Got " + self.dim() + "D");
                }
            }
            return Derivatives.diag(r, self, offset);
        }
    }
}
