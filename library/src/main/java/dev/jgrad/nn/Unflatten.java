package dev.jgrad.nn;

import dev.jgrad.Tensor;

/**
 * {@code torch.nn.Unflatten}: expands one dim into several (Flatten's inverse).
 *
 * <p>Shape: input (*, S_dim, *); output (*, U_1, ..., U_n, *) with U_1 ... U_n = S_dim. Sizes whose product is
 * not S_dim raise IllegalArgumentException ("unflatten: Provided sizes [2, 2] don't multiply up to the size of dim 1
 * (5) in the input tensor").
 */
public class Unflatten extends Module {
    /** {@code dim}: the dimension the layer works along. */
    public final int dim;
    /** {@code unflattened_size}: the shape the dimension is unflattened into. */
    public final long[] unflattenedSize;

    /**
     * {@code nn.Unflatten(dim, unflattened_size)}.
     *
     * @param dim the dim to expand (negative counts from the end)
     * @param unflattenedSize the sizes it becomes; one of them may be -1, inferred from the others
     */
    public Unflatten(int dim, long... unflattenedSize) {
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    @Override public Tensor forward(Tensor input) { return input.unflatten(dim, unflattenedSize); }

    @Override protected String extraRepr() { return "dim=" + dim + ", unflattened_size=" + Repr.tuple(unflattenedSize); }
}
