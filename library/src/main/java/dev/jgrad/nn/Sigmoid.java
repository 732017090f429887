package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Sigmoid}: 1 / (1 + exp(-x)), elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape (an integer input gives float32, as in PyTorch).
 */
public class Sigmoid extends Module {
    /** {@code nn.Sigmoid()}: 1 / (1 + exp(-x)) elementwise. */
    public Sigmoid() {}

    @Override public Tensor forward(Tensor input) { return input.sigmoid(); }
}
