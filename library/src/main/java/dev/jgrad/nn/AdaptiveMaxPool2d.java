package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/** The maximum of adaptive windows to a fixed output size (oh, ow), whatever the input's; a null size keeps the input's. */
public class AdaptiveMaxPool2d extends Module {
    /** Null where PyTorch has None (that dim keeps the input's size). */
    public final Integer oh;
    /** The output width (null keeps the input's). */
    public final Integer ow;
    private final boolean square;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /** One value (square output) or (oh, ow). */
    public AdaptiveMaxPool2d(int... outputSize) { this(outputSize, false); }

    /** {@code nn.AdaptiveMaxPool2d(output_size, return_indices)}. */
    public AdaptiveMaxPool2d(int[] outputSize, boolean returnIndices) {
        if (outputSize.length != 1 && outputSize.length != 2) throw new IllegalArgumentException("output_size must have 1 or 2 elements");
        this.oh = outputSize[0];
        this.ow = outputSize[outputSize.length - 1];
        this.square = outputSize.length == 1;
        this.returnIndices = returnIndices;
    }

    /** (oh, ow), either null for None. */
    public AdaptiveMaxPool2d(Integer oh, Integer ow) {
        this.oh = oh;
        this.ow = ow;
        this.square = false;
        this.returnIndices = false;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveMaxPool2d(input, oh, ow); }

    /** The pooled values and the flat index of each maximum in its plane (PyTorch's forward with return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) { return F.adaptiveMaxPool2dWithIndices(input, oh, ow); }

    @Override protected String extraRepr() {
        return "output_size=" + (square ? String.valueOf(oh) : "(" + (oh == null ? "None" : oh) + ", " + (ow == null ? "None" : ow) + ")");
    }
}
