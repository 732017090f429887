package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Identity}: returns its input unchanged (a placeholder layer).
 *
 * <p>Shape: input (*), any shape; output (*), the same tensor.
 */
public class Identity extends Module {
    /** {@code nn.Identity()}: forward returns its input unchanged. */
    public Identity() {}

    @Override public Tensor forward(Tensor input) { return input; }
}
