package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AvgPool3d}: the average of each (kD, kH, kW) window; stride defaults to the kernel size.
 * Arguments are one value or (d, h, w), printed as given.
 *
 * <p>Shape: input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in); output (N, C, D_out, H_out, W_out) or
 * unbatched, with D_out = floor((D_in + 2 padding[0] - kernel_size[0]) / stride[0] + 1) (ceil with ceil_mode),
 * H_out and W_out likewise. Errors on forward (IllegalArgumentException): another rank ("non-empty 4D or 5D (batch
 * mode) tensor expected for input"), padding over half the kernel, an empty output.
 */
public class AvgPool3d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows. */
    public final int[] stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;
    /** {@code count_include_pad}: whether the zero padding counts in the average. */
    public final boolean countIncludePad;
    /**
     * {@code divisor_override}: the divisor of every window's sum; null divides by the window's size (as
     * count_include_pad says).
     */
    public final Integer divisorOverride;

    /**
     * {@code nn.AvgPool3d(kernel_size)}: a cubic window, stride kernel_size, no padding, floor, padding counted.
     *
     * @param kernelSize the depth, height and width of the window
     */
    public AvgPool3d(int kernelSize) { this(new int[] {kernelSize}, null, new int[] {0}, false, true, null); }

    /**
     * {@code nn.AvgPool3d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}; each array
     * one value or (d, h, w).
     *
     * @param kernelSize the window
     * @param stride the step between windows, or null for the kernel size
     * @param padding the zeros added to each side, at most half the kernel
     * @param ceilMode whether output sizes round up instead of down
     * @param countIncludePad whether the zero padding counts in the average's divisor
     * @param divisorOverride the divisor of every window's sum, or null for the window's size
     */
    public AvgPool3d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    @Override public Tensor forward(Tensor input) {
        return F.avgPool3d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.oneOrTuple(kernelSize) + ", stride=" + Repr.oneOrTuple(stride) + ", padding=" + Repr.oneOrTuple(padding);
    }
}
