package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.PixelUnshuffle}: rearranges (*, C, H r, W r) into (*, C r^2, H, W), the inverse of
 * {@link PixelShuffle}.
 *
 * <p>Shape: input (*, C_in, H_in, W_in) with H_in and W_in divisible by r; output (*, C_in r^2, H_in / r, W_in / r).
 * Errors on forward (IllegalArgumentException): fewer than 3 dims, sizes not divisible ("pixel_unshuffle expects
 * height and width to be divisible by downscale_factor, but input.size(-2)=3 and input.size(-1)=3").
 */
public class PixelUnshuffle extends Module {
    /** {@code downscale_factor}: the factor r by which spatial size shrinks. */
    public final int downscaleFactor;

    /**
     * {@code nn.PixelUnshuffle(downscale_factor)}.
     *
     * @param downscaleFactor r, the factor by which height and width shrink
     */
    public PixelUnshuffle(int downscaleFactor) { this.downscaleFactor = downscaleFactor; }

    @Override public Tensor forward(Tensor input) { return F.pixelUnshuffle(input, downscaleFactor); }

    @Override protected String extraRepr() { return "downscale_factor=" + downscaleFactor; }
}
