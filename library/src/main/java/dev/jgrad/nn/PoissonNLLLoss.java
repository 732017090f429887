package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.poissonNllLoss}: the negative log likelihood of target under Poisson(input) (input a log rate by default). */
public class PoissonNLLLoss extends Loss {
    public final boolean logInput, full;
    public final double eps;

    public PoissonNLLLoss() { this(true, false, 1e-8, "mean"); }

    public PoissonNLLLoss(boolean logInput, boolean full, double eps, String reduction) {
        super(reduction);
        this.logInput = logInput;
        this.full = full;
        this.eps = eps;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.poissonNllLoss(input, target, logInput, full, eps, reduction); }
}
