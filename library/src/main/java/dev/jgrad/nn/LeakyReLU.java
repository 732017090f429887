package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** x for x > 0, negativeSlope * x otherwise. */
public class LeakyReLU extends Module {
    /** {@code negative_slope}: the slope for negative inputs. */
    public final double negativeSlope;

    /** {@code nn.LeakyReLU()}; the other arguments take PyTorch's defaults. */
    public LeakyReLU() { this(0.01); }

    /** {@code nn.LeakyReLU(negative_slope)}. */
    public LeakyReLU(double negativeSlope) { this.negativeSlope = negativeSlope; }

    @Override public Tensor forward(Tensor input) { return input.leakyRelu(negativeSlope); }

    @Override protected String extraRepr() { return "negative_slope=" + Repr.pyFloat(negativeSlope); }
}
