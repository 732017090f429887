package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.SmoothL1Loss} ({@code F.smoothL1Loss}): 0.5 d^2 / beta where |d| &lt; beta, |d| - beta / 2
 * elsewhere, for d = input - target; quadratic within beta of the target, linear beyond (beta 0 is L1Loss).
 *
 * <p>Shape: input (*), any shape; target (*), input's shape (or broadcastable to it, as PyTorch allows with a
 * warning); output 0-dim, or (*) for reduction "none".
 */
public class SmoothL1Loss extends Loss {
    /** {@code beta}: where the loss turns from quadratic to linear. */
    public final double beta;

    /** {@code nn.SmoothL1Loss()}: reduction "mean", beta 1. */
    public SmoothL1Loss() { this("mean", 1.0); }

    /**
     * {@code nn.SmoothL1Loss(reduction=..., beta=...)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @param beta where the loss turns from quadratic to linear, at least 0
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public SmoothL1Loss(String reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.smoothL1Loss(input, target, reduction, beta); }
}
