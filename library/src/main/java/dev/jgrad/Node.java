package dev.jgrad;

import java.util.List;

/**
 * A step of recorded history: the function that made a tensor ({@code grad_fn}), named as PyTorch names
 * it ({@code AddBackward0}, {@code AccumulateGrad}), with one {@link Edge} per input.
 */
public abstract class Node {
    /** PyTorch's node name, e.g. {@code MulBackward0}. */
    public abstract String name();

    /** One edge per input, in input order; inputs that need no gradient give {@code (null, 0)}. */
    public abstract List<Edge> nextFunctions();

    @Override public String toString() { return "<" + name() + ">"; }
}
