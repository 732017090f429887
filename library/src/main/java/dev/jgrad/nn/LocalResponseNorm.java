package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.LocalResponseNorm} ({@code F.localResponseNorm}): each element divided by
 * (k + alpha / size * sum of the squares over its size neighbouring channels)^beta.
 *
 * <p>Shape: input (N, C, *), at least 3 dims; output the same shape. Fewer dims raise IllegalArgumentException
 * ("Expected 3D or higher dimensionality input (got 2 dimensions)", with PyTorch's run of spaces inside).
 */
public class LocalResponseNorm extends Module {
    /** {@code size}: the number of neighbouring channels used for normalisation. */
    public final int size;
    /** {@code alpha}: the multiplicative factor. */
    public final double alpha;
    /** {@code beta}: the exponent. */
    public final double beta;
    /** {@code k}: the additive factor of the formula. */
    public final double k;

    /**
     * {@code nn.LocalResponseNorm(size)}: alpha 1e-4, beta 0.75, k 1.
     *
     * @param size the number of neighbouring channels used for normalisation
     */
    public LocalResponseNorm(int size) { this(size, 1e-4, 0.75, 1.0); }

    /**
     * {@code nn.LocalResponseNorm(size, alpha, beta, k)}.
     *
     * @param size the number of neighbouring channels used for normalisation
     * @param alpha the multiplicative factor
     * @param beta the exponent
     * @param k the additive factor
     */
    public LocalResponseNorm(int size, double alpha, double beta, double k) {
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
    }

    @Override public Tensor forward(Tensor input) { return F.localResponseNorm(input, size, alpha, beta, k); }

    @Override protected String extraRepr() {
        return size + ", alpha=" + Repr.pyFloat(alpha) + ", beta=" + Repr.pyFloat(beta) + ", k=" + Repr.pyFloat(k);
    }
}
