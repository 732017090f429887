package dev.jgrad.nn;

/** The 2-d bilinear Upsample with align_corners=True, as this older name always meant. */
public class UpsamplingBilinear2d extends Upsample {
    /** {@code nn.UpsamplingBilinear2d(scale_factor)}. */
    public UpsamplingBilinear2d(double scaleFactor) { super(null, scaleFactor, "bilinear", true); }

    /** {@code nn.UpsamplingBilinear2d(size)}. */
    public UpsamplingBilinear2d(int[] size) { super(size, 0, "bilinear", true); }
}
