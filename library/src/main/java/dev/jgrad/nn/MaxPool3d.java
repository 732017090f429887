package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.ValuesIndices;
import dev.jgrad.nn.functional.F;

/** The maximum of each (kd, kh, kw) window; stride defaults to the kernel size. Arguments: one value or (d, h, w), printed as given. */
public class MaxPool3d extends Module {
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows. */
    public final int[] stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code ceil_mode}: whether output sizes round up instead of down. */
    public final boolean ceilMode;
    /** PyTorch's return_indices: {@link #forwardWithIndices} gives them whatever its value (Java's forward returns one type). */
    public final boolean returnIndices;

    /** {@code nn.MaxPool3d(kernel_size)}. */
    public MaxPool3d(int kernelSize) { this(new int[] {kernelSize}, null, new int[] {0}, new int[] {1}, false, false); }

    /** stride null: the kernel size. */
    public MaxPool3d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode, boolean returnIndices) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
        this.returnIndices = returnIndices;
    }

    @Override public Tensor forward(Tensor input) { return forwardWithIndices(input).values(); }

    /** The pooled values and each maximum's flat index in its volume (PyTorch's forward with return_indices=True). */
    public ValuesIndices forwardWithIndices(Tensor input) {
        return F.maxPool3dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override protected String extraRepr() {
        return "kernel_size=" + Repr.oneOrTuple(kernelSize) + ", stride=" + Repr.oneOrTuple(stride) + ", padding=" + Repr.oneOrTuple(padding)
                + ", dilation=" + Repr.oneOrTuple(dilation) + ", ceil_mode=" + Repr.pyBool(ceilMode);
    }
}
