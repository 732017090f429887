package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.celu}: max(0, x) + min(0, alpha * (exp(x / alpha) - 1)). */
public class CELU extends Module {
    /** {@code alpha}: the alpha parameter of the formula. */
    public final double alpha;

    /** {@code nn.CELU()}; the other arguments take PyTorch's defaults. */
    public CELU() { this(1.0); }

    /** {@code nn.CELU(alpha)}. */
    public CELU(double alpha) { this.alpha = alpha; }

    @Override public Tensor forward(Tensor input) { return F.celu(input, alpha); }

    @Override protected String extraRepr() { return "alpha=" + Repr.pyFloat(alpha); }
}
