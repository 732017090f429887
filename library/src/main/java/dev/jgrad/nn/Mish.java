package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Mish} ({@code F.mish}): x * tanh(softplus(x)), elementwise.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class Mish extends Module {
    /** {@code nn.Mish()}: no settings. */
    public Mish() {}

    @Override public Tensor forward(Tensor input) { return F.mish(input); }
}
