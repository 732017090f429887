package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.CELU} ({@code F.celu}): max(0, x) + min(0, alpha * (exp(x / alpha) - 1)), elementwise.
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape. Alpha 0 raises IllegalArgumentException
 * ("ZeroDivisionError: alpha cannot be 0 for CELU") on forward.
 */
public class CELU extends Module {
    /** {@code alpha}: the alpha parameter of the formula. */
    public final double alpha;

    /** {@code nn.CELU()}: alpha = 1. */
    public CELU() { this(1.0); }

    /**
     * {@code nn.CELU(alpha)}.
     *
     * @param alpha the scale of the negative side, not 0
     */
    public CELU(double alpha) { this.alpha = alpha; }

    @Override public Tensor forward(Tensor input) { return F.celu(input, alpha); }

    @Override protected String extraRepr() { return "alpha=" + Repr.pyFloat(alpha); }
}
