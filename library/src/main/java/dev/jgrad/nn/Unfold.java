package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.unfold}: sliding local blocks of (N, C, H, W) as columns (N, C * kh * kw, L). */
public class Unfold extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code stride}: the step between windows. */
    public final int[] stride;

    /** One value (square) or (kh, kw); dilation 1, padding 0, stride 1. */
    public Unfold(int... kernelSize) { this(kernelSize, new int[] {1}, new int[] {0}, new int[] {1}); }

    /** Each argument one value (both dims) or a pair. */
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
