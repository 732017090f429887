package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;
import java.util.function.BinaryOperator;

/**
 * {@code F.tripletMarginWithDistanceLoss}: forward(anchor, positive, negative). Without a distance function it
 * registers a PairwiseDistance child, as PyTorch does (so it prints it).
 */
public class TripletMarginWithDistanceLoss extends Loss {
    /** {@code distance_function}: the distance function (null: pairwise distance). */
    public final BinaryOperator<Tensor> distanceFunction;
    /** {@code margin}: the margin of the loss. */
    public final double margin;
    /** {@code swap}: whether the distance swap is used. */
    public final boolean swap;

    /** {@code nn.TripletMarginWithDistanceLoss()}; the other arguments take PyTorch's defaults. */
    public TripletMarginWithDistanceLoss() { this(null, 1.0, false, "mean"); }

    /** {@code nn.TripletMarginWithDistanceLoss(distance_function, margin, swap, reduction)}. */
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

    /** Not defined: the loss takes three tensors. */
    @Override public Tensor forward(Tensor input, Tensor target) {
        throw new UnsupportedOperationException("TripletMarginWithDistanceLoss.forward takes (anchor, positive, negative)");
    }

    /** max(d(a, p) - d(a, n) + margin, 0) with the module's distance function, reduced. */
    public Tensor forward(Tensor anchor, Tensor positive, Tensor negative) {
        return F.tripletMarginWithDistanceLoss(anchor, positive, negative, distanceFunction, margin, swap, reduction);
    }
}
