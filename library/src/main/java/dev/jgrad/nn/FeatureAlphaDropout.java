package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.FeatureAlphaDropout}: alpha dropout (see {@link AlphaDropout}) of whole channels, one draw per
 * (sample, channel); the identity in eval mode.
 *
 * <p>Shape: input (N, C, *); output the same shape (dim 1 is the channel).
 */
public class FeatureAlphaDropout extends Module {
    /** {@code p}: the probability of a channel being dropped. */
    public final double p;

    /** {@code nn.FeatureAlphaDropout()}: p = 0.5. */
    public FeatureAlphaDropout() { this(0.5); }

    /**
     * {@code nn.FeatureAlphaDropout(p)}.
     *
     * @param p the probability of a channel being dropped, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5")
     */
    public FeatureAlphaDropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.featureAlphaDropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
