package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Softsign} ({@code F.softsign}): x / (1 + |x|), elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class Softsign extends Module {
    /** {@code nn.Softsign()}: no settings. */
    public Softsign() {}

    @Override public Tensor forward(Tensor input) { return F.softsign(input); }
}
