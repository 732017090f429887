package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.multilabelMarginLoss}: scores (N, C) against class indices (N, C) ended by -1. */
public class MultiLabelMarginLoss extends Loss {
    /** {@code nn.MultiLabelMarginLoss()}; the other arguments take PyTorch's defaults. */
    public MultiLabelMarginLoss() { this("mean"); }

    /** {@code nn.MultiLabelMarginLoss(reduction)}. */
    public MultiLabelMarginLoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.multilabelMarginLoss(input, target, reduction); }
}
