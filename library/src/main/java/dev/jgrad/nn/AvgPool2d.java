package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AvgPool2d}: the average of each kH x kW window; stride defaults to the kernel size.
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with
 * H_out = floor((H_in + 2 padding - kernel_size) / stride + 1) (ceil with ceil_mode), W_out likewise. Errors on
 * forward (IllegalArgumentException): another rank ("non-empty 3D or 4D (batch mode) tensor expected for input"),
 * padding over half the kernel ("pad should be at most half of kernel size, ..."), an empty output ("Given input
 * size: (...). Calculated output size: (...). Output size is too small").
 */
public class AvgPool2d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** {@code stride}: the step between windows. */
    public final int stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int padding;
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
     * {@code nn.AvgPool2d(kernel_size)}: a square window, stride kernel_size, no padding, floor, padding counted.
     *
     * @param kernelSize the height and width of the window
     */
    public AvgPool2d(int kernelSize) { this(kernelSize, kernelSize, 0, false, true, null); }

    /**
     * {@code nn.AvgPool2d(kernel_size, stride, padding)}: floor, padding counted.
     *
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding the zeros added to each side, at most half the kernel
     */
    public AvgPool2d(int kernelSize, int stride, int padding) { this(kernelSize, stride, padding, false, true, null); }

    /**
     * {@code nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}.
     *
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding the zeros added to each side, at most half the kernel
     * @param ceilMode whether output sizes round up instead of down
     * @param countIncludePad whether the zero padding counts in the average's divisor
     * @param divisorOverride the divisor of every window's sum, or null for the window's size
     */
    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad, Integer divisorOverride) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    @Override public Tensor forward(Tensor input) {
        return F.avgPool2d(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, ceilMode, countIncludePad, divisorOverride);
    }

    @Override protected String extraRepr() { return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding; }
}
