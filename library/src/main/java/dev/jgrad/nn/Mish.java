package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.mish}: x * tanh(softplus(x)). */
public class Mish extends Module {
    /** {@code nn.Mish()}. */
    public Mish() {}

    @Override public Tensor forward(Tensor input) { return F.mish(input); }
}
