package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.elu}: x for x > 0, alpha * (exp(x) - 1) otherwise. */
public class ELU extends Module {
    /** {@code alpha}: the alpha parameter of the formula. */
    public final double alpha;

    /** {@code nn.ELU()}; the other arguments take PyTorch's defaults. */
    public ELU() { this(1.0); }

    /** {@code nn.ELU(alpha)}. */
    public ELU(double alpha) { this.alpha = alpha; }

    @Override public Tensor forward(Tensor input) { return F.elu(input, alpha); }

    @Override protected String extraRepr() { return "alpha=" + Repr.pyFloat(alpha); }
}
