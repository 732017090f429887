package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.backend.UnaryOp;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.List;

/**
 * var and std (and var_mean, std_mean) over some or all dims, with a correction (1: Bessel's, the
 * default; 0: the population's). Computed in float64 in two passes (mean, then squared deviations) and
 * rounded once, as close as PyTorch's float64 Welford accumulation.
 */
public final class Statistics {
    private Statistics() {}

    /** dims null or empty: every dim. */
    public static Tensor var(Tensor self, int[] dims, long correction, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::var", self) : null) {
            int[] d = reducedDims(self, dims);
            return Derivatives.var(moments(self, d, correction, keepdim, false), self, d, correction, keepdim);
        }
    }

    public static Tensor std(Tensor self, int[] dims, long correction, boolean keepdim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::std", self) : null) {
            int[] d = reducedDims(self, dims);
            return Derivatives.std(moments(self, d, correction, keepdim, true), self, d, correction, keepdim);
        }
    }

    /** (var, mean) as torch.var_mean returns them. */
    public static List<Tensor> varMean(Tensor self, int[] dims, long correction, boolean keepdim) {
        return List.of(var(self, dims, correction, keepdim), Reductions.mean(self, reducedDims(self, dims), keepdim));
    }

    /** (std, mean) as torch.std_mean returns them. */
    public static List<Tensor> stdMean(Tensor self, int[] dims, long correction, boolean keepdim) {
        return List.of(std(self, dims, correction, keepdim), Reductions.mean(self, reducedDims(self, dims), keepdim));
    }

    /** The dims reduced, wrapped; all of them when none are named. */
    private static int[] reducedDims(Tensor self, int[] dims) {
        if (!self.isFloatingPoint()) throw new IllegalArgumentException("std and var only support floating point and complex dtypes");
        int nd = self.dim();
        if (dims == null || dims.length == 0) {
            int[] all = new int[nd];
            for (int i = 0; i < nd; i++) all[i] = i;
            return all;
        }
        int[] d = new int[dims.length];
        for (int i = 0; i < dims.length; i++) d[i] = Shapes.wrapDim(dims[i], Math.max(1, nd));
        return d;
    }

    private static Tensor moments(Tensor self, int[] dims, long correction, boolean keepdim, boolean sqrt) {
        long n = 1;
        for (int d : dims) n *= self.dim() == 0 ? 1 : shape(self)[d];
        int[] reduce = dims.length == 0 ? null : dims;
        Tensor x = Copying.convert(self, DType.FLOAT64);
        Tensor deviation = Elementwise.binary("sub", BinaryOp.SUB, x, Reductions.meanNoGrad(x, reduce, true), 1);
        Tensor squares = Elementwise.binary("mul", BinaryOp.MUL, deviation, deviation, 1);
        Tensor r = Reductions.sumNoGrad(squares, reduce, keepdim).div_(Scalar.of((double) Math.max(0, n - correction)));
        if (sqrt) r = Elementwise.unaryNoGrad(UnaryOp.SQRT, r);
        return Copying.convert(r, self.dtype());
    }
}
