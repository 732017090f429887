package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.ctcLoss}: forward(logProbs, targets, inputLengths, targetLengths). */
public class CTCLoss extends Loss {
    /** {@code blank}: the blank label. */
    public final int blank;
    /** {@code zero_infinity}: whether infinite losses (and their gradients) are zeroed. */
    public final boolean zeroInfinity;

    /** {@code nn.CTCLoss()}; the other arguments take PyTorch's defaults. */
    public CTCLoss() { this(0, "mean", false); }

    /** {@code nn.CTCLoss(blank, reduction, zero_infinity)}. */
    public CTCLoss(int blank, String reduction, boolean zeroInfinity) {
        super(reduction);
        this.blank = blank;
        this.zeroInfinity = zeroInfinity;
    }

    /** Not defined: the loss needs the lengths too. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("CTCLoss.forward takes (logProbs, targets, inputLengths, targetLengths)");
    }

    /**
     * The CTC loss of logProbs (T, N, C) (or (T, C)) against targets, with the lengths of each input and target as
     * int64 tensors.
     */
    public Tensor forward(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }

    /** The CTC loss with the input and target lengths as long[]. */
    public Tensor forward(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }
}
