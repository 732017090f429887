package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Softshrink} ({@code F.softshrink}): x moved towards 0 by lambd, and 0 within lambd of it,
 * elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape. A negative lambd raises IllegalArgumentException on
 * forward ("lambda must be greater or equal to 0, but found to be -1.").
 */
public class Softshrink extends Module {
    /** {@code lambd}: the lambda of the formula. */
    public final double lambd;

    /** {@code nn.Softshrink()}: lambd = 0.5. */
    public Softshrink() { this(0.5); }

    /**
     * {@code nn.Softshrink(lambd)}.
     *
     * @param lambd the shrinkage, at least 0
     */
    public Softshrink(double lambd) { this.lambd = lambd; }

    @Override public Tensor forward(Tensor input) { return F.softshrink(input, lambd); }

    @Override protected String extraRepr() { return Repr.pyFloat(lambd); }
}
