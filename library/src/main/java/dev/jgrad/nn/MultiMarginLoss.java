package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MultiMarginLoss} ({@code F.multiMarginLoss}): the multi-class hinge loss, the sum over classes
 * j != y of weight[y] max(0, margin - x[y] + x[j])^p, divided by the number of classes.
 *
 * <p>Shape: input (N, C) or (C) scores; target (N) or () of int64 class indices; output 0-dim, or (N) for
 * reduction "none".
 */
public class MultiMarginLoss extends Loss {
    /** {@code p}: the exponent of the hinge, 1 or 2. */
    public final int p;
    /** {@code margin}: the margin of the loss. */
    public final double margin;
    /** A buffer, as in PyTorch (null when not given). */
    public final Tensor weight;

    /** {@code nn.MultiMarginLoss()}: p 1, margin 1, no weight, reduction "mean". */
    public MultiMarginLoss() { this(1, 1.0, null, "mean"); }

    /**
     * {@code nn.MultiMarginLoss(p, margin, weight, reduction=...)}.
     *
     * @param p the exponent of the hinge, 1 or 2
     * @param margin the margin
     * @param weight a weight per class (C), registered as the buffer "weight", or null
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction") or p
     *     is not 1 or 2 ("only p == 1 and p == 2 supported")
     */
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
