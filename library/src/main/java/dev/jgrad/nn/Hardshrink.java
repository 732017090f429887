package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.hardshrink}: x where |x| > lambd, else 0. */
public class Hardshrink extends Module {
    /** {@code lambd}: the lambda of the formula. */
    public final double lambd;

    /** {@code nn.Hardshrink()}; the other arguments take PyTorch's defaults. */
    public Hardshrink() { this(0.5); }

    /** {@code nn.Hardshrink(lambd)}. */
    public Hardshrink(double lambd) { this.lambd = lambd; }

    @Override public Tensor forward(Tensor input) { return F.hardshrink(input, lambd); }

    @Override protected String extraRepr() { return Repr.pyFloat(lambd); }
}
