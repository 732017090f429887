package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** tanh, elementwise. */
public class Tanh extends Module {
    @Override public Tensor forward(Tensor input) { return input.tanh(); }
}
