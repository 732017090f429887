package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Power-average pooling over 1-d windows: (sum of x^p)^(1/p). */
public class LPPool1d extends Module {
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** Null: the kernel size. */
    public final Integer stride;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;

    /** {@code nn.LPPool1d(norm_type, kernel_size)}; the other arguments take PyTorch's defaults. */
    public LPPool1d(double normType, int kernelSize) { this(normType, kernelSize, null, false); }

    /** {@code nn.LPPool1d(norm_type, kernel_size, stride, ceil_mode)}. */
    public LPPool1d(double normType, int kernelSize, Integer stride, boolean ceilMode) {
        this.normType = normType;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.ceilMode = ceilMode;
    }

    @Override public Tensor forward(Tensor input) { return F.lpPool1d(input, normType, kernelSize, stride, ceilMode); }

    @Override protected String extraRepr() {
        return "norm_type=" + Repr.pyFloat(normType) + ", kernel_size=" + kernelSize + ", stride=" + (stride == null ? "None" : stride)
                + ", ceil_mode=" + (ceilMode ? "True" : "False");
    }
}
