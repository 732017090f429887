package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.HingeEmbeddingLoss} ({@code F.hingeEmbeddingLoss}): the input itself where target is 1,
 * max(0, margin - input) where it is -1 (input usually a distance).
 *
 * <p>Shape: input (*), any shape; target (*), input's shape; output 0-dim, or (*) for reduction "none".
 */
public class HingeEmbeddingLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;

    /** {@code nn.HingeEmbeddingLoss()}: margin 1, reduction "mean". */
    public HingeEmbeddingLoss() { this(1.0, "mean"); }

    /**
     * {@code nn.HingeEmbeddingLoss(margin, reduction=...)}.
     *
     * @param margin the margin
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public HingeEmbeddingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.hingeEmbeddingLoss(input, target, margin, reduction); }
}
