package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.PairwiseDistance} ({@code F.pairwiseDistance}): the p-norm of x1 - x2 + eps over the last dim;
 * called as {@code forward(x1, x2)}.
 *
 * <p>Shape: x1 (N, D) or (D); x2 broadcastable with x1; output (N) or (), or (N, 1) or (1) with keepdim.
 */
public class PairwiseDistance extends Module {
    /** {@code norm}: the norm degree p. */
    public final double norm;
    /** {@code eps}: added to the difference so that the norm is never of zero. */
    public final double eps;
    /** {@code keepdim}: whether the output keeps the reduced dim. */
    public final boolean keepdim;

    /** {@code nn.PairwiseDistance()}: p 2, eps 1e-6, no keepdim. */
    public PairwiseDistance() { this(2.0, 1e-6, false); }

    /**
     * {@code nn.PairwiseDistance(p, eps, keepdim)}.
     *
     * @param p the norm degree
     * @param eps added to the difference to avoid a zero norm
     * @param keepdim whether the reduced last dim is kept with size 1
     */
    public PairwiseDistance(double p, double eps, boolean keepdim) {
        this.norm = p;
        this.eps = eps;
        this.keepdim = keepdim;
    }

    /**
     * {@code pdist(x1, x2)}: the p-norm of x1 - x2 + eps along the last dim.
     *
     * @param x1 the first input (N, D) or (D)
     * @param x2 the second input, broadcastable with x1
     * @return the distances: the broadcast shape without the last dim (kept with size 1 under keepdim)
     */
    public Tensor forward(Tensor x1, Tensor x2) { return F.pairwiseDistance(x1, x2, norm, eps, keepdim); }
}
