package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Flattens dims startDim..endDim into one (by default everything but the batch dim). */
public class Flatten extends Module {
    /** {@code start_dim}: the first dim flattened. */
    public final int startDim;
    /** {@code end_dim}: the last dim flattened. */
    public final int endDim;

    /** {@code nn.Flatten()}; the other arguments take PyTorch's defaults. */
    public Flatten() { this(1, -1); }

    /** {@code nn.Flatten(start_dim, end_dim)}. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override public Tensor forward(Tensor input) { return input.flatten(startDim, endDim); }

    @Override protected String extraRepr() { return "start_dim=" + startDim + ", end_dim=" + endDim; }
}
