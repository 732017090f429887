package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.ConvTranspose1d}: the transposed 1-d convolution (the gradient of Conv1d with respect to its
 * input).
 *
 * <p>Shape: input (N, C_in, L_in) or unbatched (C_in, L_in); output (N, C_out, L_out) or (C_out, L_out), with
 * L_out = (L_in - 1) stride - 2 padding + dilation (kernel_size - 1) + output_padding + 1.
 *
 * <p>Learnable parameters: weight (in_channels, out_channels / groups, kernel_size) and bias (out_channels), both
 * drawn as PyTorch draws them (kaiming-uniform with a = sqrt(5), i.e. U(-sqrt(k), sqrt(k)) with
 * k = groups / (out_channels kernel_size)).
 */
public class ConvTranspose1d extends Module {
    /** {@code in_channels}: the number of input channels. */
    public final int inChannels;
    /** {@code out_channels}: the number of output channels. */
    public final int outChannels;
    /** {@code kernel_size}: the size of the window. */
    public final int kernelSize;
    /** {@code stride}: the step between windows. */
    public final int stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int padding;
    /** {@code output_padding}: the extra size added to one side of the output. */
    public final int outputPadding;
    /** {@code groups}: the number of blocked connections from input to output channels. */
    public final int groups;
    /** {@code dilation}: the spacing between window elements. */
    public final int dilation;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** Null when built without bias. */
    public final Parameter bias;

    /**
     * {@code nn.ConvTranspose1d(in_channels, out_channels, kernel_size)}: stride 1, no padding or output padding,
     * one group, with bias, dilation 1.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the size of the window
     */
    public ConvTranspose1d(int inChannels, int outChannels, int kernelSize) { this(inChannels, outChannels, kernelSize, 1, 0, 0, 1, true, 1); }

    /**
     * {@code nn.ConvTranspose1d(in_channels, out_channels, kernel_size, stride, padding, output_padding, groups,
     * bias, dilation)}.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the size of the window
     * @param stride the step between windows
     * @param padding dilation (kernel_size - 1) - padding zeros are added to both sides of the input
     * @param outputPadding the extra size added to one side of the output (smaller than stride or dilation)
     * @param groups the number of blocked connections from input to output channels
     * @param bias whether to add a learnable bias
     * @param dilation the spacing between window elements
     * @throws IllegalArgumentException if groups is not positive ("groups must be a positive integer") or does not
     *     divide the channels ("in_channels must be divisible by groups", "out_channels must be divisible by groups")
     */
    public ConvTranspose1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding, int groups,
                           boolean bias, int dilation) {
        if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.groups = groups;
        this.dilation = dilation;
        weight = registerParameter("weight", new Parameter(Torch.empty(inChannels, outChannels / groups, kernelSize)));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(outChannels)) : null);
        ConvTranspose2d.initialise(weight, this.bias);
    }

    @Override public Tensor forward(Tensor input) {
        return F.convTranspose1d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    @Override protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernelSize) + ", stride="
                + Repr.tuple(stride));
        if (padding != 0) s.append(", padding=").append(Repr.tuple(padding));
        if (dilation != 1) s.append(", dilation=").append(Repr.tuple(dilation));
        if (outputPadding != 0) s.append(", output_padding=").append(Repr.tuple(outputPadding));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        return s.toString();
    }
}
