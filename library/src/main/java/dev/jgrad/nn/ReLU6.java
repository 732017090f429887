package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.relu6}: min(max(0, x), 6). */
public class ReLU6 extends Module {
    /** {@code nn.ReLU6()}. */
    public ReLU6() {}

    @Override public Tensor forward(Tensor input) { return F.relu6(input); }
}
