package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MultiLabelSoftMarginLoss} ({@code F.multilabelSoftMarginLoss}): one logistic loss per class,
 * -(y log sigmoid(x) + (1 - y) log sigmoid(-x)), optionally weighted per class and averaged over the classes.
 *
 * <p>Shape: input (N, C) or (C) scores; target input's shape, 0/1 labels; output 0-dim, or (N) for reduction
 * "none".
 */
public class MultiLabelSoftMarginLoss extends Loss {
    /** A buffer, as in PyTorch (null when not given). */
    public final Tensor weight;

    /** {@code nn.MultiLabelSoftMarginLoss()}: no weight, reduction "mean". */
    public MultiLabelSoftMarginLoss() { this(null, "mean"); }

    /**
     * {@code nn.MultiLabelSoftMarginLoss(weight, reduction=...)}.
     *
     * @param weight a weight per class (C), registered as the buffer "weight", or null
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public MultiLabelSoftMarginLoss(Tensor weight, String reduction) {
        super(reduction);
        this.weight = weight;
        if (weight != null) registerBuffer("weight", weight);
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.multilabelSoftMarginLoss(input, target, weight, reduction); }
}
