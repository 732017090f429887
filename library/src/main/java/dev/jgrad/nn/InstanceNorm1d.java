package dev.jgrad.nn;

/** Instance normalisation over 1 spatial dim; see {@link InstanceNorm}. */
public class InstanceNorm1d extends InstanceNorm {
    /** {@code nn.InstanceNorm1d(num_features)}; the other arguments take PyTorch's defaults. */
    public InstanceNorm1d(int numFeatures) { this(numFeatures, 1e-5, 0.1, false, false); }

    /** {@code nn.InstanceNorm1d(num_features, eps, momentum, affine, track_running_stats)}. */
    public InstanceNorm1d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(1, numFeatures, eps, momentum, affine, trackRunningStats);
    }
}
