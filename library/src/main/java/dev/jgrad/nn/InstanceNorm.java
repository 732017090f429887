package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;

/**
 * The base of InstanceNorm1d/2d/3d ({@code torch.nn.modules.instancenorm._InstanceNorm}): each (sample, channel)
 * normalised over its spatial dims, {@code y = (x - mean) / sqrt(var + eps) * weight + bias}; optional affine weight
 * and bias per channel, optional running statistics (used in eval mode when tracked). Unbatched inputs (one rank
 * less) are taken as a batch of one. The output has the input's shape.
 *
 * <p>Learnable parameters (when affine): weight (C) ones and bias (C) zeros. Buffers (when track_running_stats):
 * running_mean (C) zeros, running_var (C) ones, num_batches_tracked (int64, 0-dim) 0.
 *
 * <p>Errors on forward (IllegalArgumentException): the wrong rank ("expected 2D or 3D input (got 4D input)"), a
 * channel count other than num_features with affine or tracked statistics (PyTorch's batch_norm text over the N*C
 * planes: "weight should contain 12 elements not 16" for N 2, C 6 and num_features 8), or one spatial element in
 * training ("Expected more than 1 spatial element when training, got input size torch.Size([2, 3, 1])").
 */
public abstract class InstanceNorm extends Module {
    /** {@code num_features}: the number of features or channels C. */
    public final int numFeatures;
    /** {@code eps}: added to the variance for numerical stability. */
    public final double eps;
    /** {@code momentum}: the weight of the instance statistics in the running ones. */
    public final double momentum;
    /** {@code affine}: whether the layer has learnable affine parameters. */
    public final boolean affine;
    /** {@code track_running_stats}: whether running mean and variance are kept. */
    public final boolean trackRunningStats;
    /** {@code weight}: the learnable scale per channel, (C), ones at first (null without affine). */
    public final Parameter weight;
    /** {@code bias}: the learnable shift per channel, (C), zeros at first (null without affine). */
    public final Parameter bias;
    private final int spatialDims;

    /**
     * The shared constructor of InstanceNorm1d/2d/3d.
     *
     * @param spatialDims the number of spatial dims, 1, 2 or 3
     * @param numFeatures C, the number of channels
     * @param eps added to the variance for numerical stability (PyTorch's default 1e-5)
     * @param momentum the weight of the instance statistics in the running ones (PyTorch's default 0.1)
     * @param affine whether to learn a weight and bias per channel (PyTorch's default false)
     * @param trackRunningStats whether to keep running statistics, then used in eval mode (PyTorch's default false)
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
