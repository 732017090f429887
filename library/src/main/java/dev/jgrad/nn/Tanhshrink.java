package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.tanhshrink}: x - tanh(x). */
public class Tanhshrink extends Module {
    /** {@code nn.Tanhshrink()}. */
    public Tanhshrink() {}

    @Override public Tensor forward(Tensor input) { return F.tanhshrink(input); }
}
