package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Fold} ({@code F.fold}): columns (N, C kH kW, L) summed back into an image of output_size, where
 * overlapping blocks add up (Unfold's adjoint).
 *
 * <p>Shape: input (N, C kH kW, L) or (C kH kW, L), L the number of block positions in output_size; output
 * (N, C, output_size[0], output_size[1]) or unbatched. Errors on forward (IllegalArgumentException): a dim 1 not
 * divisible by kH kW ("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got
 * input.size(1)=7 and kernel_size=(2, 2)"), another L ("Given output_size=(4, 4), kernel_size=(2, 2), dilation=(1,
 * 1), padding=(0, 0), stride=(1, 1), expected size of input's dimension 2 to match the calculated number of sliding
 * blocks 3 * 3 = 9, but got input.size(2)=8.").
 */
public class Fold extends Module {
    /** {@code output_size}: the target output size. */
    public final int[] outputSize;
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code stride}: the step between windows. */
    public final int[] stride;

    /**
     * {@code nn.Fold(output_size, kernel_size)}: dilation 1, padding 0, stride 1.
     *
     * @param outputSize the image's (H, W), or one value for both
     * @param kernelSize the block's (kH, kW), or one value for both
     */
    public Fold(int[] outputSize, int[] kernelSize) { this(outputSize, kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /**
     * {@code nn.Fold(output_size, kernel_size, dilation, padding, stride)}; each argument one value (both dims) or a
     * pair.
     *
     * @param outputSize the image's (H, W)
     * @param kernelSize the block's (kH, kW)
     * @param dilation the spacing between block elements
     * @param padding the zero padding around the image (cropped from the output)
     * @param stride the step between blocks
     */
    public Fold(int[] outputSize, int[] kernelSize, int[] dilation, int[] padding, int[] stride) {
        this.outputSize = outputSize.clone();
        this.kernelSize = kernelSize.clone();
        this.dilation = dilation.clone();
        this.padding = padding.clone();
        this.stride = stride.clone();
    }

    @Override public Tensor forward(Tensor input) { return F.fold(input, outputSize, kernelSize, dilation, padding, stride); }

    @Override protected String extraRepr() {
        return "output_size=" + pyInts(outputSize) + ", kernel_size=" + pyInts(kernelSize) + ", dilation=" + pyInts(dilation) + ", padding="
                + pyInts(padding) + ", stride=" + pyInts(stride);
    }

    /** An int argument as the user gave it: one value prints as an int, several as a tuple (for extraRepr). */
    static String pyInts(int[] v) { return v.length == 1 ? String.valueOf(v[0]) : Repr.tuple(v); }
}
