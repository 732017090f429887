package dev.jgrad.nn;

/** Instance normalisation over 3 spatial dims; see {@link InstanceNorm}. */
public class InstanceNorm3d extends InstanceNorm {
    public InstanceNorm3d(int numFeatures) { this(numFeatures, 1e-5, 0.1, false, false); }

    public InstanceNorm3d(int numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(3, numFeatures, eps, momentum, affine, trackRunningStats);
    }
}
