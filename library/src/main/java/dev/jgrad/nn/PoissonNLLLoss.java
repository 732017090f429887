package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.poissonNllLoss}: the negative log likelihood of target under Poisson(input) (input a log rate by default). */
public class PoissonNLLLoss extends Loss {
    /** {@code log_input}: whether the input is the log of the rate. */
    public final boolean logInput;
    /** {@code full}: whether the constant term is included in the loss. */
    public final boolean full;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;

    /** {@code nn.PoissonNLLLoss()}; the other arguments take PyTorch's defaults. */
    public PoissonNLLLoss() { this(true, false, 1e-8, "mean"); }

    /** {@code nn.PoissonNLLLoss(log_input, full, eps, reduction)}. */
    public PoissonNLLLoss(boolean logInput, boolean full, double eps, String reduction) {
        super(reduction);
        this.logInput = logInput;
        this.full = full;
        this.eps = eps;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.poissonNllLoss(input, target, logInput, full, eps, reduction); }
}
