package dev.jgrad.nn;

/** Instance normalisation over 2 spatial dims; see {@link InstanceNorm}. */
public class InstanceNorm2d extends InstanceNorm {
    /** {@code nn.InstanceNorm2d(num_features)}; the other arguments take PyTorch's defaults. */
    public InstanceNorm2d(int numFeatures) { this(numFeatures, 1e-5, 0.1, false, false); }

    /** {@code nn.InstanceNorm2d(num_features, eps, momentum, affine, track_running_stats)}. */
    public InstanceNorm2d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(2, numFeatures, eps, momentum, affine, trackRunningStats);
    }
}
