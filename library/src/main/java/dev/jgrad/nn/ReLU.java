package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** max(x, 0), elementwise. */
public class ReLU extends Module {
    @Override public Tensor forward(Tensor input) { return input.relu(); }
}
