package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** x * sigmoid(x), elementwise (also called swish). */
public class SiLU extends Module {
    /** {@code nn.SiLU()}: x * sigmoid(x) elementwise. */
    public SiLU() {}

    @Override public Tensor forward(Tensor input) { return input.silu(); }
}
