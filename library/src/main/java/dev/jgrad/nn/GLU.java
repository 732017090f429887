package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.glu}: the first half along dim gated by the sigmoid of the second. */
public class GLU extends Module {
    public final int dim;

    public GLU() { this(-1); }

    public GLU(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return F.glu(input, dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
