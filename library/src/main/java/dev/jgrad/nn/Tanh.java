package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Tanh}: tanh(x), elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class Tanh extends Module {
    /** {@code nn.Tanh()}: tanh elementwise. */
    public Tanh() {}

    @Override public Tensor forward(Tensor input) { return input.tanh(); }
}
