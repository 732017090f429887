package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** {@code softmax} along a fixed dim. */
public class Softmax extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /** {@code nn.Softmax(dim)}. */
    public Softmax(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return input.softmax(dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
