package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.TripletMarginLoss} ({@code F.tripletMarginLoss}): max(0, margin + d(a, p) - d(a, n)) with the
 * p-norm pairwise distance d; swap uses d(p, n) instead of d(a, n) when it is smaller; called as
 * {@code forward(anchor, positive, negative)}.
 *
 * <p>Shape: anchor, positive, negative (N, D) or (D); output 0-dim, or (N) or () for reduction "none".
 */
public class TripletMarginLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;
    /** {@code p}: the norm degree of the pairwise distance. */
    public final double p;
    /** {@code eps}: added to the differences so that the norm is never of zero. */
    public final double eps;
    /** {@code swap}: whether the distance swap is used. */
    public final boolean swap;

    /** {@code nn.TripletMarginLoss()}: margin 1, p 2, eps 1e-6, no swap, reduction "mean". */
    public TripletMarginLoss() { this(1.0, 2.0, 1e-6, false, "mean"); }

    /**
     * {@code nn.TripletMarginLoss(margin, p, eps, swap, reduction=...)}.
     *
     * @param margin the margin
     * @param p the norm degree of the distance
     * @param eps added to the differences to avoid a zero norm
     * @param swap whether to use d(positive, negative) when it is smaller than d(anchor, negative)
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public TripletMarginLoss(double margin, double p, double eps, boolean swap, String reduction) {
        super(reduction);
        this.margin = margin;
        this.p = p;
        this.eps = eps;
        this.swap = swap;
    }

    /**
     * Not defined: the loss takes three tensors.
     *
     * @param input not used
     * @param target not used
     * @return never
     * @throws UnsupportedOperationException always ("TripletMarginLoss.forward takes (anchor, positive, negative)")
     */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TripletMarginLoss.forward takes (anchor, positive, negative)");
    }

    /**
     * {@code loss(anchor, positive, negative)}: max(d(a, p) - d(a, n) + margin, 0) with the p-norm distance, reduced.
     *
     * @param anchor the anchor samples, (N, D) or (D)
     * @param positive the positive samples, anchor's shape
     * @param negative the negative samples, anchor's shape
     * @return the loss: 0-dim for "mean" and "sum", (N) or () for "none"
     * @throws IllegalArgumentException if the inputs differ in dimension ("All inputs should have same dimension but
     *     got ...")
     */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginLoss(anchor, positive, negative, margin, p, eps, swap, reduction);
    }
}
