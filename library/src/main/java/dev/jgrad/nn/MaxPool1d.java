package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MaxPool1d}: the maximum of each window along the last dim (padding counts as -inf); stride
 * defaults to the kernel size.
 *
 * <p>Shape: input (N, C, L_in) or (C, L_in); output (N, C, L_out) or (C, L_out), with L_out =
 * floor((L_in + 2 padding - dilation (kernel_size - 1) - 1) / stride + 1) (ceil with ceil_mode). Errors on forward
 * (IllegalArgumentException): another rank ("max_pool1d() Expected 2D or 3D input tensor, but got
 * torch.Size([2, 3, 4, 5])"), padding over half the kernel ("pad should be at most half of kernel size, but got
 * pad=2 and kernel_size=2"), an empty output ("Given input size: (...). Calculated output size: (...). Output size
 * is too small").
 */
public class MaxPool1d extends Module {
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
     * {@code nn.MaxPool1d(kernel_size)}: stride kernel_size, no padding, dilation 1, floor.
     *
     * @param kernelSize the size of the window
     */
    public MaxPool1d(int kernelSize) { this(kernelSize, kernelSize, 0, 1, false); }

    /**
     * {@code nn.MaxPool1d(kernel_size, stride, padding, dilation, ceil_mode)}.
     *
     * @param kernelSize the size of the window
     * @param stride the step between windows
     * @param padding the -inf padding added to both sides, at most half the kernel
     * @param dilation the spacing between window elements
     * @param ceilMode whether output sizes round up instead of down
     */
    public MaxPool1d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(kernelSize, stride, padding, dilation, ceilMode, false);
    }

    /**
     * {@code nn.MaxPool1d(kernel_size, stride, padding, dilation, ceil_mode, return_indices)}.
     *
     * @param kernelSize the size of the window
     * @param stride the step between windows
     * @param padding the -inf padding added to both sides, at most half the kernel
     * @param dilation the spacing between window elements
     * @param ceilMode whether output sizes round up instead of down
     * @param returnIndices kept for the repr and for code written against PyTorch; {@link #forwardWithIndices} gives
     *     the indices either way
     */
    public MaxPool1d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode, boolean returnIndices) {
        this.returnIndices = returnIndices;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override public Tensor forward(Tensor input) { return F.maxPool1d(input, kernelSize, stride, padding, dilation, ceilMode); }

    /**
     * PyTorch's forward with return_indices=True: the pooled values and where each maximum was.
     *
     * @param input (N, C, L_in) or (C, L_in)
     * @return the values (N, C, L_out) and the int64 position of each maximum along L (what MaxUnpool1d takes)
     * @throws IllegalArgumentException if input's rank or the window does not fit (see the class comment)
     */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool1dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + Repr.pyBool(ceilMode);
    }
}
