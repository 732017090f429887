package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import dev.jgrad.nn.init.Init;

/**
 * {@code y = x @ weight^T + bias}. Initialised as PyTorch does, with the same draws in the same order
 * (weight kaiming-uniform with a = sqrt(5), then bias uniform in +-1/sqrt(in_features)), so after
 * {@code manualSeed(s)} the weights equal PyTorch's.
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

    /** {@code nn.Linear(in_features, out_features)}; the other arguments take PyTorch's defaults. */
    public Linear(int inFeatures, int outFeatures) { this(inFeatures, outFeatures, true); }

    /** {@code nn.Linear(in_features, out_features, bias)}. */
    public Linear(int inFeatures, int outFeatures, boolean bias) { this(inFeatures, outFeatures, bias, Device.CPU); }

    /**
     * {@code nn.Linear(in, out, bias, device=device)}: the parameters are made on device, so
     * {@code Device.META} gives a layer of any size without allocating it (the meta device draws no random numbers).
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
