package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * {@code torch.nn.Linear}: {@code y = x @ weight^T + bias}.
 *
 * <p>Shape: input (*, in_features), any number of leading dims (none included); output (*, out_features).
 *
 * <p>Learnable parameters: weight (out_features, in_features) and bias (out_features), initialised as PyTorch does,
 * with the same draws in the same order (weight kaiming-uniform with a = sqrt(5), i.e. U(-1/sqrt(in_features),
 * 1/sqrt(in_features)), then bias uniform in the same range), so after {@code manualSeed(s)} the weights equal
 * PyTorch's. A last input dim other than in_features raises IllegalArgumentException ("mat1 and mat2 shapes cannot
 * be multiplied (2x5 and 3x4)").
 */
public class Linear extends Module {
    /** {@code in_features}: the size of each input sample. */
    public final int inFeatures;
    /** {@code out_features}: the size of each output sample. */
    public final int outFeatures;
    /** Not final: {@link #setWeight} shares another module's parameter (tied weights). */
    public Parameter weight;
    /** Null when built with bias false. */
    public final Parameter bias;

    /**
     * {@code nn.Linear(in_features, out_features)}, with bias.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     */
    public Linear(int inFeatures, int outFeatures) { this(inFeatures, outFeatures, true); }

    /**
     * {@code nn.Linear(in_features, out_features, bias)}.
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @param bias whether to add a learnable bias
     */
    public Linear(int inFeatures, int outFeatures, boolean bias) { this(inFeatures, outFeatures, bias, Device.CPU); }

    /**
     * {@code nn.Linear(in, out, bias, device=device)}: the parameters are made on device, so
     * {@code Device.META} gives a layer of any size without allocating it (the meta device draws no random numbers).
     *
     * @param inFeatures the size of each input sample
     * @param outFeatures the size of each output sample
     * @param bias whether to add a learnable bias
     * @param device where the parameters live
     */
    public Linear(int inFeatures, int outFeatures, boolean bias, Device device) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        weight = registerParameter("weight", new Parameter(Torch.empty(DType.FLOAT32, device, outFeatures, inFeatures)));
        this.bias = registerParameter("bias", bias ? new Parameter(Torch.empty(DType.FLOAT32, device, outFeatures)) : null);
        resetParameters();
    }

    /**
     * {@code linear.weight = other.weight} in PyTorch: this layer uses (and registers) the given parameter, e.g.
     * an embedding's for tied input and output weights; the model's parameters() then lists it once.
     *
     * @param shared the parameter to use as weight, of shape (out_features, in_features)
     * @return this
     * @throws IllegalArgumentException if shared has another shape ("weight must have shape torch.Size([4, 3]), got
     *     torch.Size([3, 4])")
     */
    public Linear setWeight(Parameter shared) {
        if (!java.util.Arrays.equals(shared.shape(), new long[] {outFeatures, inFeatures})) {
            throw new IllegalArgumentException("weight must have shape " + new dev.jgrad.Size(new long[] {outFeatures, inFeatures})
                    + ", got " + shared.size());
        }
        weight = registerParameter("weight", shared);
        return this;
    }

    /**
     * Re-draws weight (kaiming-uniform with a = sqrt(5)) and bias (U(-1/sqrt(in_features), 1/sqrt(in_features))), as
     * PyTorch's reset_parameters.
     */
    public void resetParameters() {
        Init.kaimingUniform_(weight, Math.sqrt(5));
        if (bias != null) {
            long fanIn = Init.calculateFanInAndFanOut(weight)[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt((double) fanIn) : 0;
            Init.uniform_(bias, -bound, bound);
        }
    }

    @Override public Tensor forward(Tensor input) { return F.linear(input, weight, bias); }

    @Override protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + Repr.pyBool(bias != null);
    }
}
