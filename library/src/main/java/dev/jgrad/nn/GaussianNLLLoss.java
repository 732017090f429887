package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.GaussianNLLLoss} ({@code F.gaussianNllLoss}): the negative log likelihood of target under
 * N(input, var), 0.5 (log var + (input - target)^2 / var) with var clamped at eps (plus 0.5 log(2 pi) when full);
 * called as {@code forward(input, target, var)}.
 *
 * <p>Shape: input (N, *) or (*); target input's shape; var input's shape, or input's shape with the last dim 1 or
 * dropped (one variance per sample); output 0-dim, or input's shape for reduction "none".
 */
public class GaussianNLLLoss extends Loss {
    /** {@code full}: whether the constant term is included in the loss. */
    public final boolean full;
    /** {@code eps}: the lower bound var is clamped to, for stability. */
    public final double eps;

    /** {@code nn.GaussianNLLLoss()}: full false, eps 1e-6, reduction "mean". */
    public GaussianNLLLoss() { this(false, 1e-6, "mean"); }

    /**
     * {@code nn.GaussianNLLLoss(full=..., eps=..., reduction=...)}.
     *
     * @param full whether to add the constant 0.5 log(2 pi)
     * @param eps the lower bound var is clamped to
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public GaussianNLLLoss(boolean full, double eps, String reduction) {
        super(reduction);
        this.full = full;
        this.eps = eps;
    }

    /**
     * Not defined: the loss takes three tensors.
     *
     * @param input not used
     * @param target not used
     * @return never
     * @throws UnsupportedOperationException always ("GaussianNLLLoss.forward takes (input, target, var)")
     */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("GaussianNLLLoss.forward takes (input, target, var)");
    }

    /**
     * {@code loss(input, target, var)}: the negative log-likelihood of target under N(input, var).
     *
     * @param input the means (N, *) or (*)
     * @param target the targets, input's shape
     * @param var the variances: input's shape, or input's shape with the last dim 1 or dropped
     * @return the loss: 0-dim for "mean" and "sum", input's shape for "none"
     * @throws IllegalArgumentException if var has an incompatible size ("var is of incorrect size") or a negative
     *     entry ("var has negative entry/entries")
     */
    public Tensor forward(Tensor input, Tensor target, Tensor var) { return F.gaussianNllLoss(input, target, var, full, eps, reduction); }
}
