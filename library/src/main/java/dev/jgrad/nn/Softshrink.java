package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softshrink}: x moved towards 0 by lambd, 0 within lambd of it. */
public class Softshrink extends Module {
    public final double lambd;

    public Softshrink() { this(0.5); }

    public Softshrink(double lambd) { this.lambd = lambd; }

    @Override public Tensor forward(Tensor input) { return F.softshrink(input, lambd); }

    @Override protected String extraRepr() { return Repr.pyFloat(lambd); }
}
