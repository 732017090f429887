package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Binary cross entropy of probabilities, as {@code F.binaryCrossEntropy}. */
public class BCELoss extends Loss {
    /** {@code nn.BCELoss()}; the other arguments take PyTorch's defaults. */
    public BCELoss() { this("mean"); }

    /** {@code nn.BCELoss(reduction)}. */
    public BCELoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.binaryCrossEntropy(input, target, null, reduction); }
}
