package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveMaxPool1d}: the maximum of adaptive windows to a fixed output length, whatever the
 * input's.
 *
 * <p>Shape: input (N, C, L_in) or (C, L_in); output (N, C, output_size) or (C, output_size). Another rank raises
 * IllegalArgumentException ("Expected 2 to 3 dimensions, but got 4-dimensional tensor for argument #1 'self' (while
 * checking arguments for adaptive_max_pool1d)").
 */
public class AdaptiveMaxPool1d extends Module {
    /** {@code output_size}: the target output size. */
    public final int outputSize;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /**
     * {@code nn.AdaptiveMaxPool1d(output_size)}.
     *
     * @param outputSize the output length
     */
    public AdaptiveMaxPool1d(int outputSize) { this(outputSize, false); }

    /**
     * {@code nn.AdaptiveMaxPool1d(output_size, return_indices)}.
     *
     * @param outputSize the output length
     * @param returnIndices kept for code written against PyTorch; {@link #forwardWithIndices} gives the indices either
     *     way
     */
    public AdaptiveMaxPool1d(int outputSize, boolean returnIndices) {
        this.outputSize = outputSize;
        this.returnIndices = returnIndices;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveMaxPool1d(input, outputSize); }

    /**
     * PyTorch's forward with return_indices=True.
     *
     * @param input (N, C, L_in) or (C, L_in)
     * @return the values (N, C, output_size) and the int64 position of each maximum along L
     * @throws IllegalArgumentException if input is not 2-d or 3-d
     */
    public ValuesIndices forwardWithIndices(Tensor input) { return F.adaptiveMaxPool1dWithIndices(input, outputSize); }

    @Override protected String extraRepr() { return "output_size=" + outputSize; }
}
