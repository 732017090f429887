package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** tanh, elementwise. */
public class Tanh extends Module {
    /** {@code nn.Tanh()}: tanh elementwise. */
    public Tanh() {}

    @Override public Tensor forward(Tensor input) { return input.tanh(); }
}
