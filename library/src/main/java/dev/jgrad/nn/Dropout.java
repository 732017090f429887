package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Zeroes elements with probability p in training mode (scaling the rest by 1/(1-p)); the identity in eval mode. */
public class Dropout extends Module {
    /** {@code p}: the probability or norm degree of the layer. */
    public final double p;

    /** {@code nn.Dropout()}; the other arguments take PyTorch's defaults. */
    public Dropout() { this(0.5); }

    /** {@code nn.Dropout(p)}. */
    public Dropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.dropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
