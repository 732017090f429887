package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.Softmin} ({@code F.softmin}): softmax(-x) along a fixed dim.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape, each slice along dim summing to 1. A dim out of
 * range raises IllegalArgumentException ("Dimension out of range (expected to be in range of [-2, 1], but got 2)").
 */
public class Softmin extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /**
     * {@code nn.Softmin(dim)}.
     *
     * @param dim the dim along which the values sum to 1 (negative counts from the end)
     */
    public Softmin(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return F.softmin(input, dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
