package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.CosineSimilarity} ({@code F.cosineSimilarity}): x1 . x2 / (max(||x1||, eps) max(||x2||, eps))
 * along dim, each norm clamped at eps as PyTorch 1.13 computes it; called as {@code forward(x1, x2)}.
 *
 * <p>Shape: x1 (*1, D, *2); x2 broadcastable with x1; output (*1, *2), the broadcast shape without dim.
 */
public class CosineSimilarity extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;
    /** {@code eps}: the lower bound of each norm, so that a zero vector gives 0, not NaN. */
    public final double eps;

    /** {@code nn.CosineSimilarity()}: dim 1, eps 1e-8. */
    public CosineSimilarity() { this(1, 1e-8); }

    /**
     * {@code nn.CosineSimilarity(dim, eps)}.
     *
     * @param dim the dim the vectors lie along
     * @param eps the lower bound of each norm
     */
    public CosineSimilarity(int dim, double eps) {
        this.dim = dim;
        this.eps = eps;
    }

    /**
     * {@code cos(x1, x2)}: the cosine similarity of x1 and x2 along dim.
     *
     * @param x1 the first input
     * @param x2 the second input, broadcastable with x1
     * @return the similarities: the broadcast shape without dim
     * @throws IllegalArgumentException if the shapes do not broadcast ("The size of tensor a (m) must match the size
     *     of tensor b (n) at non-singleton dimension d") or their common dtype is not floating ("expected common dtype
     *     to be floating point, yet common dtype is Long")
     */
    public Tensor forward(Tensor x1, Tensor x2) { return F.cosineSimilarity(x1, x2, dim, eps); }
}
