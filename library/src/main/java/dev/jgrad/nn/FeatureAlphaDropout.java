package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Alpha dropout of whole channels: one draw per (sample, channel). */
public class FeatureAlphaDropout extends Module {
    public final double p;

    public FeatureAlphaDropout() { this(0.5); }

    public FeatureAlphaDropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.featureAlphaDropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
