package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.GELU}: x * Phi(x), with Phi the standard normal's CDF, computed exactly ("none") or with PyTorch's
 * tanh approximation ("tanh"): 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3))).
 *
 * <p>Shape: input (*), any shape, floating; output (*), the same shape.
 */
public class GELU extends Module {
    /** {@code approximate}: the approximation, "none" or "tanh". */
    public final String approximate;

    /** {@code nn.GELU()}: the exact form, approximate = "none". */
    public GELU() { this("none"); }

    /**
     * {@code nn.GELU(approximate)}.
     *
     * @param approximate "none" (exact) or "tanh"
     * @throws IllegalArgumentException if approximate is neither ("approximate argument must be either none or
     *     tanh.")
     */
    public GELU(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("approximate argument must be either none or tanh.");
        }
        this.approximate = approximate;
    }

    @Override public Tensor forward(Tensor input) { return input.gelu(approximate); }

    @Override protected String extraRepr() { return "approximate='" + approximate + "'"; }
}
