package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.CTCLoss} ({@code F.ctcLoss}): the connectionist temporal classification loss, the negative log of
 * the summed probability of every alignment of the target to the input; called as
 * {@code forward(logProbs, targets, inputLengths, targetLengths)}. "mean" divides each loss by its target length,
 * then averages over the batch.
 *
 * <p>Shape: logProbs (T, N, C) or unbatched (T, C), log-probabilities (e.g. from log_softmax over C); targets
 * (N, S) padded or (sum(target_lengths)) concatenated, int64 class indices other than blank; inputLengths (N), each
 * at most T; targetLengths (N); output 0-dim, or (N) for reduction "none".
 */
public class CTCLoss extends Loss {
    /** {@code blank}: the blank label. */
    public final int blank;
    /** {@code zero_infinity}: whether infinite losses (and their gradients) are zeroed. */
    public final boolean zeroInfinity;

    /** {@code nn.CTCLoss()}: blank 0, reduction "mean", zero_infinity false. */
    public CTCLoss() { this(0, "mean", false); }

    /**
     * {@code nn.CTCLoss(blank, reduction, zero_infinity)}.
     *
     * @param blank the blank label, in [0, C)
     * @param reduction "mean", "sum" or "none"
     * @param zeroInfinity whether infinite losses (impossible alignments) and their gradients become zero
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public CTCLoss(int blank, String reduction, boolean zeroInfinity) {
        super(reduction);
        this.blank = blank;
        this.zeroInfinity = zeroInfinity;
    }

    /**
     * Not defined: the loss needs the lengths too.
     *
     * @param input not used
     * @param target not used
     * @return never
     * @throws UnsupportedOperationException always ("CTCLoss.forward takes (logProbs, targets, inputLengths,
     *     targetLengths)")
     */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("CTCLoss.forward takes (logProbs, targets, inputLengths, targetLengths)");
    }

    /**
     * {@code loss(log_probs, targets, input_lengths, target_lengths)} with the lengths as int64 tensors.
     *
     * @param logProbs the log-probabilities (T, N, C), or (T, C) unbatched
     * @param targets the int64 targets, padded (N, S) or concatenated (sum of targetLengths)
     * @param inputLengths the input length of each sample (N), at most T
     * @param targetLengths the target length of each sample (N)
     * @return the loss: 0-dim for "mean" and "sum", (N) for "none"
     * @throws IllegalArgumentException if the lengths do not fit the inputs (e.g. "Expected input_lengths to have
     *     value at most 5, but got value 6 (while checking arguments for ctc_loss_cpu)") or blank is outside [0, C)
     */
    public Tensor forward(Tensor logProbs, Tensor targets, Tensor inputLengths, Tensor targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }

    /**
     * {@code loss(log_probs, targets, input_lengths, target_lengths)} with the lengths as Java arrays.
     *
     * @param logProbs the log-probabilities (T, N, C), or (T, C) unbatched
     * @param targets the int64 targets, padded (N, S) or concatenated (sum of targetLengths)
     * @param inputLengths the input length of each sample, N values at most T
     * @param targetLengths the target length of each sample, N values
     * @return the loss: 0-dim for "mean" and "sum", (N) for "none"
     * @throws IllegalArgumentException if the lengths do not fit the inputs (e.g. "Expected input_lengths to have
     *     value at most 5, but got value 6 (while checking arguments for ctc_loss_cpu)") or blank is outside [0, C)
     */
    public Tensor forward(Tensor logProbs, Tensor targets, long[] inputLengths, long[] targetLengths) {
        return F.ctcLoss(logProbs, targets, inputLengths, targetLengths, blank, reduction, zeroInfinity);
    }
}
