package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MultiLabelMarginLoss} ({@code F.multilabelMarginLoss}): the multi-class multi-label hinge loss
 * sum over target classes j and other classes i of max(0, 1 - (x[j] - x[i])) / C.
 *
 * <p>Shape: input (N, C) or (C) scores; target input's shape, int64 class indices ended by the first -1 (another
 * shape raises IllegalArgumentException: "inconsistent size [2, 2] for argument #2 'target'"); output 0-dim, or
 * (N) for reduction "none".
 */
public class MultiLabelMarginLoss extends Loss {
    /** {@code nn.MultiLabelMarginLoss()}: reduction "mean". */
    public MultiLabelMarginLoss() { this("mean"); }

    /**
     * {@code nn.MultiLabelMarginLoss(reduction=...)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public MultiLabelMarginLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.multilabelMarginLoss(input, target, reduction); }
}
