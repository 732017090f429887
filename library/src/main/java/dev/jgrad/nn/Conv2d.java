package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.Conv2d}: 2-d convolution (cross-correlation) over (N, C, H, W) inputs, computed as im2col + GEMM.
 *
 * <p>Shape: input (N, C_in, H_in, W_in) or unbatched (C_in, H_in, W_in); output (N, C_out, H_out, W_out) or
 * (C_out, H_out, W_out), with H_out = floor((H_in + 2 padding[0] - dilation[0] (kernel_size[0] - 1) - 1) / stride[0]
 * + 1), and W_out likewise with index 1.
 *
 * <p>Learnable parameters: weight (out_channels, in_channels / groups, kH, kW) and bias (out_channels), both drawn
 * as PyTorch draws them (kaiming-uniform with a = sqrt(5), i.e. U(-sqrt(k), sqrt(k)) with
 * k = groups / (in_channels kH kW)), with the same draws, so seeded weights equal PyTorch's. Padding mode is "zeros".
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

    /**
     * {@code nn.Conv2d(in_channels, out_channels, kernel_size)}: a square window, stride 1, no padding, dilation 1,
     * one group, with bias.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels the convolution produces
     * @param kernelSize the height and width of the window
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize) { this(inChannels, outChannels, kernelSize, 1, 0); }

    /**
     * {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding)}, the same along both dims.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels the convolution produces
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding the zeros added to each side of the input
     */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {1, 1}, 1, true);
    }

    /**
     * PyTorch's full constructor {@code nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, dilation,
     * groups, bias)} (padding mode "zeros"); each array is one value or an (h, w) pair.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels the convolution produces
     * @param kernelSize the window, {kH, kW} or {k}
     * @param stride the step between windows, {sH, sW} or {s}
     * @param padding the zeros added to each side, {pH, pW} or {p}
     * @param dilation the spacing between window elements, {dH, dW} or {d}
     * @param groups the number of blocked connections from input to output channels
     * @param bias whether to add a learnable bias
     * @throws IllegalArgumentException if groups is not positive ("groups must be a positive integer") or does not
     *     divide the channels ("in_channels must be divisible by groups", "out_channels must be divisible by groups")
     */
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
     * {@code reset_parameters}.
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
