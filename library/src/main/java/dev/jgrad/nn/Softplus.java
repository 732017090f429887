package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Softplus} ({@code F.softplus}): log(1 + exp(beta x)) / beta, elementwise, and x itself where
 * beta x &gt; threshold.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class Softplus extends Module {
    /** {@code beta}: the beta parameter of the formula. */
    public final double beta;
    /** {@code threshold}: the threshold of the formula. */
    public final double threshold;

    /** {@code nn.Softplus()}: beta = 1, threshold = 20. */
    public Softplus() { this(1.0, 20.0); }

    /**
     * {@code nn.Softplus(beta, threshold)}.
     *
     * @param beta the sharpness
     * @param threshold above which beta x the output is x (linear)
     */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override public Tensor forward(Tensor input) { return F.softplus(input, beta, threshold); }

    @Override protected String extraRepr() { return "beta=" + Repr.pyNumber(beta) + ", threshold=" + Repr.pyNumber(threshold); }
}
