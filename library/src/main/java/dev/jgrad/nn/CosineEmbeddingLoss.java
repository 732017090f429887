package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.CosineEmbeddingLoss} ({@code F.cosineEmbeddingLoss}): 1 - cos(x1, x2) where target is 1 and
 * max(0, cos(x1, x2) - margin) where it is -1, pulling similar pairs together and pushing dissimilar ones apart;
 * called as {@code forward(x1, x2, target)}.
 *
 * <p>Shape: x1 (N, D) or (D); x2 x1's shape; target (N) or (); output 0-dim, or (N) or () for reduction "none".
 */
public class CosineEmbeddingLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;

    /** {@code nn.CosineEmbeddingLoss()}: margin 0, reduction "mean". */
    public CosineEmbeddingLoss() { this(0.0, "mean"); }

    /**
     * {@code nn.CosineEmbeddingLoss(margin, reduction=...)}.
     *
     * @param margin the margin, usually in [0, 0.5]
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public CosineEmbeddingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    /**
     * Not defined: the loss takes three tensors.
     *
     * @param input not used
     * @param target not used
     * @return never
     * @throws UnsupportedOperationException always ("CosineEmbeddingLoss.forward takes (input1, input2, target)")
     */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("CosineEmbeddingLoss.forward takes (input1, input2, target)");
    }

    /**
     * {@code loss(input1, input2, target)}: the loss of pairs x1, x2 labelled 1 (similar) or -1 (dissimilar).
     *
     * @param x1 the first inputs (N, D) or (D)
     * @param x2 the second inputs, x1's shape
     * @param target 1 or -1 per pair: (N), or 0-dim for 1-d inputs
     * @return the loss: 0-dim for "mean" and "sum", (N) or () for "none"
     * @throws IllegalArgumentException if target does not fit the inputs ("1D target tensor expects 2D input
     *     tensors, but found inputs with sizes ...")
     */
    public Tensor forward(Tensor x1, Tensor x2, Tensor target) { return F.cosineEmbeddingLoss(x1, x2, target, margin, reduction); }
}
