package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.BCELoss}: the binary cross entropy -(y log x + (1 - y) log(1 - x)) of probabilities x against
 * targets y in [0, 1], with the logs clamped at -100 as in PyTorch, as {@code F.binaryCrossEntropy}.
 *
 * <p>Shape: input (*), probabilities in [0, 1]; target (*), input's shape (another shape raises
 * IllegalArgumentException: "Using a target size (...) that is different to the input size (...) is deprecated.
 * Please ensure they have the same size."); output 0-dim, or (*) for reduction "none".
 */
public class BCELoss extends Loss {
    /** {@code nn.BCELoss()}: reduction "mean", no weight. */
    public BCELoss() { this("mean"); }

    /**
     * {@code nn.BCELoss(reduction=...)}, no weight.
     *
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public BCELoss(String reduction) { super(reduction); }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.binaryCrossEntropy(input, target, null, reduction); }
}
