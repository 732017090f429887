package dev.jgrad.nn;

/**
 * {@code torch.nn.InstanceNorm2d}: instance normalisation over 2 spatial dims; see {@link InstanceNorm}.
 *
 * <p>Shape: input (N, C, H, W) or unbatched (C, H, W); output the same shape.
 */
public class InstanceNorm2d extends InstanceNorm {
    /**
     * {@code nn.InstanceNorm2d(num_features)}: eps 1e-5, momentum 0.1, not affine, no running statistics.
     *
     * @param numFeatures C, the number of channels
     */
    public InstanceNorm2d(int numFeatures) { this(numFeatures, 1e-5, 0.1, false, false); }

    /**
     * {@code nn.InstanceNorm2d(num_features, eps, momentum, affine, track_running_stats)}.
     *
     * @param numFeatures C, the number of channels
     * @param eps added to the variance for numerical stability
     * @param momentum the weight of the instance statistics in the running ones
     * @param affine whether to learn a weight and bias per channel
     * @param trackRunningStats whether to keep running statistics, then used in eval mode
     */
    public InstanceNorm2d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(2, numFeatures, eps, momentum, affine, trackRunningStats);
    }
}
