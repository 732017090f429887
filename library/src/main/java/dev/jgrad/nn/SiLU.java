package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.SiLU}: x * sigmoid(x), elementwise (also called swish).
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class SiLU extends Module {
    /** {@code nn.SiLU()}: x * sigmoid(x) elementwise. */
    public SiLU() {}

    @Override public Tensor forward(Tensor input) { return input.silu(); }
}
