package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Softmax}: exp(x) / sum(exp(x)) along a fixed dim.
 *
 * <p>Shape: input (*), any shape; output (*), the same shape, each slice along dim in [0, 1] and summing to 1. A
 * dim out of range raises IllegalArgumentException ("Dimension out of range (expected to be in range of [-2, 1],
 * but got 2)").
 */
public class Softmax extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /**
     * {@code nn.Softmax(dim)}.
     *
     * @param dim the dim along which the values sum to 1 (negative counts from the end)
     */
    public Softmax(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return input.softmax(dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
