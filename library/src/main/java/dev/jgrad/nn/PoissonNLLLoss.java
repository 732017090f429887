package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.PoissonNLLLoss} ({@code F.poissonNllLoss}): the negative log likelihood of target under
 * Poisson(rate): exp(input) - target input when input is the log rate (the default), else
 * input - target log(input + eps); full adds Stirling's approximation of log(target!) for targets above 1.
 *
 * <p>Shape: input (*), any shape; target (*), input's shape; output 0-dim, or (*) for reduction "none".
 */
public class PoissonNLLLoss extends Loss {
    /** {@code log_input}: whether the input is the log of the rate. */
    public final boolean logInput;
    /** {@code full}: whether the constant term is included in the loss. */
    public final boolean full;
    /** {@code eps}: added to input inside the log when log_input is false, so that a rate of 0 stays finite. */
    public final double eps;

    /** {@code nn.PoissonNLLLoss()}: log_input true, full false, eps 1e-8, reduction "mean". */
    public PoissonNLLLoss() { this(true, false, 1e-8, "mean"); }

    /**
     * {@code nn.PoissonNLLLoss(log_input, full, eps=..., reduction=...)}.
     *
     * @param logInput whether input is the log of the rate
     * @param full whether to add Stirling's term
     * @param eps added to input inside the log when logInput is false
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public PoissonNLLLoss(boolean logInput, boolean full, double eps, String reduction) {
        super(reduction);
        this.logInput = logInput;
        this.full = full;
        this.eps = eps;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.poissonNllLoss(input, target, logInput, full, eps, reduction); }
}
