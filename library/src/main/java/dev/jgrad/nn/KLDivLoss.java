package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.klDiv}: reduction may also be "batchmean" (the sum over the batch size, the KL divergence's definition). */
public class KLDivLoss extends Loss {
    /** {@code log_target}: whether the target is given as log-probabilities. */
    public final boolean logTarget;

    /** {@code nn.KLDivLoss()}; the other arguments take PyTorch's defaults. */
    public KLDivLoss() { this("mean", false); }

    /** {@code nn.KLDivLoss(reduction, log_target)}. */
    public KLDivLoss(String reduction, boolean logTarget) {
        super(reduction, reduction.equals("batchmean"));
        this.logTarget = logTarget;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.klDiv(input, target, reduction, logTarget); }
}
