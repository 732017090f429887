package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.NLLLoss}: the negative log likelihood -weight[y] input[y] of log-probabilities against class
 * indices y, as {@code F.nllLoss}; "mean" is the weighted mean over the targets not equal to ignore_index.
 *
 * <p>Shape: input (N, C), unbatched (C), or (N, C, d1, ..., dK); target (N), () or (N, d1, ..., dK) of int64 class
 * indices in [0, C); output 0-dim, or (N), () or (N, d1, ..., dK) for reduction "none".
 *
 * <p>Errors on forward (IllegalArgumentException): a target that is not int64 ("expected scalar type Long but found
 * ..."), batch sizes that differ ("Expected input batch_size (N) to match target batch_size (M)."), a class index out
 * of range ("Target t is out of bounds.").
 */
public class NLLLoss extends Loss {
    /** {@code weight}: a weight per class (C), a buffer (not trained), or null. */
    public final Tensor weight;
    /** {@code ignore_index}: a target value that is ignored and does not contribute to the gradient. */
    public final long ignoreIndex;

    /** {@code nn.NLLLoss()}: no weight, ignore_index -100, reduction "mean". */
    public NLLLoss() { this(null, -100, "mean"); }

    /**
     * {@code nn.NLLLoss(weight, ignore_index=..., reduction=...)}.
     *
     * @param weight a weight per class (C), registered as the buffer "weight", or null
     * @param ignoreIndex a target class index that contributes nothing (PyTorch's default -100)
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public NLLLoss(Tensor weight, long ignoreIndex, String reduction) {
        super(reduction);
        this.weight = registerBuffer("weight", weight);
        this.ignoreIndex = ignoreIndex;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.nllLoss(input, target, weight, ignoreIndex, reduction); }
}
