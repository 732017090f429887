package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Threshold} ({@code F.threshold}): value where x &lt;= threshold, else x, elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape and dtype.
 */
public class Threshold extends Module {
    /** {@code threshold}: the threshold of the formula. */
    public final double threshold;
    /** {@code value}: the value substituted. */
    public final double value;

    /**
     * {@code nn.Threshold(threshold, value)}.
     *
     * @param threshold the value at or below which x is replaced
     * @param value the replacement
     */
    public Threshold(double threshold, double value) {
        this.threshold = threshold;
        this.value = value;
    }

    @Override public Tensor forward(Tensor input) { return F.threshold(input, threshold, value); }

    @Override protected String extraRepr() { return "threshold=" + Repr.pyFloat(threshold) + ", value=" + Repr.pyFloat(value); }
}
