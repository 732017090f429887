package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Hardtanh} ({@code F.hardtanh}): x clamped into [min_val, max_val], elementwise.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape.
 */
public class Hardtanh extends Module {
    /** {@code min_val}: the lower end of the linear region. */
    public final double minVal;
    /** {@code max_val}: the upper end of the linear region. */
    public final double maxVal;

    /** {@code nn.Hardtanh()}: the range [-1, 1]. */
    public Hardtanh() { this(-1.0, 1.0); }

    /**
     * {@code nn.Hardtanh(min_val, max_val)}.
     *
     * @param minVal the lower end of the linear region
     * @param maxVal the upper end of the linear region
     * @throws IllegalArgumentException if minVal &gt; maxVal ("min_val cannot be greater than max_val")
     */
    public Hardtanh(double minVal, double maxVal) {
        if (minVal > maxVal) throw new IllegalArgumentException("min_val cannot be greater than max_val");
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    @Override public Tensor forward(Tensor input) { return F.hardtanh(input, minVal, maxVal); }

    @Override protected String extraRepr() { return "min_val=" + Repr.pyFloat(minVal) + ", max_val=" + Repr.pyFloat(maxVal); }
}
