package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.hardsigmoid}: relu6(x + 3) / 6. */
public class Hardsigmoid extends Module {
    /** {@code nn.Hardsigmoid()}. */
    public Hardsigmoid() {}

    @Override public Tensor forward(Tensor input) { return F.hardsigmoid(input); }
}
