package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.fold}: columns (N, C * kh * kw, L) summed back into an image of outputSize (unfold's adjoint). */
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

    /** {@code nn.Fold(output_size, kernel_size)}. */
    public Fold(int[] outputSize, int[] kernelSize) { this(outputSize, kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /** Each argument one value (both dims) or a pair. */
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

    /** An int argument as the user gave it: one value prints as an int, several as a tuple. */
    static String pyInts(int[] v) { return v.length == 1 ? String.valueOf(v[0]) : Repr.tuple(v); }
}
