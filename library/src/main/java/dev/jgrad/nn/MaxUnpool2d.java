package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MaxUnpool2d}: puts max_pool2d's values back at their indices of a zero plane (the partial inverse
 * of MaxPool2d); called as {@code forward(input, indices)}.
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); indices input's shape; output (N, C, H_out, W_out) or
 * unbatched, with H_out = (H_in - 1) stride[0] - 2 padding[0] + kernel_size[0], W_out likewise, or output_size when
 * given. Errors on forward (IllegalArgumentException): indices of another shape ("Expected shape of indices to be
 * same as that of the input tensor (...) but got indices tensor with shape: ..."), an index out of range, an
 * output_size further than a stride from the default.
 */
public class MaxUnpool2d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows. */
    public final int[] stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;

    /**
     * {@code nn.MaxUnpool2d(kernel_size)}: a square window, stride kernel_size, no padding.
     *
     * @param kernelSize the height and width of the pooling window
     */
    public MaxUnpool2d(int kernelSize) { this(new int[] {kernelSize}, null, new int[] {0}); }

    /**
     * {@code nn.MaxUnpool2d(kernel_size, stride, padding)}; one value or (h, w) each.
     *
     * @param kernelSize the pooling window
     * @param stride the pooling's stride, or null for the kernel size
     * @param padding the pooling's padding
     */
    public MaxUnpool2d(int[] kernelSize, int[] stride, int[] padding) {
        this.kernelSize = pair(kernelSize);
        this.stride = stride == null ? this.kernelSize.clone() : pair(stride);
        this.padding = pair(padding);
    }

    private static int[] pair(int[] v) { return v.length == 1 ? new int[] {v[0], v[0]} : v.clone(); }

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
     * {@code unpool(input, indices)}: puts input's values back at indices (from MaxPool2d with return_indices), zeros
     * elsewhere, at the default output size.
     *
     * @param input the pooled values (N, C, H_in, W_in) or (C, H_in, W_in)
     * @param indices the int64 flat indices from {@link MaxPool2d#forwardWithIndices}, input's shape
     * @return the unpooled tensor (N, C, H_out, W_out) or (C, H_out, W_out)
     * @throws IllegalArgumentException if indices does not fit input or an index is out of range
     */
    public Tensor forward(Tensor input, Tensor indices) { return forward(input, indices, null); }

    /**
     * {@code unpool(input, indices, output_size)}.
     *
     * @param input the pooled values (N, C, H_in, W_in) or (C, H_in, W_in)
     * @param indices the int64 flat indices from {@link MaxPool2d#forwardWithIndices}, input's shape
     * @param outputSize (oh, ow) or (n, c, oh, ow), within a stride of the default; null for the default
     * @return the unpooled tensor (N, C, oh, ow) or (C, oh, ow)
     * @throws IllegalArgumentException if indices does not fit input, an index is out of range, or outputSize is not
     *     within a stride of the default
     */
    public Tensor forward(Tensor input, Tensor indices, int[] outputSize) {
        return F.maxUnpool2d(input, indices, kernelSize, stride, padding, outputSize);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride) + ", padding=" + Repr.tuple(padding);
    }
}
