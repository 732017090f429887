package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Hardswish} ({@code F.hardswish}): x * relu6(x + 3) / 6, elementwise.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class Hardswish extends Module {
    /** {@code nn.Hardswish()}: no settings. */
    public Hardswish() {}

    @Override public Tensor forward(Tensor input) { return F.hardswish(input); }
}
