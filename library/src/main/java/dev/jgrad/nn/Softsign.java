package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softsign}: x / (1 + |x|). */
public class Softsign extends Module {
    public Softsign() {}

    @Override public Tensor forward(Tensor input) { return F.softsign(input); }
}
