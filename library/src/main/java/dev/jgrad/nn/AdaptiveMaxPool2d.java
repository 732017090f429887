package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveMaxPool2d}: the maximum of adaptive windows to a fixed output size (oh, ow), whatever the
 * input's; a null size keeps the input's (PyTorch's None).
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, oh, ow) or (C, oh, ow). Another rank raises
 * IllegalArgumentException ("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [3, 4]").
 */
public class AdaptiveMaxPool2d extends Module {
    /** The output height; null where PyTorch has None (that dim keeps the input's size). */
    public final Integer oh;
    /** The output width (null keeps the input's). */
    public final Integer ow;
    private final boolean square;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /**
     * {@code nn.AdaptiveMaxPool2d(output_size)}.
     *
     * @param outputSize one value (a square output) or (oh, ow)
     * @throws IllegalArgumentException if outputSize has another length ("output_size must have 1 or 2 elements")
     */
    public AdaptiveMaxPool2d(int... outputSize) { this(outputSize, false); }

    /**
     * {@code nn.AdaptiveMaxPool2d(output_size, return_indices)}.
     *
     * @param outputSize one value (a square output) or (oh, ow)
     * @param returnIndices kept for code written against PyTorch; {@link #forwardWithIndices} gives the indices either
     *     way
     * @throws IllegalArgumentException if outputSize has another length ("output_size must have 1 or 2 elements")
     */
    public AdaptiveMaxPool2d(int[] outputSize, boolean returnIndices) {
        if (outputSize.length != 1 && outputSize.length != 2) throw new IllegalArgumentException("output_size must have 1 or 2 elements");
        this.oh = outputSize[0];
        this.ow = outputSize[outputSize.length - 1];
        this.square = outputSize.length == 1;
        this.returnIndices = returnIndices;
    }

    /**
     * {@code nn.AdaptiveMaxPool2d((oh, ow))} with either size None.
     *
     * @param oh the output height, or null to keep the input's
     * @param ow the output width, or null to keep the input's
     */
    public AdaptiveMaxPool2d(Integer oh, Integer ow) {
        this.oh = oh;
        this.ow = ow;
        this.square = false;
        this.returnIndices = false;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveMaxPool2d(input, oh, ow); }

    /**
     * PyTorch's forward with return_indices=True.
     *
     * @param input (N, C, H_in, W_in) or (C, H_in, W_in)
     * @return the values (N, C, oh, ow) and the int64 flat index h W_in + w of each maximum in its plane
     * @throws IllegalArgumentException if input is not 3-d or 4-d
     */
    public ValuesIndices forwardWithIndices(Tensor input) { return F.adaptiveMaxPool2dWithIndices(input, oh, ow); }

    @Override protected String extraRepr() {
        return "output_size=" + (square ? String.valueOf(oh) : "(" + (oh == null ? "None" : oh) + ", " + (ow == null ? "None" : ow) + ")");
    }
}
