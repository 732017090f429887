package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.cosineSimilarity} of its two inputs along dim. */
public class CosineSimilarity extends Module {
    public final int dim;
    public final double eps;

    public CosineSimilarity() { this(1, 1e-8); }

    public CosineSimilarity(int dim, double eps) {
        this.dim = dim;
        this.eps = eps;
    }

    public Tensor forward(Tensor x1, Tensor x2) { return F.cosineSimilarity(x1, x2, dim, eps); }
}
