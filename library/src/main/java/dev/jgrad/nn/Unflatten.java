package dev.jgrad.nn;

import dev.jgrad.Tensor;

/** Expands dim into unflattenedSize (Flatten's inverse). */
public class Unflatten extends Module {
    public final int dim;
    public final long[] unflattenedSize;

    public Unflatten(int dim, long... unflattenedSize) {
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    @Override public Tensor forward(Tensor input) { return input.unflatten(dim, unflattenedSize); }

    @Override protected String extraRepr() { return "dim=" + dim + ", unflattened_size=" + Repr.tuple(unflattenedSize); }
}
