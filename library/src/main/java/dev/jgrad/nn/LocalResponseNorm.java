package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.localResponseNorm}: each element normalised by the squares of its size neighbouring channels. */
public class LocalResponseNorm extends Module {
    public final int size;
    public final double alpha, beta, k;

    public LocalResponseNorm(int size) { this(size, 1e-4, 0.75, 1.0); }

    public LocalResponseNorm(int size, double alpha, double beta, double k) {
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    @Override public Tensor forward(Tensor input) { return F.localResponseNorm(input, size, alpha, beta, k); }

    @Override protected String extraRepr() {
        return size + ", alpha=" + Repr.pyFloat(alpha) + ", beta=" + Repr.pyFloat(beta) + ", k=" + Repr.pyFloat(k);
    }
}
