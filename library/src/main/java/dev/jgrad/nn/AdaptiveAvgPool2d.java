package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveAvgPool2d}: averages adaptive windows to a fixed output size (oh, ow), whatever the
 * input's.
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, oh, ow) or (C, oh, ow). Another rank raises
 * IllegalArgumentException ("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [3, 4]").
 */
public class AdaptiveAvgPool2d extends Module {
    /** {@code output_size}: the target output size. */
    public final int[] outputSize;

    /**
     * {@code nn.AdaptiveAvgPool2d(output_size)}.
     *
     * @param outputSize one value (a square output) or (oh, ow)
     * @throws IllegalArgumentException if outputSize has another length ("output_size must have 1 or 2 elements")
     */
    public AdaptiveAvgPool2d(int... outputSize) {
        if (outputSize.length != 1 && outputSize.length != 2) throw new IllegalArgumentException("output_size must have 1 or 2 elements");
        this.outputSize = outputSize.clone();
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveAvgPool2d(input, outputSize); }

    @Override protected String extraRepr() {
        return "output_size=" + (outputSize.length == 1 ? String.valueOf(outputSize[0]) : Repr.tuple(outputSize));
    }
}
