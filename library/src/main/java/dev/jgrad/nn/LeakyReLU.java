package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** x for x > 0, negativeSlope * x otherwise. */
public class LeakyReLU extends Module {
    public final double negativeSlope;

    public LeakyReLU() { this(0.01); }

    public LeakyReLU(double negativeSlope) { this.negativeSlope = negativeSlope; }

    @Override public Tensor forward(Tensor input) { return input.leakyRelu(negativeSlope); }

    @Override protected String extraRepr() { return "negative_slope=" + Repr.pyFloat(negativeSlope); }
}
