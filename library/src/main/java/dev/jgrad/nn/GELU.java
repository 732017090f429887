package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** x * Phi(x), exactly ("none") or with PyTorch's tanh approximation ("tanh"). */
public class GELU extends Module {
    public final String approximate;

    public GELU() { this("none"); }

    public GELU(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        this.approximate = approximate;
    }

    @Override public Tensor forward(Tensor input) { return input.gelu(approximate); }

    @Override protected String extraRepr() { return "approximate='" + approximate + "'"; }
}
