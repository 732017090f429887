package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Power-average pooling over 2-d windows: (sum of x^p)^(1/p). */
public class LPPool2d extends Module {
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** Null: the kernel size. */
    public final int[] stride;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;

    /** {@code nn.LPPool2d(norm_type, kernel_size)}; the other arguments take PyTorch's defaults. */
    public LPPool2d(double normType, int kernelSize) { this(normType, new int[] {kernelSize}, null, false); }

    /** {@code nn.LPPool2d(norm_type, kernel_size, stride, ceil_mode)}. */
    public LPPool2d(double normType, int[] kernelSize, int[] stride, boolean ceilMode) {
        this.normType = normType;
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? null : stride.clone();
        this.ceilMode = ceilMode;
    }

    @Override public Tensor forward(Tensor input) { return F.lpPool2d(input, normType, kernelSize, stride, ceilMode); }

    @Override protected String extraRepr() {
        return "norm_type=" + Repr.pyFloat(normType) + ", kernel_size=" + intOrTuple(kernelSize) + ", stride="
                + (stride == null ? "None" : intOrTuple(stride)) + ", ceil_mode=" + (ceilMode ? "True" : "False");
    }

    private static String intOrTuple(int[] v) { return v.length == 1 ? String.valueOf(v[0]) : Repr.tuple(v); }
}
