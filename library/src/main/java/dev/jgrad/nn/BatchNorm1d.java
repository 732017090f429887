package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.BatchNorm1d}: batch normalisation of (N, C) or (N, C, L) inputs; see {@link BatchNorm}.
 *
 * <p>Shape: input (N, C) or (N, C, L); output the same shape. Other ranks raise IllegalArgumentException
 * ("expected 2D or 3D input (got 4D input)").
 */
public class BatchNorm1d extends BatchNorm {
    /**
     * {@code nn.BatchNorm1d(num_features)}: eps 1e-5, momentum 0.1, affine, tracking running statistics.
     *
     * @param numFeatures C, the number of channels
     */
    public BatchNorm1d(int numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    /**
     * {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures C, the number of channels
     * @param eps added to the variance for numerical stability
     * @param momentum the weight of the batch statistics in the running ones; null for a cumulative moving average
     * @param affine whether to learn a weight and bias per channel
     * @param trackRunningStats whether to keep running statistics (used in eval mode)
     */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) throw new IllegalArgumentException("expected 2D or 3D input (got " + input.dim() + "D input)");
    }
}
