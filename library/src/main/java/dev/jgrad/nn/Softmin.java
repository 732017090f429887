package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.softmin} along a fixed dim: softmax(-x). */
public class Softmin extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /** {@code nn.Softmin(dim)}. */
    public Softmin(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return F.softmin(input, dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
