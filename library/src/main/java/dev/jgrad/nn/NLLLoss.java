package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** Negative log likelihood of log-probabilities, as {@code F.nllLoss}. */
public class NLLLoss extends Loss {
    public final Tensor weight;
    public final long ignoreIndex;

    public NLLLoss() { this(null, -100, "mean"); }

    public NLLLoss(Tensor weight, long ignoreIndex, String reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.nllLoss(input, target, weight, ignoreIndex, reduction); }
}
