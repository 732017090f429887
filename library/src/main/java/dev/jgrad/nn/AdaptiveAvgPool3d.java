package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveAvgPool3d}: the average of adaptive windows to a fixed output size (od, oh, ow), whatever
 * the input's; a null size keeps the input's (PyTorch's None).
 *
 * <p>Shape: input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in); output (N, C, od, oh, ow) or unbatched.
 * Another rank raises IllegalArgumentException ("adaptive_avg_pool3d(): Expected 4D or 5D tensor, but got [3, 4,
 * 4]").
 */
public class AdaptiveAvgPool3d extends Module {
    /** The output depth; null where PyTorch has None (that dim keeps the input's size). */
    public final Integer od;
    /** The output height (null keeps the input's). */
    public final Integer oh;
    /** The output width (null keeps the input's). */
    public final Integer ow;
    private final boolean cube;

    /**
     * {@code nn.AdaptiveAvgPool3d(output_size)}.
     *
     * @param outputSize one value (a cubic output) or (od, oh, ow)
     * @throws IllegalArgumentException if outputSize has another length ("output_size must have 1 or 3 elements")
     */
    public AdaptiveAvgPool3d(int... outputSize) {
        if (outputSize.length != 1 && outputSize.length != 3) throw new IllegalArgumentException("output_size must have 1 or 3 elements");
        this.od = outputSize[0];
        this.oh = outputSize[outputSize.length / 2];
        this.ow = outputSize[outputSize.length - 1];
        this.cube = outputSize.length == 1;
    }

    /**
     * {@code nn.AdaptiveAvgPool3d((od, oh, ow))} with any size None.
     *
     * @param od the output depth, or null to keep the input's
     * @param oh the output height, or null to keep the input's
     * @param ow the output width, or null to keep the input's
     */
    public AdaptiveAvgPool3d(Integer od, Integer oh, Integer ow) {
        this.od = od;
        this.oh = oh;
        this.ow = ow;
        this.cube = false;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveAvgPool3d(input, od, oh, ow); }

    @Override protected String extraRepr() { return "output_size=" + AdaptiveMaxPool3d.sizeRepr(cube, od, oh, ow); }
}
