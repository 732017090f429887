package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softshrink}: x moved towards 0 by lambd, 0 within lambd of it. */
public class Softshrink extends Module {
    /** {@code lambd}: the lambda of the formula. */
    public final double lambd;

    /** {@code nn.Softshrink()}; the other arguments take PyTorch's defaults. */
    public Softshrink() { this(0.5); }

    /** {@code nn.Softshrink(lambd)}. */
    public Softshrink(double lambd) { this.lambd = lambd; }

    @Override public Tensor forward(Tensor input) { return F.softshrink(input, lambd); }

    @Override protected String extraRepr() { return Repr.pyFloat(lambd); }
}
