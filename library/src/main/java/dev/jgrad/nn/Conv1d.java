package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/** 1-d convolution over (N, C, L) inputs; initialised as PyTorch's Conv1d (kaiming-uniform a = sqrt(5), bias +-1/sqrt(fan_in)). */
public class Conv1d extends Module {
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
    /** {@code dilation}: the spacing between window elements. */
    public final int dilation;
    /** {@code groups}: the number of blocked connections from input to output channels. */
    public final int groups;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** Null when built without bias. */
    public final Parameter bias;

    /** {@code nn.Conv1d(in_channels, out_channels, kernel_size)}; the other arguments take PyTorch's defaults. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) { this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true); }

    /** {@code nn.Conv1d(in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups, boolean bias) {
        if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
        if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        weight = registerParameter("weight", new Parameter(Torch.empty(outChannels, inChannels / groups, kernelSize)));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(outChannels)) : null);
        ConvTranspose2d.initialise(weight, this.bias);
    }

    @Override public Tensor forward(Tensor input) { return F.conv1d(input, weight, bias, stride, padding, dilation, groups); }

    @Override protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernelSize) + ", stride="
                + Repr.tuple(stride));
        if (padding != 0) s.append(", padding=").append(Repr.tuple(padding));
        if (dilation != 1) s.append(", dilation=").append(Repr.tuple(dilation));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        return s.toString();
    }
}
