package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.klDiv}: reduction may also be "batchmean" (the sum over the batch size, the KL divergence's definition). */
public class KLDivLoss extends Loss {
    public final boolean logTarget;

    public KLDivLoss() { this("mean", false); }

    public KLDivLoss(String reduction, boolean logTarget) {
        super(reduction, reduction.equals("batchmean"));
        this.logTarget = logTarget;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.klDiv(input, target, reduction, logTarget); }
}
