package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Dropout}: in training mode zeroes each element with probability p, drawn as PyTorch draws it
 * (Bernoulli), and scales the rest by 1/(1-p); in eval mode it returns its input unchanged.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class Dropout extends Module {
    /** {@code p}: the probability of an element being zeroed. */
    public final double p;

    /** {@code nn.Dropout()}: p = 0.5. */
    public Dropout() { this(0.5); }

    /**
     * {@code nn.Dropout(p)}.
     *
     * @param p the probability of an element being zeroed, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5")
     */
    public Dropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.dropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
