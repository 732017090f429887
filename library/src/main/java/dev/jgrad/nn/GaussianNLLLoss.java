package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.gaussianNllLoss}: forward(input, target, var), the negative log likelihood of target under N(input, var). */
public class GaussianNLLLoss extends Loss {
    /** {@code full}: whether the constant term is included in the loss. */
    public final boolean full;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;

    /** {@code nn.GaussianNLLLoss()}; the other arguments take PyTorch's defaults. */
    public GaussianNLLLoss() { this(false, 1e-6, "mean"); }

    /** {@code nn.GaussianNLLLoss(full, eps, reduction)}. */
    public GaussianNLLLoss(boolean full, double eps, String reduction) {
        super(reduction);
        this.full = full;
        this.eps = eps;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("GaussianNLLLoss.forward takes (input, target, var)");
    }

    /**
     * The negative log-likelihood of target under N(input, var); var has input's shape or one fewer trailing dim of
     * size 1.
     */
    public Tensor forward(Tensor input, Tensor target, Tensor var) { return F.gaussianNllLoss(input, target, var, full, eps, reduction); }
}
