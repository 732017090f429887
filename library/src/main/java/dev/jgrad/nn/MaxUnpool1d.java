package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Puts max_pool1d's values back at their indices of a zero sequence (the partial inverse of MaxPool1d). */
public class MaxUnpool1d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** {@code stride}: the step between windows. */
    public final int stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int padding;

    /** {@code nn.MaxUnpool1d(kernel_size)}. */
    public MaxUnpool1d(int kernelSize) { this(kernelSize, null, 0); }

    /** stride null: the kernel size. */
    public MaxUnpool1d(int kernelSize, Integer stride, int padding) {
        this.kernelSize = kernelSize;
        this.stride = stride == null ? kernelSize : stride;
        this.padding = padding;
    }

    /** The unpooling needs the indices; this one-tensor form is refused. */
    @Override public Tensor forward(Tensor input) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'indices'");
    }

    /**
     * Puts input's values back at indices (from MaxPool1d with return_indices), zeros elsewhere, at the default
     * output size.
     */
    public Tensor forward(Tensor input, Tensor indices) { return forward(input, indices, null); }

    /** outputSize: (l) or (n, c, l), null for the default size. */
    public Tensor forward(Tensor input, Tensor indices, int[] outputSize) {
        return F.maxUnpool1d(input, indices, kernelSize, stride, padding, outputSize);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride) + ", padding=" + Repr.tuple(padding);
    }
}
