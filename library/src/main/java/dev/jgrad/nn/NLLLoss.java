package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Negative log likelihood of log-probabilities, as {@code F.nllLoss}. */
public class NLLLoss extends Loss {
    /** {@code weight}: the learnable weight. */
    public final Tensor weight;
    /** {@code ignore_index}: a target value that is ignored and does not contribute to the gradient. */
    public final long ignoreIndex;

    /** {@code nn.NLLLoss()}; the other arguments take PyTorch's defaults. */
    public NLLLoss() { this(null, -100, "mean"); }

    /** {@code nn.NLLLoss(weight, ignore_index, reduction)}. */
    public NLLLoss(Tensor weight, long ignoreIndex, String reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.nllLoss(input, target, weight, ignoreIndex, reduction); }
}
