package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.PixelShuffle}: rearranges (*, C r^2, H, W) into (*, C, H r, W r), sub-pixel upsampling.
 *
 * <p>Shape: input (*, C_in, H_in, W_in) with C_in divisible by r^2; output (*, C_in / r^2, H_in r, W_in r). Errors
 * on forward (IllegalArgumentException): fewer than 3 dims ("pixel_shuffle expects input to have at least 3
 * dimensions, but got input with 2 dimension(s)"), channels not divisible ("pixel_shuffle expects its input's
 * 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=3 is not divisible by
 * 4").
 */
public class PixelShuffle extends Module {
    /** {@code upscale_factor}: the factor r by which spatial size grows. */
    public final int upscaleFactor;

    /**
     * {@code nn.PixelShuffle(upscale_factor)}.
     *
     * @param upscaleFactor r, the factor by which height and width grow
     */
    public PixelShuffle(int upscaleFactor) { this.upscaleFactor = upscaleFactor; }

    @Override public Tensor forward(Tensor input) { return F.pixelShuffle(input, upscaleFactor); }

    @Override protected String extraRepr() { return "upscale_factor=" + upscaleFactor; }
}
