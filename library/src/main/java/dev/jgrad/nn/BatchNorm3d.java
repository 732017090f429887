package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Batch normalisation of (N, C, D, H, W) inputs (volumes, video). */
public class BatchNorm3d extends BatchNorm {
    /** {@code nn.BatchNorm3d(num_features)}; the other arguments take PyTorch's defaults. */
    public BatchNorm3d(int numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    /** {@code nn.BatchNorm3d(num_features, eps, momentum, affine, track_running_stats)}. */
    public BatchNorm3d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkInputDim(Tensor input) {
        if (input.dim() != 5) throw new IllegalArgumentException("expected 5D input (got " + input.dim() + "D input)");
    }
}
