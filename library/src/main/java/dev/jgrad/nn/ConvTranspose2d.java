package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.ConvTranspose2d}: the transposed 2-d convolution (a convolution's adjoint, the "deconvolution" of
 * DCGAN's generator).
 *
 * <p>Shape: input (N, C_in, H_in, W_in) or unbatched (C_in, H_in, W_in); output (N, C_out, H_out, W_out) or
 * unbatched, with H_out = (H_in - 1) stride - 2 padding + dilation (kernel_size - 1) + output_padding + 1, and
 * W_out likewise.
 *
 * <p>Learnable parameters: weight (in_channels, out_channels / groups, kernel_size, kernel_size) and bias
 * (out_channels), both drawn as PyTorch draws them (kaiming-uniform with a = sqrt(5), i.e. U(-sqrt(k), sqrt(k)) with
 * k = groups / (out_channels kernel_size^2)).
 */
public class ConvTranspose2d extends Module {
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
     * {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size)}: a square window, stride 1, no padding or
     * output padding, one group, with bias, dilation 1.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the height and width of the window
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) { this(inChannels, outChannels, kernelSize, 1, 0, 0, 1, true, 1); }

    /**
     * {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride, padding)}.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding dilation (kernel_size - 1) - padding zeros are added to each side of the input
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, kernelSize, stride, padding, 0, 1, true, 1);
    }

    /**
     * {@code nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias,
     * dilation)}, in PyTorch's argument order, each the same along both dims.
     *
     * @param inChannels C_in, the number of channels of the input
     * @param outChannels C_out, the number of channels produced
     * @param kernelSize the height and width of the window
     * @param stride the step between windows
     * @param padding dilation (kernel_size - 1) - padding zeros are added to each side of the input
     * @param outputPadding the extra size added to one side of each output dim (smaller than stride or dilation)
     * @param groups the number of blocked connections from input to output channels
     * @param bias whether to add a learnable bias
     * @param dilation the spacing between window elements
     * @throws IllegalArgumentException if groups is not positive ("groups must be a positive integer") or does not
     *     divide the channels ("in_channels must be divisible by groups", "out_channels must be divisible by groups")
     */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding, int groups,
                           boolean bias, int dilation) {
        if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
        if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
        this.groups = groups;
        this.dilation = dilation;
        weight = registerParameter("weight", new Parameter(Torch.empty(inChannels, outChannels / groups, kernelSize, kernelSize)));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(outChannels)) : null);
        initialise(weight, this.bias);
    }

    /** PyTorch's _ConvNd.reset_parameters: kaiming-uniform with a = sqrt(5), then the bias uniform in +-1/sqrt(fan_in). */
    static void initialise(Parameter weight, Parameter bias) {
        Init.kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            long fanIn = Init.calculateFanInAndFanOut(weight)[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt((double) fanIn);
                Init.uniform_(bias, -bound, bound);
            }
        }
    }

    @Override public Tensor forward(Tensor input) {
        return F.convTranspose2d(input, weight, bias, new int[] {stride}, new int[] {padding}, new int[] {outputPadding}, groups,
                new int[] {dilation});
    }

    @Override protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernelSize, kernelSize)
                + ", stride=" + Repr.tuple(stride, stride));
        if (padding != 0) s.append(", padding=").append(Repr.tuple(padding, padding));
        if (dilation != 1) s.append(", dilation=").append(Repr.tuple(dilation, dilation));
        if (outputPadding != 0) s.append(", output_padding=").append(Repr.tuple(outputPadding, outputPadding));
        if (groups != 1) s.append(", groups=").append(groups);
        if (bias == null) s.append(", bias=False");
        return s.toString();
    }
}
