package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/** The maximum of each kernel window; stride defaults to the kernel size. */
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

    /** {@code nn.MaxPool2d(kernel_size)}; the other arguments take PyTorch's defaults. */
    public MaxPool2d(int kernelSize) { this(kernelSize, kernelSize); }

    /** {@code nn.MaxPool2d(kernel_size, stride)}; the other arguments take PyTorch's defaults. */
    public MaxPool2d(int kernelSize, int stride) { this(kernelSize, stride, 0, 1, false); }

    /**
     * {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode)}; the other arguments take PyTorch's
     * defaults.
     */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(kernelSize, stride, padding, dilation, ceilMode, false);
    }

    /** {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode, return_indices)}. */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode, boolean returnIndices) {
        this.returnIndices = returnIndices;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override public Tensor forward(Tensor input) { return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode); }

    /** The pooled values and the flat index of each maximum (PyTorch's forward with return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool2dWithIndices(input, new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation}, ceilMode);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + Repr.pyBool(ceilMode);
    }
}
