package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softplus}: log(1 + exp(beta x)) / beta, linear above threshold. */
public class Softplus extends Module {
    /** {@code beta}: the beta parameter of the formula. */
    public final double beta;
    /** {@code threshold}: the threshold of the formula. */
    public final double threshold;

    /** {@code nn.Softplus()}; the other arguments take PyTorch's defaults. */
    public Softplus() { this(1.0, 20.0); }

    /** {@code nn.Softplus(beta, threshold)}. */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override public Tensor forward(Tensor input) { return F.softplus(input, beta, threshold); }

    @Override protected String extraRepr() { return "beta=" + Repr.pyNumber(beta) + ", threshold=" + Repr.pyNumber(threshold); }
}
