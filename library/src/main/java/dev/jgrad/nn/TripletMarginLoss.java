package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.tripletMarginLoss}: forward(anchor, positive, negative). */
public class TripletMarginLoss extends Loss {
    /** {@code margin}: the margin of the loss. */
    public final double margin;
    /** {@code p}: the probability or norm degree of the layer. */
    public final double p;
    /** {@code eps}: the value added to denominators for numerical stability. */
    public final double eps;
    /** {@code swap}: whether the distance swap is used. */
    public final boolean swap;

    /** {@code nn.TripletMarginLoss()}; the other arguments take PyTorch's defaults. */
    public TripletMarginLoss() { this(1.0, 2.0, 1e-6, false, "mean"); }

    /** {@code nn.TripletMarginLoss(margin, p, eps, swap, reduction)}. */
    public TripletMarginLoss(double margin, double p, double eps, boolean swap, String reduction) {
        super(reduction);
        this.margin = margin;
        this.p = p;
        this.eps = eps;
        this.swap = swap;
    }

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TripletMarginLoss.forward takes (anchor, positive, negative)");
    }

    /** max(d(a, p) - d(a, n) + margin, 0) with the p-norm distance, reduced. */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginLoss(anchor, positive, negative, margin, p, eps, swap, reduction);
    }
}
