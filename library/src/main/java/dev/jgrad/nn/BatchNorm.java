package dev.jgrad.nn;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;

/**
 * Batch normalisation over dim 1 (PyTorch's {@code torch.nn.modules.batchnorm._BatchNorm}):
 * {@code y = (x - mean) / sqrt(var + eps) * weight + bias} per channel, with batch statistics in training mode
 * (the biased variance normalises; the unbiased one moves the running variance), which also move the running ones
 * ({@code running = (1 - momentum) * running + momentum * batch}, or a cumulative average when momentum is null);
 * running statistics in eval mode. Each subclass gives its input shapes; the output has the input's shape.
 *
 * <p>Learnable parameters (when affine): weight (C), initialised to ones, and bias (C), zeros. Buffers (when
 * track_running_stats): running_mean (C) zeros, running_var (C) ones, num_batches_tracked (int64, 0-dim) 0.
 *
 * <p>Errors on forward (IllegalArgumentException): the wrong rank ("expected 4D input (got 3D input)"), a channel
 * count other than num_features ("running_mean should contain 4 elements not 3"), one value per channel in training
 * ("Expected more than 1 value per channel when training, got input size torch.Size([1, 3])").
 */
public abstract class BatchNorm extends Module {
    /** {@code num_features}: the number of features or channels C. */
    public final int numFeatures;
    /** {@code eps}: added to the variance for numerical stability. */
    public final double eps;
    /** {@code momentum}: the weight of batch statistics in the running ones; null for a cumulative moving average. */
    public final Double momentum;
    /** {@code affine}: whether the layer has learnable affine parameters. */
    public final boolean affine;
    /** {@code track_running_stats}: whether running mean and variance are kept. */
    public final boolean trackRunningStats;
    /** {@code weight}: the learnable scale per channel, (C), ones at first (null without affine). */
    public final Parameter weight;
    /** {@code bias}: the learnable shift per channel, (C), zeros at first (null without affine). */
    public final Parameter bias;
    /** {@code running_mean}: the running mean buffer (null without running statistics). */
    public final Tensor runningMean;
    /** {@code running_var}: the running variance buffer (null without running statistics). */
    public final Tensor runningVar;
    /** {@code num_batches_tracked}: the number of batches seen in training (a buffer). */
    public final Tensor numBatchesTracked;

    /**
     * The shared constructor of BatchNorm1d/2d/3d.
     *
     * @param numFeatures C, the number of channels
     * @param eps added to the variance for numerical stability (PyTorch's default 1e-5)
     * @param momentum the weight of the batch statistics in the running ones (PyTorch's default 0.1); null for a
     *     cumulative moving average
     * @param affine whether to learn a weight and bias per channel
     * @param trackRunningStats whether to keep running statistics (used in eval mode); without them batch
     *     statistics are used in eval mode too
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

    /**
     * Throws PyTorch's message when the input has the wrong number of dims.
     *
     * @param input the input given to forward
     * @throws IllegalArgumentException if input's rank does not fit ("expected 4D input (got 3D input)")
     */
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
