package dev.jgrad.internal.autograd;

/**
 * How many in-place writes a tensor has seen, shared by the tensor, its views and its {@code detach()}
 * results (PyTorch's VariableVersion). It belongs to the tensor, not to the storage: {@code x.setData(y)}
 * gives x y's storage but keeps x's counter, as {@code x.data = y} does.
 */
public final class VersionCounter {
    private int value;

    public int get() { return value; }

    public void bump() { value++; }

    /** Factories fill fresh tensors in place; PyTorch reports them at version 0. */
    public void reset() { value = 0; }
}
