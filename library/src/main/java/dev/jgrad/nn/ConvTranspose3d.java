package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.ConvTranspose3d}: the transposed 3-d convolution.
 *
 * <p>Shape: input (N, C_in, D_in, H_in, W_in) or unbatched (C_in, D_in, H_in, W_in); output
 * (N, C_out, D_out, H_out, W_out) or unbatched, with D_out = (D_in - 1) stride[0] - 2 padding[0] + dilation[0]
 * (kernel_size[0] - 1) + output_padding[0] + 1, and H_out, W_out likewise.
 *
 * <p>Learnable parameters: weight (in_channels, out_channels / groups, kD, kH, kW) and bias (out_channels), both
 * drawn as PyTorch draws them (kaiming-uniform with a = sqrt(5), i.e. U(-sqrt(k), sqrt(k)) with
 * k = groups / (out_channels kD kH kW)).
 */
public class ConvTranspose3d extends Module {
    /** {@code in_channels}: the number of input channels. */
    public final int inChannels;
    /** {@code out_channels}: the number of output channels. */
    public final int outChannels;
    /** {@code groups}: the number of blocked connections from input to output channels. */
    public final int groups;
    /** {@code kernel_size}: the size of the window. */
    public final int[] kernelSize;
    /** {@code stride}: the step between windows. */
    public final int[] stride;
    /** {@code padding}: the implicit padding added on each side of the input. */
    public final int[] padding;
    /** {@code output_padding}: the extra size added to one side of the output. */
    public final int[] outputPadding;
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** Null when built without bias. */
    public final Parameter bias;

    /**
     * {@code nn.ConvTranspose3d(in_channels, out_channels, kernel_size)}: a cubic window, stride 1, no padding or
     * output padding, one group, with bias, dilation 1.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the depth, height and width of the window
     */
    public ConvTranspose3d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, new int[] {1}, new int[] {0}, new int[] {0}, 1, true, new int[] {1});
    }

    /**
     * {@code nn.ConvTranspose3d(in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias,
     * dilation)}, in PyTorch's argument order; each array is one value or a (d, h, w) triple.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the window, {kD, kH, kW} or {k}
     * @param stride the step between windows
     * @param padding dilation (kernel_size - 1) - padding zeros are added to each side of the input
     * @param outputPadding the extra size added to one side of each output dim (smaller than stride or dilation)
     * @param groups the number of blocked connections from input to output channels
     * @param bias whether to add a learnable bias
     * @param dilation the spacing between window elements
     * @throws IllegalArgumentException if groups is not positive ("groups must be a positive integer") or does not
     *     divide the channels ("in_channels must be divisible by groups", "out_channels must be divisible by groups")
     */
    public ConvTranspose3d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] outputPadding, int groups,
                           boolean bias, int[] dilation) {
        if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
        if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.kernelSize = Conv3d.triple(kernelSize);
        this.stride = Conv3d.triple(stride);
        this.padding = Conv3d.triple(padding);
        this.outputPadding = Conv3d.triple(outputPadding);
        this.dilation = Conv3d.triple(dilation);
        int[] k = this.kernelSize;
        weight = registerParameter("weight", new Parameter(Torch.empty(inChannels, outChannels / groups, k[0], k[1], k[2])));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(outChannels)) : null);
        ConvTranspose2d.initialise(weight, this.bias);
    }

    @Override public Tensor forward(Tensor input) {
        return F.convTranspose3d(input, weight, bias, stride, padding, outputPadding, groups, dilation);
    }

    @Override protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernelSize)
                + ", stride=" + Repr.tuple(stride));
        if (!Conv3d.all(padding, 0)) s.append(", padding=").append(Repr.tuple(padding));
        if (!Conv3d.all(dilation, 1)) s.append(", dilation=").append(Repr.tuple(dilation));
        if (!Conv3d.all(outputPadding, 0)) s.append(", output_padding=").append(Repr.tuple(outputPadding));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        return s.toString();
    }
}
