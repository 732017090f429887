package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/** The maximum of adaptive windows to a fixed output length, whatever the input's. */
public class AdaptiveMaxPool1d extends Module {
    /** {@code output_size}: the target output size. */
    public final int outputSize;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /** {@code nn.AdaptiveMaxPool1d(output_size)}; the other arguments take PyTorch's defaults. */
    public AdaptiveMaxPool1d(int outputSize) { this(outputSize, false); }

    /** {@code nn.AdaptiveMaxPool1d(output_size, return_indices)}. */
    public AdaptiveMaxPool1d(int outputSize, boolean returnIndices) {
        this.outputSize = outputSize;
        this.returnIndices = returnIndices;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveMaxPool1d(input, outputSize); }

    /** The pooled values and the position of each maximum (PyTorch's forward with return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) { return F.adaptiveMaxPool1dWithIndices(input, outputSize); }

    @Override protected String extraRepr() { return "output_size=" + outputSize; }
}
