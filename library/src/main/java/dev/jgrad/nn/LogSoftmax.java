package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** {@code logSoftmax} along a fixed dim. */
public class LogSoftmax extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /** {@code nn.LogSoftmax(dim)}. */
    public LogSoftmax(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return input.logSoftmax(dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
