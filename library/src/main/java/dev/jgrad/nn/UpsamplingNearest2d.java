package dev.jgrad.nn;

/** The 2-d nearest-neighbour Upsample, under its older name. */
public class UpsamplingNearest2d extends Upsample {
    /** {@code nn.UpsamplingNearest2d(scale_factor)}. */
    public UpsamplingNearest2d(double scaleFactor) { super(null, scaleFactor, "nearest", false); }

    /** {@code nn.UpsamplingNearest2d(size)}. */
    public UpsamplingNearest2d(int[] size) { super(size, 0, "nearest", false); }
}
