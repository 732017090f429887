package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Averages adaptive windows of the last dim to a fixed output length. */
public class AdaptiveAvgPool1d extends Module {
    /** {@code output_size}: the target output size. */
    public final int outputSize;

    /** {@code nn.AdaptiveAvgPool1d(output_size)}. */
    public AdaptiveAvgPool1d(int outputSize) { this.outputSize = outputSize; }

    @Override public Tensor forward(Tensor input) { return F.adaptiveAvgPool1d(input, outputSize); }

    @Override protected String extraRepr() { return "output_size=" + outputSize; }
}
