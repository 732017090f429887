package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** (N, C, H r, W r) to (N, C r^2, H, W): the inverse of {@link PixelShuffle}. */
public class PixelUnshuffle extends Module {
    /** {@code downscale_factor}: the factor by which spatial size shrinks. */
    public final int downscaleFactor;

    /** {@code nn.PixelUnshuffle(downscale_factor)}. */
    public PixelUnshuffle(int downscaleFactor) { this.downscaleFactor = downscaleFactor; }

    @Override public Tensor forward(Tensor input) { return F.pixelUnshuffle(input, downscaleFactor); }

    @Override protected String extraRepr() { return "downscale_factor=" + downscaleFactor; }
}
