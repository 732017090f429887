package dev.jgrad.nn;

/** The 2-d bilinear Upsample with align_corners=True, as this older name always meant. */
public class UpsamplingBilinear2d extends Upsample {
    public UpsamplingBilinear2d(double scaleFactor) { super(null, scaleFactor, "bilinear", true); }

    public UpsamplingBilinear2d(int[] size) { super(size, 0, "bilinear", true); }
}
