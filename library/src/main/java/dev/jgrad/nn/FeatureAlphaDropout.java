package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Alpha dropout of whole channels: one draw per (sample, channel). */
public class FeatureAlphaDropout extends Module {
    /** {@code p}: the probability or norm degree of the layer. */
    public final double p;

    /** {@code nn.FeatureAlphaDropout()}; the other arguments take PyTorch's defaults. */
    public FeatureAlphaDropout() { this(0.5); }

    /** {@code nn.FeatureAlphaDropout(p)}. */
    public FeatureAlphaDropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.featureAlphaDropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
