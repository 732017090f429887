package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.selu}: elu with PyTorch's self-normalising scale and alpha. */
public class SELU extends Module {
    /** {@code nn.SELU()}. */
    public SELU() {}

    @Override public Tensor forward(Tensor input) { return F.selu(input); }
}
