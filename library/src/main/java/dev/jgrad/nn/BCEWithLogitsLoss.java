package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Binary cross entropy of logits, as {@code F.binaryCrossEntropyWithLogits}. */
public class BCEWithLogitsLoss extends Loss {
    /** {@code nn.BCEWithLogitsLoss()}; the other arguments take PyTorch's defaults. */
    public BCEWithLogitsLoss() { this("mean"); }

    /** {@code nn.BCEWithLogitsLoss(reduction)}. */
    public BCEWithLogitsLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.binaryCrossEntropyWithLogits(input, target, null, null, reduction); }
}
