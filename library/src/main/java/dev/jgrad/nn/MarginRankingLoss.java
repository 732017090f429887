package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.marginRankingLoss}: forward(x1, x2, target), target +-1 saying which input should rank higher. */
public class MarginRankingLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;

    /** {@code nn.MarginRankingLoss()}; the other arguments take PyTorch's defaults. */
    public MarginRankingLoss() { this(0.0, "mean"); }

    /** {@code nn.MarginRankingLoss(margin, reduction)}. */
    public MarginRankingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("MarginRankingLoss.forward takes (input1, input2, target)");
    }

    /** max(0, -target * (x1 - x2) + margin), target holding 1 or -1, reduced. */
    public Tensor forward(Tensor x1, Tensor x2, Tensor target) { return F.marginRankingLoss(x1, x2, target, margin, reduction); }
}
