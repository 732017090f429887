package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softMarginLoss}: the logistic loss log(1 + exp(-target * input)) for targets +-1. */
public class SoftMarginLoss extends Loss {
    /** {@code nn.SoftMarginLoss()}; the other arguments take PyTorch's defaults. */
    public SoftMarginLoss() { this("mean"); }

    /** {@code nn.SoftMarginLoss(reduction)}. */
    public SoftMarginLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.softMarginLoss(input, target, reduction); }
}
