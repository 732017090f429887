package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.HuberLoss} ({@code F.huberLoss}): 0.5 d^2 where |d| &lt; delta, delta (|d| - delta / 2) elsewhere,
 * for d = input - target; quadratic within delta of the target, delta-sloped linear beyond.
 *
 * <p>Shape: input (*), any shape; target (*), input's shape (or broadcastable to it, as PyTorch allows with a
 * warning); output 0-dim, or (*) for reduction "none". A negative delta raises IllegalArgumentException on forward
 * ("huber_loss does not support negative values for delta.").
 */
public class HuberLoss extends Loss {
    /** {@code delta}: the threshold at which the loss changes from quadratic to linear. */
    public final double delta;

    /** {@code nn.HuberLoss()}: reduction "mean", delta 1. */
    public HuberLoss() { this("mean", 1.0); }

    /**
     * {@code nn.HuberLoss(reduction=..., delta=...)}.
     *
     * @param reduction "mean", "sum" or "none"
     * @param delta where the loss turns from quadratic to linear, at least 0
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public HuberLoss(String reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.huberLoss(input, target, reduction, delta); }
}
