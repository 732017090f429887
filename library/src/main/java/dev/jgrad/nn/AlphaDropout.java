package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.AlphaDropout}: dropout that keeps SELU's self-normalising mean and variance: in training mode
 * dropped elements go to SELU's negative saturation and an affine map restores mean and variance; in eval mode the
 * input is returned unchanged.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class AlphaDropout extends Module {
    /** {@code p}: the probability of an element being dropped. */
    public final double p;

    /** {@code nn.AlphaDropout()}: p = 0.5. */
    public AlphaDropout() { this(0.5); }

    /**
     * {@code nn.AlphaDropout(p)}.
     *
     * @param p the probability of an element being dropped, in [0, 1]
     * @throws IllegalArgumentException if p is outside [0, 1] ("dropout probability has to be between 0 and 1, but
     *     got 1.5")
     */
    public AlphaDropout(double p) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + Repr.pyFloat(p));
        this.p = p;
    }

    @Override public Tensor forward(Tensor input) { return F.alphaDropout(input, p, isTraining()); }

    @Override protected String extraRepr() { return "p=" + Repr.pyFloat(p) + ", inplace=False"; }
}
