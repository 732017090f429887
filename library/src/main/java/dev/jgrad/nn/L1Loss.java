package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Mean absolute error, as {@code F.l1Loss}. */
public class L1Loss extends Loss {
    /** {@code nn.L1Loss()}; the other arguments take PyTorch's defaults. */
    public L1Loss() { this("mean"); }

    /** {@code nn.L1Loss(reduction)}. */
    public L1Loss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.l1Loss(input, target, reduction); }
}
