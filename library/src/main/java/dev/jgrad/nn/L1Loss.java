package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.L1Loss}: the absolute error |input - target| per element, reduced (mean absolute error by
 * default), as {@code F.l1Loss}.
 *
 * <p>Shape: input (*), any shape; target (*), input's shape (or broadcastable to it, as PyTorch allows with a
 * warning); output 0-dim, or (*) for reduction "none".
 */
public class L1Loss extends Loss {
    /** {@code nn.L1Loss()}: reduction "mean". */
    public L1Loss() { this("mean"); }

    /**
     * {@code nn.L1Loss(reduction=...)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public L1Loss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.l1Loss(input, target, reduction); }
}
