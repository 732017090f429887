package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.cosineEmbeddingLoss}: forward(x1, x2, target), pulling pairs with target 1 together and pushing -1 pairs apart. */
public class CosineEmbeddingLoss extends Loss {
    public final double margin;

    public CosineEmbeddingLoss() { this(0.0, "mean"); }

    public CosineEmbeddingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("CosineEmbeddingLoss.forward takes (input1, input2, target)");
    }

    public Tensor forward(Tensor x1, Tensor x2, Tensor target) { return F.cosineEmbeddingLoss(x1, x2, target, margin, reduction); }
}
