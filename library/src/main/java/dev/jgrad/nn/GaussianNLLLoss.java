package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.gaussianNllLoss}: forward(input, target, var), the negative log likelihood of target under N(input, var). */
public class GaussianNLLLoss extends Loss {
    public final boolean full;
    public final double eps;

    public GaussianNLLLoss() { this(false, 1e-6, "mean"); }

    public GaussianNLLLoss(boolean full, double eps, String reduction) {
        super(reduction);
        this.full = full;
        this.eps = eps;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("GaussianNLLLoss.forward takes (input, target, var)");
    }

    public Tensor forward(Tensor input, Tensor target, Tensor var) { return F.gaussianNllLoss(input, target, var, full, eps, reduction); }
}
