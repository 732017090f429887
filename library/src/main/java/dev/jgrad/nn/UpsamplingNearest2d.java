package dev.jgrad.nn;

/**
 * {@code torch.nn.UpsamplingNearest2d}: the 2-d nearest-neighbour Upsample, under its older name.
 *
 * <p>Shape: input (N, C, H_in, W_in); output (N, C, H_out, W_out), the given size or floor(in scale_factor). As
 * {@link Upsample} in "nearest" mode, other ranks are resized too.
 */
public class UpsamplingNearest2d extends Upsample {
    /**
     * {@code nn.UpsamplingNearest2d(scale_factor=s)}.
     *
     * @param scaleFactor the factor of height and width
     */
    public UpsamplingNearest2d(double scaleFactor) { super(null, scaleFactor, "nearest", false); }

    /**
     * {@code nn.UpsamplingNearest2d(size)}.
     *
     * @param size (H_out, W_out), or one value for both
     */
    public UpsamplingNearest2d(int[] size) { super(size, 0, "nearest", false); }
}
