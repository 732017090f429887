package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.ELU} ({@code F.elu}): x for x &gt; 0, alpha * (exp(x) - 1) otherwise, elementwise.
 *
 * <p>Shape: input (*), any shape, floating (an integer input raises IllegalArgumentException: ""elu" not
 * implemented for 'Long'"); output (*), the same shape.
 */
public class ELU extends Module {
    /** {@code alpha}: the alpha parameter of the formula. */
    public final double alpha;

    /** {@code nn.ELU()}: alpha = 1. */
    public ELU() { this(1.0); }

    /**
     * {@code nn.ELU(alpha)}.
     *
     * @param alpha the value the negative side saturates to, times -1
     */
    public ELU(double alpha) { this.alpha = alpha; }

    @Override public Tensor forward(Tensor input) { return F.elu(input, alpha); }

    @Override protected String extraRepr() { return "alpha=" + Repr.pyFloat(alpha); }
}
