package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Flatten}: flattens dims start_dim..end_dim into one (by default everything but the batch dim).
 *
 * <p>Shape: input (*, S_start, ..., S_end, *); output (*, S_start ... S_end, *), the product of the flattened
 * sizes. Dims out of range raise IllegalArgumentException ("Dimension out of range (expected to be in range of
 * [-1, 0], but got 1)"), start after end "flatten() has invalid args: start_dim cannot come after end_dim".
 */
public class Flatten extends Module {
    /** {@code start_dim}: the first dim flattened. */
    public final int startDim;
    /** {@code end_dim}: the last dim flattened. */
    public final int endDim;

    /** {@code nn.Flatten()}: start_dim 1, end_dim -1, so (N, *) becomes (N, prod(*)). */
    public Flatten() { this(1, -1); }

    /**
     * {@code nn.Flatten(start_dim, end_dim)}.
     *
     * @param startDim the first dim flattened (negative counts from the end)
     * @param endDim the last dim flattened (negative counts from the end)
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override public Tensor forward(Tensor input) { return input.flatten(startDim, endDim); }

    @Override protected String extraRepr() { return "start_dim=" + startDim + ", end_dim=" + endDim; }
}
