package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.localResponseNorm}: each element normalised by the squares of its size neighbouring channels. */
public class LocalResponseNorm extends Module {
    /** {@code size}: the number of neighbouring channels used for normalisation. */
    public final int size;
    /** {@code alpha}: the alpha parameter of the formula. */
    public final double alpha;
    /** {@code beta}: the beta parameter of the formula. */
    public final double beta;
    /** {@code k}: the additive factor of the formula. */
    public final double k;

    /** {@code nn.LocalResponseNorm(size)}; the other arguments take PyTorch's defaults. */
    public LocalResponseNorm(int size) { this(size, 1e-4, 0.75, 1.0); }

    /** {@code nn.LocalResponseNorm(size, alpha, beta, k)}. */
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
