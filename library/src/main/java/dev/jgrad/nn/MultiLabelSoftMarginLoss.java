package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.multilabelSoftMarginLoss}: one logistic loss per class, averaged over the classes; weight (per class) may be null. */
public class MultiLabelSoftMarginLoss extends Loss {
    /** A buffer, as in PyTorch (null when not given). */
    public final Tensor weight;

    /** {@code nn.MultiLabelSoftMarginLoss()}; the other arguments take PyTorch's defaults. */
    public MultiLabelSoftMarginLoss() { this(null, "mean"); }

    /** {@code nn.MultiLabelSoftMarginLoss(weight, reduction)}. */
    public MultiLabelSoftMarginLoss(Tensor weight, String reduction) {
        super(reduction);
        this.weight = weight;
        if (weight != null) registerBuffer("weight", weight);
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.multilabelSoftMarginLoss(input, target, weight, reduction); }
}
