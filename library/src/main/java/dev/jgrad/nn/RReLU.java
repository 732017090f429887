package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.rrelu}: random negative slopes in [lower, upper) while training, their mean in eval. */
public class RReLU extends Module {
    /** {@code lower}: the lower bound of the random slope. */
    public final double lower;
    /** {@code upper}: the upper bound of the random slope. */
    public final double upper;
    /** {@code inplace}: whether the operation is done in place. */
    public final boolean inplace;

    /** {@code nn.RReLU()}; the other arguments take PyTorch's defaults. */
    public RReLU() { this(1.0 / 8, 1.0 / 3, false); }

    /** {@code nn.RReLU(lower, upper)}; the other arguments take PyTorch's defaults. */
    public RReLU(double lower, double upper) { this(lower, upper, false); }

    /** {@code nn.RReLU(lower, upper, inplace)}. */
    public RReLU(double lower, double upper, boolean inplace) {
        this.lower = lower;
        this.upper = upper;
        this.inplace = inplace;
    }

    @Override public Tensor forward(Tensor input) {
        return inplace ? F.rrelu_(input, lower, upper, isTraining()) : F.rrelu(input, lower, upper, isTraining());
    }

    @Override protected String extraRepr() {
        return "lower=" + Repr.pyFloat(lower) + ", upper=" + Repr.pyFloat(upper) + (inplace ? ", inplace=True" : "");
    }
}
