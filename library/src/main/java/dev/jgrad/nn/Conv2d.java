package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.init.Init;

/**
 * 2-d convolution over (N, C, H, W) inputs, computed as im2col + GEMM. Initialised as PyTorch's Conv2d
 * (kaiming-uniform with a = sqrt(5), bias uniform in +-1/sqrt(fan_in)), with the same draws.
 */
public class Conv2d extends Module {
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
    /** {@code dilation}: the spacing between window elements. */
    public final int[] dilation;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** Null when built without bias. */
    public final Parameter bias;

    /** {@code nn.Conv2d(in_channels, out_channels, kernel_size)}; the other arguments take PyTorch's defaults. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) { this(inChannels, outChannels, kernelSize, 1, 0); }

    /** {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {1, 1}, 1, true);
    }

    /** Every argument as (h, w) pairs, PyTorch's full constructor (padding mode "zeros"). */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation, int groups,
                  boolean bias) {
        if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
        if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.kernelSize = pair(kernelSize);
        this.stride = pair(stride);
        this.padding = pair(padding);
        this.dilation = pair(dilation);
        weight = registerParameter("weight",
                new Parameter(Torch.empty(outChannels, inChannels / groups, this.kernelSize[0], this.kernelSize[1])));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(outChannels)) : null);
        resetParameters();
    }

    private static int[] pair(int[] v) { return v.length == 1 ? new int[] {v[0], v[0]} : v.clone(); }

    /**
     * Re-draws weight (kaiming-uniform with a = sqrt(5)) and bias (U(-1/sqrt(fan_in), 1/sqrt(fan_in))), as PyTorch's
     * reset_parameters.
     */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            long fanIn = Init.calculateFanInAndFanOut(weight)[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt((double) fanIn);
                Init.uniform_(bias, -bound, bound);
            }
        }
    }

    @Override public Tensor forward(Tensor input) { return Torch.conv2d(input, weight, bias, stride, padding, dilation, groups); }

    @Override protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernelSize)
                + ", stride=" + Repr.tuple(stride));
        if (padding[0] != 0 || padding[1] != 0) s.append(", padding=").append(Repr.tuple(padding));
        if (dilation[0] != 1 || dilation[1] != 1) s.append(", dilation=").append(Repr.tuple(dilation));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        return s.toString();
    }
}
