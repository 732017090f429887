package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.hardswish}: x * relu6(x + 3) / 6. */
public class Hardswish extends Module {
    /** {@code nn.Hardswish()}. */
    public Hardswish() {}

    @Override public Tensor forward(Tensor input) { return F.hardswish(input); }
}
