package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MaxPool2d}: the maximum of each kH x kW window (padding counts as -inf); stride defaults to the
 * kernel size.
 *
 * <p>Shape: input (N, C, H_in, W_in) or (C, H_in, W_in); output (N, C, H_out, W_out) or (C, H_out, W_out), with
 * H_out = floor((H_in + 2 padding - dilation (kernel_size - 1) - 1) / stride + 1) (ceil with ceil_mode), W_out
 * likewise. Errors on forward (IllegalArgumentException): another rank ("non-empty 3D or 4D (batch mode) tensor
 * expected for input"), padding over half the kernel ("pad should be at most half of kernel size, ..."), an empty
 * output ("Given input size: (3x4x4). Calculated output size: (3x0x0). Output size is too small").
 */
public class MaxPool2d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** {@code stride}: the step between windows. */
    public final int stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int padding;
    /** {@code dilation}: the spacing between window elements. */
    public final int dilation;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /**
     * {@code nn.MaxPool2d(kernel_size)}: a square window, stride kernel_size, no padding, dilation 1, floor.
     *
     * @param kernelSize the height and width of the window
     */
    public MaxPool2d(int kernelSize) { this(kernelSize, kernelSize); }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride)}: no padding, dilation 1, floor.
     *
     * @param kernelSize the height and width of the window
     * @param stride the step between windows along both dims
     */
    public MaxPool2d(int kernelSize, int stride) { this(kernelSize, stride, 0, 1, false); }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode)}, each the same along both dims.
     *
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding the -inf padding added to each side, at most half the kernel
     * @param dilation the spacing between window elements
     * @param ceilMode whether output sizes round up instead of down
     */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(kernelSize, stride, padding, dilation, ceilMode, false);
    }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode, return_indices)}.
     *
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding the -inf padding added to each side, at most half the kernel
     * @param dilation the spacing between window elements
     * @param ceilMode whether output sizes round up instead of down
     * @param returnIndices kept for the repr and for code written against PyTorch; {@link #forwardWithIndices} gives
     *     the indices either way
     */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode, boolean returnIndices) {
        this.returnIndices = returnIndices;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override public Tensor forward(Tensor input) { return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode); }

    /**
     * PyTorch's forward with return_indices=True: the pooled values and where each maximum was.
     *
     * @param input (N, C, H_in, W_in) or (C, H_in, W_in)
     * @return the values (N, C, H_out, W_out) and the int64 flat index h W_in + w of each maximum in its plane (what
     *     MaxUnpool2d takes)
     * @throws IllegalArgumentException if input's rank or the window does not fit (see the class comment)
     */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool2dWithIndices(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation}, ceilMode);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + Repr.pyBool(ceilMode);
    }
}
