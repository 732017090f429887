package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Cross entropy of logits against class indices or probabilities, as {@code F.crossEntropy}. */
public class CrossEntropyLoss extends Loss {
    /** Per-class weights (a buffer, so it is in the state dict), or null. */
    public final Tensor weight;
    /** {@code ignore_index}: a target value that is ignored and does not contribute to the gradient. */
    public final long ignoreIndex;
    /** {@code label_smoothing}: the amount of smoothing applied to the target, in [0, 1]. */
    public final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}; the other arguments take PyTorch's defaults. */
    public CrossEntropyLoss() { this(null, -100, "mean", 0.0); }

    /** {@code nn.CrossEntropyLoss(weight, ignore_index, reduction, label_smoothing)}. */
    public CrossEntropyLoss(Tensor weight, long ignoreIndex, String reduction, double labelSmoothing) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
    }

    @Override public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }
}
