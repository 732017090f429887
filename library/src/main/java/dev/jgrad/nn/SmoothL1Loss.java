package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.smoothL1Loss}: quadratic within beta of the target, linear beyond. */
public class SmoothL1Loss extends Loss {
    public final double beta;

    public SmoothL1Loss() { this("mean", 1.0); }

    public SmoothL1Loss(String reduction, double beta) {
        super(reduction);
        this.beta = beta;
    }

    @Override public Tensor forward(Tensor input, Tensor target) { return F.smoothL1Loss(input, target, reduction, beta); }
}
