package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.huberLoss}: quadratic within delta of the target, delta-sloped linear beyond. */
public class HuberLoss extends Loss {
    /** {@code delta}: the threshold at which the loss changes from quadratic to linear. */
    public final double delta;

    /** {@code nn.HuberLoss()}; the other arguments take PyTorch's defaults. */
    public HuberLoss() { this("mean", 1.0); }

    /** {@code nn.HuberLoss(reduction, delta)}. */
    public HuberLoss(String reduction, double delta) {
        super(reduction);
        this.delta = delta;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.huberLoss(input, target, reduction, delta); }
}
