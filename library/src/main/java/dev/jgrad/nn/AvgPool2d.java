package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The average of each window; stride defaults to the kernel size. */
public class AvgPool2d extends Module {
    public final int kernelSize, stride, padding;
    public final boolean ceilMode, countIncludePad;
    /** Null: divide by the window's size (as count_include_pad says). */
    public final Integer divisorOverride;

    public AvgPool2d(int kernelSize) { this(kernelSize, kernelSize, 0, false, true, null); }

    public AvgPool2d(int kernelSize, int stride, int padding) { this(kernelSize, stride, padding, false, true, null); }

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
