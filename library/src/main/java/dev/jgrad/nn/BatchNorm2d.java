package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Batch normalisation of (N, C, H, W) inputs. */
public class BatchNorm2d extends BatchNorm {
    /** {@code nn.BatchNorm2d(num_features)}; the other arguments take PyTorch's defaults. */
    public BatchNorm2d(int numFeatures) { this(numFeatures, 1e-5, 0.1, true, true); }

    /** {@code nn.BatchNorm2d(num_features, eps, momentum, affine, track_running_stats)}. */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override protected void checkInputDim(Tensor input) {
        if (input.dim() != 4) throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
    }
}
