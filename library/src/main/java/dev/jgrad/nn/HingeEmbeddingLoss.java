package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.hingeEmbeddingLoss}: the input itself for target 1, max(0, margin - input) for -1. */
public class HingeEmbeddingLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;

    /** {@code nn.HingeEmbeddingLoss()}; the other arguments take PyTorch's defaults. */
    public HingeEmbeddingLoss() { this(1.0, "mean"); }

    /** {@code nn.HingeEmbeddingLoss(margin, reduction)}. */
    public HingeEmbeddingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.hingeEmbeddingLoss(input, target, margin, reduction); }
}
