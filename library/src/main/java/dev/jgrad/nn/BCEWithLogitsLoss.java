package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.BCEWithLogitsLoss}: the binary cross entropy of sigmoid(input) against targets in [0, 1], computed
 * from the logits stably (log-sum-exp), as {@code F.binaryCrossEntropyWithLogits}.
 *
 * <p>Shape: input (*), logits; target (*), input's shape (another shape raises IllegalArgumentException: "Target
 * size (...) must be the same as input size (...)"); output 0-dim, or (*) for reduction "none".
 */
public class BCEWithLogitsLoss extends Loss {
    /** {@code nn.BCEWithLogitsLoss()}: reduction "mean", no weight or pos_weight. */
    public BCEWithLogitsLoss() { this("mean"); }

    /**
     * {@code nn.BCEWithLogitsLoss(reduction=...)}, no weight or pos_weight.
     *
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public BCEWithLogitsLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.binaryCrossEntropyWithLogits(input, target, null, null, reduction); }
}
