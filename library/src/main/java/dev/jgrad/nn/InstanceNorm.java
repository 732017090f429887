package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * InstanceNorm1d/2d/3d: each (sample, channel) normalised over its spatial dims; optional affine weight and
 * bias per channel, optional running statistics (used in eval mode when tracked).
 */
public abstract class InstanceNorm extends Module {
    /** {@code num_features}: the number of features or channels C. */
    public final int numFeatures;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;
    /** {@code momentum}: the factor of the running statistics update (null: a cumulative average). */
    public final double momentum;
    /** {@code affine}: whether the layer has learnable affine parameters. */
    public final boolean affine;
    /** {@code track_running_stats}: whether running mean and variance are kept. */
    public final boolean trackRunningStats;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** {@code bias}: the learnable bias (null without one). */
    public final Parameter bias;
    private final int spatialDims;

    /**
     * The shared constructor of InstanceNorm1d/2d/3d: each sample and channel normalised over its spatialDims spatial
     * dims.
     */
    protected InstanceNorm(int spatialDims, int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        this.spatialDims = spatialDims;
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        weight = registerParameter("weight", affine ? new Parameter(Torch.ones(numFeatures)) : null);
        bias = registerParameter("bias", affine ? new Parameter(Torch.zeros(numFeatures)) : null);
        if (trackRunningStats) {
            registerBuffer("running_mean", Torch.zeros(numFeatures));
            registerBuffer("running_var", Torch.ones(numFeatures));
            registerBuffer("num_batches_tracked", Torch.tensor(0L));
        }
    }

    @Override public Tensor forward(Tensor input) {
        int expected = spatialDims + 2;
        if (input.dim() != expected && input.dim() != expected - 1) {
            throw new IllegalArgumentException("expected " + (expected - 1) + "D or " + expected + "D input (got " + input.dim() + "D input)");
        }
        boolean unbatched = input.dim() == expected - 1;
        Tensor x = unbatched ? input.unsqueeze(0) : input;
        Tensor rm = trackRunningStats ? namedBuffers().get("running_mean") : null, rv = trackRunningStats ? namedBuffers().get("running_var") : null;
        Tensor y = F.instanceNorm(x, rm, rv, weight, bias, isTraining() || !trackRunningStats, momentum, eps);
        return unbatched ? y.squeeze(0) : y;
    }

    @Override protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.pyFloat(eps) + ", momentum=" + Repr.pyFloat(momentum) + ", affine=" + Repr.pyBool(affine)
                + ", track_running_stats=" + Repr.pyBool(trackRunningStats);
    }
}
