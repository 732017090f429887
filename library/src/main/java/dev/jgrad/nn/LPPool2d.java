package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.LPPool2d}: power-average pooling over 2-d windows, (sum of x^p)^(1/p) over each window.
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with
 * H_out = floor((H_in - kernel_size[0]) / stride[0] + 1) (ceil with ceil_mode), W_out likewise. Another rank raises
 * IllegalArgumentException ("non-empty 3D or 4D (batch mode) tensor expected for input").
 */
public class LPPool2d extends Module {
    /** {@code norm_type}: the degree p of the norm. */
    public final double normType;
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows; null is the kernel size. */
    public final int[] stride;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;

    /**
     * {@code nn.LPPool2d(norm_type, kernel_size)}: a square window, stride kernel_size, floor.
     *
     * @param normType the degree p
     * @param kernelSize the height and width of the window
     */
    public LPPool2d(double normType, int kernelSize) { this(normType, new int[] {kernelSize}, null, false); }

    /**
     * {@code nn.LPPool2d(norm_type, kernel_size, stride, ceil_mode)}.
     *
     * @param normType the degree p
     * @param kernelSize the window, {kH, kW} or {k}
     * @param stride the step between windows, {sH, sW} or {s}, or null for the kernel size
     * @param ceilMode whether output sizes round up instead of down
     */
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
