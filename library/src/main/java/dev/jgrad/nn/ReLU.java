package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.ReLU}: max(x, 0), elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape and dtype.
 */
public class ReLU extends Module {
    /** {@code nn.ReLU()}: max(x, 0) elementwise. */
    public ReLU() {}

    @Override public Tensor forward(Tensor input) { return input.relu(); }
}
