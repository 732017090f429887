package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The average of each window; stride defaults to the kernel size. */
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
    /** Null: divide by the window's size (as count_include_pad says). */
    public final Integer divisorOverride;

    /** {@code nn.AvgPool2d(kernel_size)}; the other arguments take PyTorch's defaults. */
    public AvgPool2d(int kernelSize) { this(kernelSize, kernelSize, 0, false, true, null); }

    /** {@code nn.AvgPool2d(kernel_size, stride, padding)}; the other arguments take PyTorch's defaults. */
    public AvgPool2d(int kernelSize, int stride, int padding) { this(kernelSize, stride, padding, false, true, null); }

    /** {@code nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}. */
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
