package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.MSELoss}: the squared error (input - target)^2 per element, reduced (mean squared error by
 * default), as {@code F.mseLoss}.
 *
 * <p>Shape: input (*), any shape; target (*), input's shape (or broadcastable to it, as PyTorch allows with a
 * warning); output 0-dim, or (*) for reduction "none".
 */
public class MSELoss extends Loss {
    /** {@code nn.MSELoss()}: reduction "mean". */
    public MSELoss() { this("mean"); }

    /**
     * {@code nn.MSELoss(reduction=...)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public MSELoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.mseLoss(input, target, reduction); }
}
