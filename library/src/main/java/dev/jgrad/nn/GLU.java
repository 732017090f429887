package dev.jgrad.nn;

import dev.jgrad.Tensor;
import dev.jgrad.nn.functional.F;

/**
 * {@code torch.nn.GLU} ({@code F.glu}): the gated linear unit a * sigmoid(b), where a and b are the first and second
 * halves of the input along dim.
 *
 * <p>Shape: input (*1, N, *2) with N even along dim; output (*1, N / 2, *2). An odd size raises
 * IllegalArgumentException ("Halving dimension must be even, but dimension 1 is size 5").
 */
public class GLU extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;

    /** {@code nn.GLU()}: split along the last dim. */
    public GLU() { this(-1); }

    /**
     * {@code nn.GLU(dim)}.
     *
     * @param dim the dim to split in halves (negative counts from the end)
     */
    public GLU(int dim) { this.dim = dim; }

    @Override public Tensor forward(Tensor input) { return F.glu(input, dim); }

    @Override protected String extraRepr() { return "dim=" + dim; }
}
