package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MaxPool3d}: the maximum of each (kD, kH, kW) window (padding counts as -inf); stride defaults to
 * the kernel size. Arguments are one value or (d, h, w), printed as given.
 *
 * <p>Shape: input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in); output (N, C, D_out, H_out, W_out) or
 * unbatched, with D_out = floor((D_in + 2 padding[0] - dilation[0] (kernel_size[0] - 1) - 1) / stride[0] + 1) (ceil
 * with ceil_mode), H_out and W_out likewise. Errors on forward (IllegalArgumentException): another rank ("non-empty
 * 4D or 5D (batch mode) tensor expected for input"), padding over half the kernel, an empty output.
 */
public class MaxPool3d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows. */
    public final int[] stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /**
     * {@code nn.MaxPool3d(kernel_size)}: a cubic window, stride kernel_size, no padding, dilation 1, floor.
     *
     * @param kernelSize the depth, height and width of the window
     */
    public MaxPool3d(int kernelSize) { this(new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false, false); }

    /**
     * {@code nn.MaxPool3d(kernel_size, stride, padding, dilation, ceil_mode, return_indices)}; each array one value or
     * (d, h, w).
     *
     * @param kernelSize the window
     * @param stride the step between windows, or null for the kernel size
     * @param padding the -inf padding added to each side, at most half the kernel
     * @param dilation the spacing between window elements
     * @param ceilMode whether output sizes round up instead of down
     * @param returnIndices kept for the repr and for code written against PyTorch; {@link #forwardWithIndices} gives
     *     the indices either way
     */
    public MaxPool3d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode, boolean returnIndices) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
        this.returnIndices = returnIndices;
    }

    @Override public Tensor forward(Tensor input) { return forwardWithIndices(input).values(); }

    /**
     * PyTorch's forward with return_indices=True: the pooled values and where each maximum was.
     *
     * @param input (N, C, D_in, H_in, W_in) or (C, D_in, H_in, W_in)
     * @return the values (N, C, D_out, H_out, W_out) and the int64 flat index d H_in W_in + h W_in + w of each maximum
     *     in its volume
     * @throws IllegalArgumentException if input's rank or the window does not fit (see the class comment)
     */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool3dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.oneOrTuple(kernelSize) + ", stride=" + Repr.oneOrTuple(stride) + ", padding=" + Repr.oneOrTuple(padding)
                + ", dilation=" + Repr.oneOrTuple(dilation) + ", ceil_mode=" + Repr.pyBool(ceilMode);
    }
}
