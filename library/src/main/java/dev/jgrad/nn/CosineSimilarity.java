package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.cosineSimilarity} of its two inputs along dim. */
public class CosineSimilarity extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;

    /** {@code nn.CosineSimilarity()}; the other arguments take PyTorch's defaults. */
    public CosineSimilarity() { this(1, 1e-8); }

    /** {@code nn.CosineSimilarity(dim, eps)}. */
    public CosineSimilarity(int dim, double eps) {
        this.dim = dim;
        this.eps = eps;
    }

    /** The cosine similarity of x1 and x2 along dim (shapes broadcast). */
    public Tensor forward(Tensor x1, Tensor x2) { return F.cosineSimilarity(x1, x2, dim, eps); }
}
