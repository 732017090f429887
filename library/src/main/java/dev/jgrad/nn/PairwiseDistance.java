package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.pairwiseDistance}: the p-norm of x1 - x2 + eps over the last dim. */
public class PairwiseDistance extends Module {
    /** {@code norm}: the final layer norm (null without one). */
    public final double norm;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;
    /** {@code keepdim}: whether the output keeps the reduced dim. */
    public final boolean keepdim;

    /** {@code nn.PairwiseDistance()}; the other arguments take PyTorch's defaults. */
    public PairwiseDistance() { this(2.0, 1e-6, false); }

    /** {@code nn.PairwiseDistance(p, eps, keepdim)}. */
    public PairwiseDistance(double p, double eps, boolean keepdim) {
        this.norm = p;
        this.eps = eps;
        this.keepdim = keepdim;
    }

    /** The p-norm of x1 - x2 + eps along the last dim. */
    public Tensor forward(Tensor x1, Tensor x2) { return F.pairwiseDistance(x1, x2, norm, eps, keepdim); }
}
