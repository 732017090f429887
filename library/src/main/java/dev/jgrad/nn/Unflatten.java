package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Expands dim into unflattenedSize (Flatten's inverse). */
public class Unflatten extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;
    /** {@code unflattened_size}: the shape the dimension is unflattened into. */
    public final long[] unflattenedSize;

    /** {@code nn.Unflatten(dim, unflattened_size)}. */
    public Unflatten(int dim, long... unflattenedSize) {
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    @Override public Tensor forward(Tensor input) { return input.unflatten(dim, unflattenedSize); }

    @Override protected String extraRepr() { return "dim=" + dim + ", unflattened_size=" + Repr.tuple(unflattenedSize); }
}
