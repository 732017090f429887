package dev.jgrad.nn;

/**
 * {@code torch.nn.UpsamplingBilinear2d}: the 2-d bilinear Upsample with align_corners=True, as this older name
 * always meant.
 *
 * <p>Shape: input (N, C, H_in, W_in), 4-d (else IllegalArgumentException: "Got 3D input, but bilinear mode needs 4D
 * input"); output (N, C, H_out, W_out), the given size or floor(in scale_factor).
 */
public class UpsamplingBilinear2d extends Upsample {
    /**
     * {@code nn.UpsamplingBilinear2d(scale_factor=s)}.
     *
     * @param scaleFactor the factor of height and width
     */
    public UpsamplingBilinear2d(double scaleFactor) { super(null, scaleFactor, "bilinear", true); }

    /**
     * {@code nn.UpsamplingBilinear2d(size)}.
     *
     * @param size (H_out, W_out), or one value for both
     */
    public UpsamplingBilinear2d(int[] size) { super(size, 0, "bilinear", true); }
}
