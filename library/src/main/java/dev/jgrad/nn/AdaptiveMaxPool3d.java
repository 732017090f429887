package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveMaxPool3d}: the maximum of adaptive windows to a fixed output size (od, oh, ow), whatever
 * the input's; a null size keeps the input's (PyTorch's None).
 *
 * <p>Shape: input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in); output (N, C, od, oh, ow) or unbatched.
 * Another rank raises IllegalArgumentException ("adaptive_max_pool3d(): Expected 4D or 5D tensor, but got: [3, 4,
 * 4]").
 */
public class AdaptiveMaxPool3d extends Module {
    /** The output depth; null where PyTorch has None (that dim keeps the input's size). */
    public final Integer od;
    /** The output height (null keeps the input's). */
    public final Integer oh;
    /** The output width (null keeps the input's). */
    public final Integer ow;
    private final boolean cube;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /**
     * {@code nn.AdaptiveMaxPool3d(output_size)}.
     *
     * @param outputSize one value (a cubic output) or (od, oh, ow)
     * @throws IllegalArgumentException if outputSize has another length ("output_size must have 1 or 3 elements")
     */
    public AdaptiveMaxPool3d(int... outputSize) { this(outputSize, false); }

    /**
     * {@code nn.AdaptiveMaxPool3d(output_size, return_indices)}.
     *
     * @param outputSize one value (a cubic output) or (od, oh, ow)
     * @param returnIndices kept for code written against PyTorch; {@link #forwardWithIndices} gives the indices either
     *     way
     * @throws IllegalArgumentException if outputSize has another length ("output_size must have 1 or 3 elements")
     */
    public AdaptiveMaxPool3d(int[] outputSize, boolean returnIndices) {
        if (outputSize.length != 1 && outputSize.length != 3) throw new IllegalArgumentException("output_size must have 1 or 3 elements");
        this.od = outputSize[0];
        this.oh = outputSize[outputSize.length / 2];
        this.ow = outputSize[outputSize.length - 1];
        this.cube = outputSize.length == 1;
        this.returnIndices = returnIndices;
    }

    /**
     * {@code nn.AdaptiveMaxPool3d((od, oh, ow))} with any size None.
     *
     * @param od the output depth, or null to keep the input's
     * @param oh the output height, or null to keep the input's
     * @param ow the output width, or null to keep the input's
     */
    public AdaptiveMaxPool3d(Integer od, Integer oh, Integer ow) {
        this.od = od;
        this.oh = oh;
        this.ow = ow;
        this.cube = false;
        this.returnIndices = false;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveMaxPool3d(input, od, oh, ow); }

    /**
     * PyTorch's forward with return_indices=True.
     *
     * @param input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in)
     * @return the values (N, C, od, oh, ow) and the int64 flat index d H_in W_in + h W_in + w of each maximum in its
     *     volume
     * @throws IllegalArgumentException if input is not 4-d or 5-d
     */
    public ValuesIndices forwardWithIndices(Tensor input) { return F.adaptiveMaxPool3dWithIndices(input, od, oh, ow); }

    @Override protected String extraRepr() { return "output_size=" + sizeRepr(cube, od, oh, ow); }

    static String sizeRepr(boolean cube, Integer... v) {
        if (cube) return String.valueOf(v[0]);
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) s.append(i > 0 ? ", " : "").append(v[i] == null ? "None" : v[i]);
        return s.append(")").toString();
    }
}
