package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Hardsigmoid} ({@code F.hardsigmoid}): relu6(x + 3) / 6, elementwise.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class Hardsigmoid extends Module {
    /** {@code nn.Hardsigmoid()}: no settings. */
    public Hardsigmoid() {}

    @Override public Tensor forward(Tensor input) { return F.hardsigmoid(input); }
}
