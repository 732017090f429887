package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.cosineEmbeddingLoss}: forward(x1, x2, target), pulling pairs with target 1 together and pushing -1 pairs apart. */
public class CosineEmbeddingLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;

    /** {@code nn.CosineEmbeddingLoss()}; the other arguments take PyTorch's defaults. */
    public CosineEmbeddingLoss() { this(0.0, "mean"); }

    /** {@code nn.CosineEmbeddingLoss(margin, reduction)}. */
    public CosineEmbeddingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("CosineEmbeddingLoss.forward takes (input1, input2, target)");
    }

    /** The loss of pairs x1, x2 (N, D) labelled 1 (similar) or -1 (dissimilar) in target (N). */
    public Tensor forward(Tensor x1, Tensor x2, Tensor target) { return F.cosineEmbeddingLoss(x1, x2, target, margin, reduction); }
}
