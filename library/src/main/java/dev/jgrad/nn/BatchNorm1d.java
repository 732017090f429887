package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Batch normalisation of (N, C) or (N, C, L) inputs. */
public class BatchNorm1d extends BatchNorm {
    /** {@code nn.BatchNorm1d(num_features)}; the other arguments take PyTorch's defaults. */
    public BatchNorm1d(int numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    /** {@code nn.BatchNorm1d(num_features, eps, momentum, affine, track_running_stats)}. */
    public BatchNorm1d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkInputDim(Tensor input) {
        if (input.dim() != 2 && input.dim() != 3) throw new IllegalArgumentException("expected 2D or 3D input (got " + input.dim() + "D input)");
    }
}
