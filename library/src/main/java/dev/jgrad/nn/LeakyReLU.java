package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.LeakyReLU}: x for x &gt; 0, negative_slope * x otherwise, elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class LeakyReLU extends Module {
    /** {@code negative_slope}: the slope for negative inputs. */
    public final double negativeSlope;

    /** {@code nn.LeakyReLU()}: negative_slope = 0.01. */
    public LeakyReLU() { this(0.01); }

    /**
     * {@code nn.LeakyReLU(negative_slope)}.
     *
     * @param negativeSlope the slope for negative inputs
     */
    public LeakyReLU(double negativeSlope) { this.negativeSlope = negativeSlope; }

    @Override public Tensor forward(Tensor input) { return input.leakyRelu(negativeSlope); }

    @Override protected String extraRepr() { return "negative_slope=" + Repr.pyFloat(negativeSlope); }
}
