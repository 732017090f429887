package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MaxUnpool1d}: puts max_pool1d's values back at their indices of a zero sequence (the partial
 * inverse of MaxPool1d); called as {@code forward(input, indices)}.
 *
 * <p>Shape: input (N, C, L_in) or (C, L_in); indices input's shape; output (N, C, L_out) or (C, L_out), with L_out =
 * (L_in - 1) stride - 2 padding + kernel_size, or output_size when given. Errors on forward
 * (IllegalArgumentException): indices of another shape ("Expected shape of indices to be same as that of the input
 * tensor (...) but got indices tensor with shape: ..."), an index out of range, an output_size further than a stride
 * from the default.
 */
public class MaxUnpool1d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** {@code stride}: the step between windows. */
    public final int stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int padding;

    /**
     * {@code nn.MaxUnpool1d(kernel_size)}: stride kernel_size, no padding.
     *
     * @param kernelSize the size of the pooling window
     */
    public MaxUnpool1d(int kernelSize) { this(kernelSize, null, 0); }

    /**
     * {@code nn.MaxUnpool1d(kernel_size, stride, padding)}.
     *
     * @param kernelSize the size of the pooling window
     * @param stride the pooling's stride, or null for the kernel size
     * @param padding the pooling's padding
     */
    public MaxUnpool1d(int kernelSize, Integer stride, int padding) {
        this.kernelSize = kernelSize;
        this.stride = stride == null ? kernelSize : stride;
        this.padding = padding;
    }

    /**
     * The unpooling needs the indices; this one-tensor form is refused.
     *
     * @param input not used
     * @return never
     * @throws IllegalArgumentException always ("forward() missing 1 required positional argument: 'indices'")
     */
    @Override public Tensor forward(Tensor input) {
        throw new IllegalArgumentException("forward() missing 1 required positional argument: 'indices'");
    }

    /**
     * {@code unpool(input, indices)}: puts input's values back at indices (from MaxPool1d with return_indices), zeros
     * elsewhere, at the default output size.
     *
     * @param input the pooled values (N, C, L_in) or (C, L_in)
     * @param indices the int64 positions from {@link MaxPool1d#forwardWithIndices}, input's shape
     * @return the unpooled tensor (N, C, L_out) or (C, L_out)
     * @throws IllegalArgumentException if indices does not fit input or an index is out of range
     */
    public Tensor forward(Tensor input, Tensor indices) { return forward(input, indices, null); }

    /**
     * {@code unpool(input, indices, output_size)}.
     *
     * @param input the pooled values (N, C, L_in) or (C, L_in)
     * @param indices the int64 positions from {@link MaxPool1d#forwardWithIndices}, input's shape
     * @param outputSize (l) or (n, c, l), within a stride of the default; null for the default
     * @return the unpooled tensor (N, C, l) or (C, l)
     * @throws IllegalArgumentException if indices does not fit input, an index is out of range, or outputSize is not
     *     within a stride of the default
     */
    public Tensor forward(Tensor input, Tensor indices, int[] outputSize) {
        return F.maxUnpool1d(input, indices, kernelSize, stride, padding, outputSize);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride) + ", padding=" + Repr.tuple(padding);
    }
}
