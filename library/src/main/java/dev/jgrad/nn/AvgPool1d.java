package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The average of each window along the last dim; stride defaults to the kernel size. */
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

    /** {@code nn.AvgPool1d(kernel_size)}; the other arguments take PyTorch's defaults. */
    public AvgPool1d(int kernelSize) { this(kernelSize, kernelSize, 0, false, true); }

    /** {@code nn.AvgPool1d(kernel_size, stride, padding, ceil_mode, count_include_pad)}. */
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
