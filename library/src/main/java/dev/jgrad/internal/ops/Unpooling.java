package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * max_unpool2d: max_pool2d's partial inverse. Each value goes to its index in the flattened (oh, ow) plane of
 * its (sample, channel), every other position is zero; a scatter forward, a gather backward.
 */
public final class Unpooling {
    private Unpooling() {}

    public static Tensor maxUnpool2d(Tensor input, Tensor indices, int[] outputSize) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::max_unpool2d", input, indices) : null) {
            if (indices.dtype() != DType.INT64) throw new IllegalArgumentException("elements in indices should be type int64 but got: " + indices.dtype().scalarTypeName());
            if (outputSize.length != 2) {
                throw new IllegalArgumentException("There should be exactly two elements (height, width) in output_size, but got "
                        + outputSize.length + " elements.");
            }
            int nd = input.dim();
            if (nd != 3 && nd != 4) {
                throw new IllegalArgumentException("Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with " + nd
                        + " dimensions.");
            }
            if (!java.util.Arrays.equals(shape(input), shape(indices))) {
                throw new IllegalArgumentException("Expected shape of indices to be same as that of the input tensor (" + Shapes.format(shape(input))
                        + ") but got indices tensor with shape: " + Shapes.format(shape(indices)));
            }
            for (int i = 1; i < nd; i++) {
                if (input.size(i) <= 0) {
                    throw new IllegalArgumentException("max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch "
                            + "dimensions, but got " + Shapes.format(shape(input)) + " with dimension " + i + " being empty.");
                }
            }
            int oh = outputSize[0], ow = outputSize[1];
            long plane = (long) oh * ow;
            Tensor out;
            try (var guard = GradMode.setEnabled(false)) {
                Tensor flatIdx = indices.flatten(nd - 2, -1);
                Tensor bad = flatIdx.lt(0L).logicalOr(flatIdx.ge(plane));
                if (!input.device().isMeta() && bad.any().itemBool()) {  // meta tensors have no values to check
                    // PyTorch's single-threaded loop keeps the last invalid index it meets (its message lacks the closing parenthesis)
                    Tensor at = bad.reshape(-1).nonzero();
                    long last = flatIdx.reshape(-1).get(at.get(at.size(0) - 1).get(0).itemLong()).itemLong();
                    throw new IllegalArgumentException("Found an invalid max index: " + last + " (output volumes are of size " + oh + "x" + ow);
                }
                long[] flatShape = java.util.Arrays.copyOf(input.shape(), nd - 1);
                flatShape[nd - 2] = plane;
                long[] outShape = java.util.Arrays.copyOf(input.shape(), nd);
                outShape[nd - 2] = oh;
                outShape[nd - 1] = ow;
                out = input.newZeros(flatShape).scatter(nd - 2, flatIdx, input.flatten(nd - 2, -1)).view(outShape);
            }
            return Derivatives.maxUnpool2d(out, input, indices);
        }
    }

    /** The gradient of each input is the output gradient at the position it was put. */
    public static Tensor maxUnpool2dBackward(Tensor g, Tensor indices, int[] inputShape) {
        int nd = inputShape.length;
        return g.flatten(nd - 2, -1).gather(nd - 2, indices.flatten(nd - 2, -1)).view(Shapes.toLong(inputShape));
    }
}
