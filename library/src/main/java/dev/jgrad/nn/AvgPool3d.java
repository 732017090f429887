package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** The average of each (kd, kh, kw) window; stride defaults to the kernel size. Arguments: one value or (d, h, w), printed as given. */
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
    /** Null: divide by the window's size (as count_include_pad says). */
    public final Integer divisorOverride;

    /** {@code nn.AvgPool3d(kernel_size)}. */
    public AvgPool3d(int kernelSize) { this(new int[] {kernelSize}, null, new int[] {0}, false, true, null); }

    /** stride null: the kernel size. */
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
