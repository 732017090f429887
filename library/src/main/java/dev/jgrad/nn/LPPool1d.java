package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Power-average pooling over 1-d windows: (sum of x^p)^(1/p). */
public class LPPool1d extends Module {
    public final double normType;
    public final int kernelSize;
    /** Null: the kernel size. */
    public final Integer stride;
    public final boolean ceilMode;

    public LPPool1d(double normType, int kernelSize) { this(normType, kernelSize, null, false); }

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
