package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.pairwiseDistance}: the p-norm of x1 - x2 + eps over the last dim. */
public class PairwiseDistance extends Module {
    public final double norm, eps;
    public final boolean keepdim;

    public PairwiseDistance() { this(2.0, 1e-6, false); }

    public PairwiseDistance(double p, double eps, boolean keepdim) {
        this.norm = p;
        this.eps = eps;
        this.keepdim = keepdim;
    }

    public Tensor forward(Tensor x1, Tensor x2) { return F.pairwiseDistance(x1, x2, norm, eps, keepdim); }
}
