package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.multiMarginLoss}: the multi-class hinge loss of scores (N, C) against class indices (N). */
public class MultiMarginLoss extends Loss {
    /** {@code p}: the probability or norm degree of the layer. */
    public final int p;
    /** {@code margin}: the margin of the loss. */
    public final double margin;
    /** A buffer, as in PyTorch (null when not given). */
    public final Tensor weight;

    /** {@code nn.MultiMarginLoss()}; the other arguments take PyTorch's defaults. */
    public MultiMarginLoss() { this(1, 1.0, null, "mean"); }

    /** {@code nn.MultiMarginLoss(p, margin, weight, reduction)}. */
    public MultiMarginLoss(int p, double margin, Tensor weight, String reduction) {
        super(reduction);
        if (p != 1 && p != 2) throw new IllegalArgumentException("only p == 1 and p == 2 supported");
        this.p = p;
        this.margin = margin;
        this.weight = weight;
        if (weight != null) registerBuffer("weight", weight);
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.multiMarginLoss(input, target, p, margin, weight, reduction); }
}
