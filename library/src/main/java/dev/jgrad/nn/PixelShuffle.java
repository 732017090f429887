package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** (N, C r^2, H, W) to (N, C, H r, W r): sub-pixel upsampling. */
public class PixelShuffle extends Module {
    /** {@code upscale_factor}: the factor by which spatial size grows. */
    public final int upscaleFactor;

    /** {@code nn.PixelShuffle(upscale_factor)}. */
    public PixelShuffle(int upscaleFactor) { this.upscaleFactor = upscaleFactor; }

    @Override public Tensor forward(Tensor input) { return F.pixelShuffle(input, upscaleFactor); }

    @Override protected String extraRepr() { return "upscale_factor=" + upscaleFactor; }
}
