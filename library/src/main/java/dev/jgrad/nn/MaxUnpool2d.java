package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Puts max_pool2d's values back at their indices of a zero plane (the partial inverse of MaxPool2d). */
public class MaxUnpool2d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows. */
    public final int[] stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;

    /** {@code nn.MaxUnpool2d(kernel_size)}. */
    public MaxUnpool2d(int kernelSize) { this(new int[] {kernelSize}, null, new int[] {0}); }

    /** One value or (h, w) each; stride null: the kernel size. */
    public MaxUnpool2d(int[] kernelSize, int[] stride, int[] padding) {
        this.kernelSize = pair(kernelSize);
        this.stride = stride == null ? this.kernelSize.clone() : pair(stride);
        this.padding = pair(padding);
    }

    private static int[] pair(int[] v) { return v.length == 1 ? new int[] {v[0], v[0]} : v.clone(); }

    /** The unpooling needs the indices; this one-tensor form is refused. */
    @Override public Tensor forward(Tensor input) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'indices'");
    }

    /**
     * Puts input's values back at indices (from MaxPool2d with return_indices), zeros elsewhere, at the default
     * output size.
     */
    public Tensor forward(Tensor input, Tensor indices) { return forward(input, indices, null); }

    /** outputSize: (oh, ow) or (n, c, oh, ow), null for the default size. */
    public Tensor forward(Tensor input, Tensor indices, int[] outputSize) {
        return F.maxUnpool2d(input, indices, kernelSize, stride, padding, outputSize);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride) + ", padding=" + Repr.tuple(padding);
    }
}
