package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Hardshrink} ({@code F.hardshrink}): x where |x| &gt; lambd, else 0, elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class Hardshrink extends Module {
    /** {@code lambd}: the lambda of the formula. */
    public final double lambd;

    /** {@code nn.Hardshrink()}: lambd = 0.5. */
    public Hardshrink() { this(0.5); }

    /**
     * {@code nn.Hardshrink(lambd)}.
     *
     * @param lambd the half-width of the band around 0 that is zeroed
     */
    public Hardshrink(double lambd) { this.lambd = lambd; }

    @Override public Tensor forward(Tensor input) { return F.hardshrink(input, lambd); }

    @Override protected String extraRepr() { return Repr.pyFloat(lambd); }
}
