package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Dropout that keeps SELU's self-normalising mean and variance (dropped elements go to its negative saturation). */
public class AlphaDropout extends Module {
    /** {@code p}: the probability or norm degree of the layer. */
    public final double p;

    /** {@code nn.AlphaDropout()}; the other arguments take PyTorch's defaults. */
    public AlphaDropout() { this(0.5); }

    /** {@code nn.AlphaDropout(p)}. */
    public AlphaDropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.alphaDropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
