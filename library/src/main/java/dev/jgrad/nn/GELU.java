package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** x * Phi(x), exactly ("none") or with PyTorch's tanh approximation ("tanh"). */
public class GELU extends Module {
    /** {@code approximate}: the approximation, "none" or "tanh". */
    public final String approximate;

    /** {@code nn.GELU()}; the other arguments take PyTorch's defaults. */
    public GELU() { this("none"); }

    /** {@code nn.GELU(approximate)}. */
    public GELU(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        this.approximate = approximate;
    }

    @Override public Tensor forward(Tensor input) { return input.gelu(approximate); }

    @Override protected String extraRepr() { return "approximate='" + approximate + "'"; }
}
