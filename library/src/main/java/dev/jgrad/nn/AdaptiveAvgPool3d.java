package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The average of adaptive windows to a fixed output size (od, oh, ow), whatever the input's; a null size keeps the input's. */
public class AdaptiveAvgPool3d extends Module {
    /** Null where PyTorch has None (that dim keeps the input's size). */
    public final Integer od;
    /** The output height (null keeps the input's). */
    public final Integer oh;
    /** The output width (null keeps the input's). */
    public final Integer ow;
    private final boolean cube;

    /** One value (cube output) or (od, oh, ow). */
    public AdaptiveAvgPool3d(int... outputSize) {
        if (outputSize.length != 1 && outputSize.length != 3) throw new IllegalArgumentException("output_size must have 1 or 3 elements");
        this.od = outputSize[0];
        this.oh = outputSize[outputSize.length / 2];
        this.ow = outputSize[outputSize.length - 1];
        this.cube = outputSize.length == 1;
    }

    /** (od, oh, ow), any null for None. */
    public AdaptiveAvgPool3d(Integer od, Integer oh, Integer ow) {
        this.od = od;
        this.oh = oh;
        this.ow = ow;
        this.cube = false;
    }

    @Override public Tensor forward(Tensor input) { return F.adaptiveAvgPool3d(input, od, oh, ow); }

    @Override protected String extraRepr() { return "output_size=" + AdaptiveMaxPool3d.sizeRepr(cube, od, oh, ow); }
}
