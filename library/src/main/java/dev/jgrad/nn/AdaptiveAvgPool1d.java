package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveAvgPool1d}: averages adaptive windows of the last dim to a fixed output length, whatever
 * the input's (window i spans [floor(i L_in / L_out), ceil((i + 1) L_in / L_out))).
 *
 * <p>Shape: input (N, C, L_in) or (C, L_in); output (N, C, output_size) or (C, output_size). Another rank raises
 * IllegalArgumentException ("adaptive_avg_pool1d() argument 'input' should be 2D or 3D, got 4D").
 */
public class AdaptiveAvgPool1d extends Module {
    /** {@code output_size}: the target output size. */
    public final int outputSize;

    /**
     * {@code nn.AdaptiveAvgPool1d(output_size)}.
     *
     * @param outputSize the output length
     */
    public AdaptiveAvgPool1d(int outputSize) { this.outputSize = outputSize; }

    @Override public Tensor forward(Tensor input) { return F.adaptiveAvgPool1d(input, outputSize); }

    @Override protected String extraRepr() { return "output_size=" + outputSize; }
}
