package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.multilabelMarginLoss}: scores (N, C) against class indices (N, C) ended by -1. */
public class MultiLabelMarginLoss extends Loss {
    public MultiLabelMarginLoss() { this("mean"); }

    public MultiLabelMarginLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.multilabelMarginLoss(input, target, reduction); }
}
