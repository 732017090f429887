package dev.jgrad.nn;

/** Instance normalisation over 3 spatial dims; see {@link InstanceNorm}. */
public class InstanceNorm3d extends InstanceNorm {
    /** {@code nn.InstanceNorm3d(num_features)}; the other arguments take PyTorch's defaults. */
    public InstanceNorm3d(int numFeatures) { this(numFeatures, 1e-5, 0.1, false, false); }

    /** {@code nn.InstanceNorm3d(num_features, eps, momentum, affine, track_running_stats)}. */
    public InstanceNorm3d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(3, numFeatures, eps, momentum, affine, trackRunningStats);
    }
}
