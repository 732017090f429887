package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MarginRankingLoss} ({@code F.marginRankingLoss}): max(0, -target (x1 - x2) + margin), target 1
 * asking for x1 ranked above x2 and -1 below; called as {@code forward(x1, x2, target)}.
 *
 * <p>Shape: x1 (N) or (); x2 and target x1's shape; output 0-dim, or (N) for reduction "none".
 */
public class MarginRankingLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;

    /** {@code nn.MarginRankingLoss()}: margin 0, reduction "mean". */
    public MarginRankingLoss() { this(0.0, "mean"); }

    /**
     * {@code nn.MarginRankingLoss(margin, reduction=...)}.
     *
     * @param margin the margin
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public MarginRankingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    /**
     * Not defined: the loss takes three tensors.
     *
     * @param input not used
     * @param target not used
     * @return never
     * @throws UnsupportedOperationException always ("MarginRankingLoss.forward takes (input1, input2, target)")
     */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("MarginRankingLoss.forward takes (input1, input2, target)");
    }

    /**
     * {@code loss(input1, input2, target)}: max(0, -target * (x1 - x2) + margin), reduced.
     *
     * @param x1 the first scores (N) or ()
     * @param x2 the second scores, x1's shape
     * @param target 1 or -1 per element, x1's shape
     * @return the loss: 0-dim for "mean" and "sum", x1's shape for "none"
     * @throws IllegalArgumentException if the three inputs differ in dimension ("margin_ranking_loss : All input
     *     tensors should have same dimension but got sizes: ...")
     */
    public Tensor forward(Tensor x1, Tensor x2, Tensor target) { return F.marginRankingLoss(x1, x2, target, margin, reduction); }
}
