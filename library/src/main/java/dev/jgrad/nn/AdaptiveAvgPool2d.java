package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Averages adaptive windows to a fixed output size (oh, ow), whatever the input's. */
public class AdaptiveAvgPool2d extends Module {
    /** {@code output_size}: the target output size. */
    public final int[] outputSize;

    /** One value (square output) or (oh, ow). */
    public AdaptiveAvgPool2d(int... outputSize) {
        if (outputSize.length != 1 && outputSize.length != 2) throw new IllegalArgumentException("output_size must have 1 or 2 elements");
        this.outputSize = outputSize.clone();
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveAvgPool2d(input, outputSize); }

    @Override protected String extraRepr() {
        return "output_size=" + (outputSize.length == 1 ? String.valueOf(outputSize[0]) : Repr.tuple(outputSize));
    }
}
