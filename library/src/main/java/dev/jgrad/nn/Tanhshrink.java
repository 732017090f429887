package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Tanhshrink} ({@code F.tanhshrink}): x - tanh(x), elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class Tanhshrink extends Module {
    /** {@code nn.Tanhshrink()}: no settings. */
    public Tanhshrink() {}

    @Override public Tensor forward(Tensor input) { return F.tanhshrink(input); }
}
