package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Mean squared error, as {@code F.mseLoss}. */
public class MSELoss extends Loss {
    /** {@code nn.MSELoss()}; the other arguments take PyTorch's defaults. */
    public MSELoss() { this("mean"); }

    /** {@code nn.MSELoss(reduction)}. */
    public MSELoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.mseLoss(input, target, reduction); }
}
