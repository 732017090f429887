package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.SoftMarginLoss} ({@code F.softMarginLoss}): the two-class logistic loss
 * log(1 + exp(-target * input)) for targets 1 or -1.
 *
 * <p>Shape: input (*), any shape; target (*), input's shape; output 0-dim, or (*) for reduction "none".
 */
public class SoftMarginLoss extends Loss {
    /** {@code nn.SoftMarginLoss()}: reduction "mean". */
    public SoftMarginLoss() { this("mean"); }

    /**
     * {@code nn.SoftMarginLoss(reduction=...)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public SoftMarginLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.softMarginLoss(input, target, reduction); }
}
