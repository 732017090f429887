package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.Bilinear}: {@code y = x1^T A x2 + b} per output feature.
 *
 * <p>Shape: input1 (*, in1_features) and input2 (*, in2_features) with the same leading dims; output
 * (*, out_features).
 *
 * <p>Learnable parameters: weight (out_features, in1_features, in2_features) and bias (out_features), initialised as
 * PyTorch does, with the same draws in the same order (weight, then bias, uniform in +-1/sqrt(in1_features)), so
 * after {@code manualSeed(s)} the weights equal PyTorch's.
 */
public class Bilinear extends Module {
    /** {@code in1_features}: the size of each first input sample. */
    public final int in1Features;
    /** {@code in2_features}: the size of each second input sample. */
    public final int in2Features;
    /** {@code out_features}: the size of each output sample. */
    public final int outFeatures;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** Null when built with bias false. */
    public final Parameter bias;

    /**
     * {@code nn.Bilinear(in1_features, in2_features, out_features)}, with bias.
     *
     * @param in1Features the size of each first input sample
     * @param in2Features the size of each second input sample
     * @param outFeatures the size of each output sample
     */
    public Bilinear(int in1Features, int in2Features, int outFeatures) { this(in1Features, in2Features, outFeatures, true); }

    /**
     * {@code nn.Bilinear(in1_features, in2_features, out_features, bias)}.
     *
     * @param in1Features the size of each first input sample
     * @param in2Features the size of each second input sample
     * @param outFeatures the size of each output sample
     * @param bias whether to add a learnable bias
     */
    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        weight = registerParameter("weight", new Parameter(Torch.empty(DType.FLOAT32, dev.jgrad.Device.CPU, outFeatures, in1Features, in2Features)));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(DType.FLOAT32, dev.jgrad.Device.CPU, outFeatures)) : null);
        resetParameters();
    }

    /**
     * Re-draws weight and bias from U(-1/sqrt(in1_features), 1/sqrt(in1_features)), as PyTorch's reset_parameters.
     */
    public void resetParameters() {
        double bound = 1 / Math.sqrt(weight.size(1));
        Init.uniform_(weight, -bound, bound);
        if (bias != null) Init.uniform_(bias, -bound, bound);
    }

    /** Not defined: the layer takes two inputs. */
    @Override public Tensor forward(Tensor input) { throw new UnsupportedOperationException("Bilinear.forward takes (input1, input2)"); }

    /**
     * {@code bilinear(input1, input2)}: y = x1^T A x2 + b per output feature.
     *
     * @param x1 the first input (*, in1_features)
     * @param x2 the second input (*, in2_features), with x1's leading dims
     * @return y (*, out_features)
     * @throws IllegalArgumentException if the sizes do not fit, with PyTorch's message ("bilinear(): input2 size does
     *     not match weight size: got 3 but expected 4", "bilinear(): input batch dimensions do not match at dim 0: got
     *     2 and 3")
     */
    public Tensor forward(Tensor x1, Tensor x2) { return F.bilinear(x1, x2, weight, bias); }

    @Override protected String extraRepr() {
        return "in1_features=" + in1Features + ", in2_features=" + in2Features + ", out_features=" + outFeatures + ", bias=" + Repr.pyBool(bias != null);
    }
}
