package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** max(x, 0), elementwise. */
public class ReLU extends Module {
    /** {@code nn.ReLU()}: max(x, 0) elementwise. */
    public ReLU() {}

    @Override public Tensor forward(Tensor input) { return input.relu(); }
}
