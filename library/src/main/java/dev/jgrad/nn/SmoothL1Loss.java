package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.smoothL1Loss}: quadratic within beta of the target, linear beyond. */
public class SmoothL1Loss extends Loss {
    /** {@code beta}: the beta parameter of the formula. */
    public final double beta;

    /** {@code nn.SmoothL1Loss()}; the other arguments take PyTorch's defaults. */
    public SmoothL1Loss() { this("mean", 1.0); }

    /** {@code nn.SmoothL1Loss(reduction, beta)}. */
    public SmoothL1Loss(String reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.smoothL1Loss(input, target, reduction, beta); }
}
