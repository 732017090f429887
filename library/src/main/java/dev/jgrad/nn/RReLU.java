package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.RReLU} ({@code F.rrelu}): x for x &gt;= 0, a * x otherwise, with the slope a drawn per element
 * from U(lower, upper) in training mode and fixed to (lower + upper) / 2 in eval mode.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class RReLU extends Module {
    /** {@code lower}: the lower bound of the random slope. */
    public final double lower;
    /** {@code upper}: the upper bound of the random slope. */
    public final double upper;
    /** {@code inplace}: whether the operation is done in place. */
    public final boolean inplace;

    /** {@code nn.RReLU()}: lower = 1/8, upper = 1/3, not in place. */
    public RReLU() { this(1.0 / 8, 1.0 / 3, false); }

    /**
     * {@code nn.RReLU(lower, upper)}, not in place.
     *
     * @param lower the lower bound of the random slope
     * @param upper the upper bound of the random slope
     */
    public RReLU(double lower, double upper) { this(lower, upper, false); }

    /**
     * {@code nn.RReLU(lower, upper, inplace)}.
     *
     * @param lower the lower bound of the random slope
     * @param upper the upper bound of the random slope
     * @param inplace whether forward overwrites its input and returns it
     */
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
