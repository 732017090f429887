package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AvgPool1d}: the average of each window along the last dim; stride defaults to the kernel size.
 *
 * <p>Shape: input (N, C, L_in) or (C, L_in); output (N, C, L_out) or (C, L_out), with L_out =
 * floor((L_in + 2 padding - kernel_size) / stride + 1) (ceil with ceil_mode). Errors on forward
 * (IllegalArgumentException): another rank ("avg_pool1d() Expected 2D or 3D input tensor, but got
 * torch.Size([2, 3, 4, 5])"), padding over half the kernel ("pad should be at most half of kernel size, ..."), an
 * empty output.
 */
public class AvgPool1d extends Module {
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
     * {@code nn.AvgPool1d(kernel_size)}: stride kernel_size, no padding, floor, padding counted.
     *
     * @param kernelSize the size of the window
     */
    public AvgPool1d(int kernelSize) { this(kernelSize, kernelSize, 0, false, true); }

    /**
     * {@code nn.AvgPool1d(kernel_size, stride, padding, ceil_mode, count_include_pad)}.
     *
     * @param kernelSize the size of the window
     * @param stride the step between windows
     * @param padding the zeros added to both sides, at most half the kernel
     * @param ceilMode whether output sizes round up instead of down
     * @param countIncludePad whether the zero padding counts in the average's divisor
     */
    public AvgPool1d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override public Tensor forward(Tensor input) { return F.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad); }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride) + ", padding=" + Repr.tuple(padding);
    }
}
