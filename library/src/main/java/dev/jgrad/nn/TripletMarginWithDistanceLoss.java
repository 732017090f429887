package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import java.util.function.BinaryOperator;

/**
 * {@code torch.nn.TripletMarginWithDistanceLoss} ({@code F.tripletMarginWithDistanceLoss}):
 * max(d(a, p) - d(a, n) + margin, 0) with any distance d; swap uses min(d(a, n), d(p, n)); called as
 * {@code forward(anchor, positive, negative)}. Without a distance function it registers a PairwiseDistance child, as
 * PyTorch does (so it prints it).
 *
 * <p>Shape: anchor, positive, negative (N, *) of one shape, whatever the distance takes; output 0-dim, or (N) for
 * reduction "none".
 */
public class TripletMarginWithDistanceLoss extends Loss {
    /** {@code distance_function}: the distance function (null: pairwise distance). */
    public final BinaryOperator<Tensor> distanceFunction;
    /** {@code margin}: the margin of the loss. */
    public final double margin;
    /** {@code swap}: whether the distance swap is used. */
    public final boolean swap;

    /** {@code nn.TripletMarginWithDistanceLoss()}: pairwise distance, margin 1, no swap, reduction "mean". */
    public TripletMarginWithDistanceLoss() { this(null, 1.0, false, "mean"); }

    /**
     * {@code nn.TripletMarginWithDistanceLoss(distance_function=..., margin=..., swap=..., reduction=...)}.
     *
     * @param distanceFunction the distance of two batches of samples, one value per sample, or null for
     *     {@link PairwiseDistance}
     * @param margin the margin
     * @param swap whether to use d(positive, negative) when it is smaller than d(anchor, negative)
     * @param reduction "mean", "sum" or "none"
     * @throws IllegalArgumentException if reduction is none of them ("xyz is not a valid value for reduction")
     */
    public TripletMarginWithDistanceLoss(BinaryOperator<Tensor> distanceFunction, double margin, boolean swap, String reduction) {
        super(reduction);
        if (distanceFunction == null) {
            PairwiseDistance pd = register("distance_function", new PairwiseDistance());
            distanceFunction = pd::forward;
        }
        this.distanceFunction = distanceFunction;
        this.margin = margin;
        this.swap = swap;
    }

    /**
     * Not defined: the loss takes three tensors.
     *
     * @param input not used
     * @param target not used
     * @return never
     * @throws UnsupportedOperationException always ("TripletMarginWithDistanceLoss.forward takes (anchor, positive,
     *     negative)")
     */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TripletMarginWithDistanceLoss.forward takes (anchor, positive, negative)");
    }

    /**
     * {@code loss(anchor, positive, negative)}: max(d(a, p) - d(a, n) + margin, 0) with the module's distance
     * function, reduced.
     *
     * @param anchor the anchor samples
     * @param positive the positive samples, anchor's shape
     * @param negative the negative samples, anchor's shape
     * @return the loss: 0-dim for "mean" and "sum", one loss per sample for "none"
     * @throws IllegalArgumentException if the inputs differ in dimension ("All inputs should have same dimension but
     *     got ...")
     */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginWithDistanceLoss(anchor, positive, negative, distanceFunction, margin, swap, reduction);
    }
}
