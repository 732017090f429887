package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softsign}: x / (1 + |x|). */
public class Softsign extends Module {
    /** {@code nn.Softsign()}. */
    public Softsign() {}

    @Override public Tensor forward(Tensor input) { return F.softsign(input); }
}
