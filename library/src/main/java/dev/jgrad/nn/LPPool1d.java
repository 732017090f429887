package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.LPPool1d}: power-average pooling over 1-d windows, (sum of x^p)^(1/p) over each window (the sum
 * for p = infinity is the max).
 *
 * <p>Shape: input (N, C, L_in) or (C, L_in); output (N, C, L_out) or (C, L_out), with L_out =
 * floor((L_in - kernel_size) / stride + 1) (ceil with ceil_mode). Another rank raises IllegalArgumentException
 * ("avg_pool1d() Expected 2D or 3D input tensor, but got torch.Size([2, 3, 4, 5])").
 */
public class LPPool1d extends Module {
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** {@code stride}: the step between windows; null is the kernel size. */
    public final Integer stride;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;

    /**
     * {@code nn.LPPool1d(norm_type, kernel_size)}: stride kernel_size, floor.
     *
     * @param normType the degree p
     * @param kernelSize the size of the window
     */
    public LPPool1d(double normType, int kernelSize) { this(normType, kernelSize, null, false); }

    /**
     * {@code nn.LPPool1d(norm_type, kernel_size, stride, ceil_mode)}.
     *
     * @param normType the degree p
     * @param kernelSize the size of the window
     * @param stride the step between windows, or null for the kernel size
     * @param ceilMode whether output sizes round up instead of down
     */
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
