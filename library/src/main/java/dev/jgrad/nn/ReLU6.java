package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.ReLU6} ({@code F.relu6}): min(max(0, x), 6), elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class ReLU6 extends Module {
    /** {@code nn.ReLU6()}: no settings. */
    public ReLU6() {}

    @Override public Tensor forward(Tensor input) { return F.relu6(input); }
}
