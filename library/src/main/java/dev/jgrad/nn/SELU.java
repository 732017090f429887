package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.SELU} ({@code F.selu}): scale * elu(x, alpha), elementwise, with PyTorch's self-normalising
 * constants alpha = 1.6732632423543772848170429916717 and scale = 1.0507009873554804934193349852946.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class SELU extends Module {
    /** {@code nn.SELU()}: no settings. */
    public SELU() {}

    @Override public Tensor forward(Tensor input) { return F.selu(input); }
}
