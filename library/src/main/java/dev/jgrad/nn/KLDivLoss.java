package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.KLDivLoss}: the pointwise KL divergence target (log target - input) of log-probabilities input
 * from target, as {@code F.klDiv}; reduction may also be "batchmean" (the sum over the batch size, the KL
 * divergence's definition; "mean" averages over every element, as PyTorch does).
 *
 * <p>Shape: input (*), log-probabilities; target (*), input's shape; output 0-dim, or (*) for reduction "none".
 * Integer inputs raise IllegalArgumentException ("kl_div: Integral inputs not supported.").
 */
public class KLDivLoss extends Loss {
    /** {@code log_target}: whether the target is given as log-probabilities. */
    public final boolean logTarget;

    /** {@code nn.KLDivLoss()}: reduction "mean", target as probabilities. */
    public KLDivLoss() { this("mean", false); }

    /**
     * {@code nn.KLDivLoss(reduction=..., log_target=...)}.
     *
     * @param reduction "mean", "batchmean", "sum" or "none"
     * @param logTarget whether target holds log-probabilities
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public KLDivLoss(String reduction, boolean logTarget) {
        super(reduction, reduction.equals("batchmean"));
        this.logTarget = logTarget;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.klDiv(input, target, reduction, logTarget); }
}
