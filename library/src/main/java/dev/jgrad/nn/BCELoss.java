package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Binary cross entropy of probabilities, as {@code F.binaryCrossEntropy}. */
public class BCELoss extends Loss {
    public BCELoss() { this("mean"); }

    public BCELoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.binaryCrossEntropy(input, target, null, reduction); }
}
