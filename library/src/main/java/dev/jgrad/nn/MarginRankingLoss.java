package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.marginRankingLoss}: forward(x1, x2, target), target +-1 saying which input should rank higher. */
public class MarginRankingLoss extends Loss {
    public final double margin;

    public MarginRankingLoss() { this(0.0, "mean"); }

    public MarginRankingLoss(double margin, String reduction) {
        super(reduction);
        this.margin = margin;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("MarginRankingLoss.forward takes (input1, input2, target)");
    }

    public Tensor forward(Tensor x1, Tensor x2, Tensor target) { return F.marginRankingLoss(x1, x2, target, margin, reduction); }
}
