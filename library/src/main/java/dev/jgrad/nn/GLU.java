package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/** {@code F.glu}: the first half along dim gated by the sigmoid of the second. */
public class GLU extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /** {@code nn.GLU()}; the other arguments take PyTorch's defaults. */
    public GLU() { this(-1); }

    /** {@code nn.GLU(dim)}. */
    public GLU(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return F.glu(input, dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
