package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.CrossEntropyLoss}: the cross entropy of logits against class indices or class probabilities
 * (log_softmax then NLL), as {@code F.crossEntropy}; with class indices, "mean" is the weighted mean over the targets
 * not equal to ignore_index.
 *
 * <p>Shape: input (N, C), unbatched (C), or (N, C, d1, ..., dK) for per-position classes; target (N), () or
 * (N, d1, ..., dK) of int64 class indices in [0, C), or probabilities of input's shape; output 0-dim, or (N),
 * () or (N, d1, ..., dK) for reduction "none".
 *
 * <p>Errors on forward (IllegalArgumentException): a target that is not int64 ("expected scalar type Long but found
 * ..."), batch sizes that differ ("Expected input batch_size (N) to match target batch_size (M)."), a class index out
 * of range ("Target t is out of bounds."), label_smoothing outside [0, 1] ("label_smoothing must be between 0.0 and
 * 1.0. Got: ...").
 */
public class CrossEntropyLoss extends Loss {
    /** Per-class weights (a buffer, so it is in the state dict), or null. */
    public final Tensor weight;
    /** {@code ignore_index}: a target value that is ignored and does not contribute to the gradient. */
    public final long ignoreIndex;
    /** {@code label_smoothing}: the amount of smoothing applied to the target, in [0, 1]. */
    public final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}: no weight, ignore_index -100, reduction "mean", no label smoothing. */
    public CrossEntropyLoss() { this(null, -100, "mean", 0.0); }

    /**
     * {@code nn.CrossEntropyLoss(weight, ignore_index=..., reduction=..., label_smoothing=...)}.
     *
     * @param weight a weight per class (C), registered as the buffer "weight", or null
     * @param ignoreIndex a target class index that contributes nothing (PyTorch's default -100)
     * @param reduction "mean", "sum" or "none"
     * @param labelSmoothing the smoothing in [0, 1]: the target becomes (1 - e) one-hot + e / C (0: none)
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
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
