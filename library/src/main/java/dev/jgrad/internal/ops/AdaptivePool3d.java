package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;

/** adaptive_avg_pool3d as three averaging matrices, one per spatial dim (each cell: PyTorch's floor/ceil window). */
public final class AdaptivePool3d {
    private AdaptivePool3d() {}

    /** (N, C, D, H, W) or (C, D, H, W) to output size (od, oh, ow). */
    public static Tensor adaptiveAvgPool3d(Tensor input, int[] out) {
        int nd = input.dim();
        if (nd != 4 && nd != 5) {
            throw new IllegalArgumentException("adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got " + Shapes.format(shape(input)));
        }
        Tensor x = input;
        for (int d = 0; d < 3; d++) {
            int dim = nd - 3 + d;
            Tensor avg = averaging(shape(input)[dim], out[d], input);
            x = x.movedim(dim, -1).matmul(avg.t()).movedim(-1, dim);
        }
        return Derivatives.renamed("AdaptiveAvgPool3DBackward0", x);
    }

    /** (out, in): row i averages PyTorch's adaptive window i. */
    private static Tensor averaging(int in, int out, Tensor like) {
        double[] a = new double[out * in];
        for (int i = 0; i < out; i++) {
            int start = Math.floorDiv(i * in, out), end = -Math.floorDiv(-(i + 1) * in, out);
            for (int k = start; k < end; k++) a[i * in + k] = 1.0 / (end - start);
        }
        return Torch.tensor(a, DType.FLOAT64).reshape(out, in).to(like.device(), like.dtype());
    }
}
