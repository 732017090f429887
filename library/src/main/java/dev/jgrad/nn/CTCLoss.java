package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.ctcLoss}: forward(logProbs, targets, inputLengths, targetLengths). */
public class CTCLoss extends Loss {
    public final int blank;
    public final boolean zeroInfinity;

    public CTCLoss() { this(0, "mean", false); }

    public CTCLoss(int blank, String reduction, boolean zeroInfinity) {
        super(reduction);
        this.blank = blank;
        this.zeroInfinity = zeroInfinity;
    }

    /** Not defined: the loss needs the lengths too. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("CTCLoss.forward takes (logProbs, targets, inputLengths, targetLengths)");
    }

    public Tensor forward(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }

    public Tensor forward(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }
}
