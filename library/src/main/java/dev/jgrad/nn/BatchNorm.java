package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * Batch normalisation over dim 1 (PyTorch's _BatchNorm): batch statistics in training mode, which also
 * move the running ones ({@code running = (1 - momentum) * running + momentum * batch}, or a
 * cumulative average when momentum is null); running statistics in eval mode.
 */
public abstract class BatchNorm extends Module {
    /** {@code num_features}: the number of features or channels C. */
    public final int numFeatures;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;
    /** Null for a cumulative moving average. */
    public final Double momentum;
    /** {@code affine}: whether the layer has learnable affine parameters. */
    public final boolean affine;
    /** {@code track_running_stats}: whether running mean and variance are kept. */
    public final boolean trackRunningStats;
    /** {@code weight}: the learnable weight. */
    public final Parameter weight;
    /** {@code bias}: the learnable bias (null without one). */
    public final Parameter bias;
    /** {@code running_mean}: the running mean buffer (null without running statistics). */
    public final Tensor runningMean;
    /** {@code running_var}: the running variance buffer (null without running statistics). */
    public final Tensor runningVar;
    /** {@code num_batches_tracked}: the number of batches seen in training (a buffer). */
    public final Tensor numBatchesTracked;

    /**
     * The shared constructor of BatchNorm1d/2d/3d: numFeatures channels, eps, momentum (null: a cumulative moving
     * average), affine weight and bias, running statistics.
     */
    protected BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        weight = registerParameter("weight", affine ? new Parameter(Torch.ones(numFeatures)) : null);
        bias = registerParameter("bias", affine ? new Parameter(Torch.zeros(numFeatures)) : null);
        runningMean = registerBuffer("running_mean", trackRunningStats ? Torch.zeros(numFeatures) : null);
        runningVar = registerBuffer("running_var", trackRunningStats ? Torch.ones(numFeatures) : null);
        numBatchesTracked = registerBuffer("num_batches_tracked", trackRunningStats ? Torch.zeros(DType.INT64) : null);
    }

    /** Throws PyTorch's message when the input has the wrong number of dims. */
    protected abstract void checkInputDim(Tensor input);

    @Override public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        if (isTraining() && trackRunningStats) {
            try (var g = Torch.noGrad()) {
                numBatchesTracked.add_(1L);
            }
            if (momentum == null) factor = 1.0 / numBatchesTracked.item();
        }
        boolean useBatchStats = isTraining() || runningMean == null;
        boolean updateRunning = !isTraining() || trackRunningStats;
        return Torch.batchNorm(input, updateRunning ? runningMean : null, updateRunning ? runningVar : null, weight, bias,
                useBatchStats, factor, eps);
    }

    @Override protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.pyFloat(eps) + ", momentum=" + (momentum == null ? "None" : Repr.pyFloat(momentum))
                + ", affine=" + Repr.pyBool(affine) + ", track_running_stats=" + Repr.pyBool(trackRunningStats);
    }
}
