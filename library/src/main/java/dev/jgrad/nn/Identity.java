package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Returns its input unchanged (a placeholder layer). */
public class Identity extends Module {
    /** {@code nn.Identity()}: forward returns its input unchanged. */
    public Identity() {}

    @Override public Tensor forward(Tensor input) { return input; }
}
