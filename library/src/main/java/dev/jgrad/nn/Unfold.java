package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Unfold} ({@code F.unfold}): the sliding local blocks of (N, C, H, W) as columns (N, C kH kW, L),
 * L the number of block positions.
 *
 * <p>Shape: input (N, C, H, W) or (C, H, W); output (N, C kH kW, L) or (C kH kW, L), with L the product over the
 * two dims of floor((size + 2 padding - dilation (kernel_size - 1) - 1) / stride + 1). Another rank raises
 * IllegalArgumentException ("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero
 * dimensions for input, but got: [2]").
 */
public class Unfold extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code stride}: the step between windows. */
    public final int[] stride;

    /**
     * {@code nn.Unfold(kernel_size)}: dilation 1, padding 0, stride 1.
     *
     * @param kernelSize one value (square) or (kH, kW)
     */
    public Unfold(int... kernelSize) { this(kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /**
     * {@code nn.Unfold(kernel_size, dilation, padding, stride)}; each argument one value (both dims) or a pair.
     *
     * @param kernelSize the block's (kH, kW)
     * @param dilation the spacing between block elements
     * @param padding the zero padding around the input
     * @param stride the step between blocks
     */
    public Unfold(int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        this.kernelSize = kernelSize.clone();
        this.dilation = dilation.clone();
        this.padding = padding.clone();
        this.stride = stride.clone();
    }

    @Override public Tensor forward(Tensor input) { return F.unfold(input, kernelSize, dilation, padding, stride); }

    @Override protected String extraRepr() {
        return "kernel_size=" + Fold.pyInts(kernelSize) + ", dilation=" + Fold.pyInts(dilation) + ", padding=" + Fold.pyInts(padding)
                + ", stride=" + Fold.pyInts(stride);
    }
}
