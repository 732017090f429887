package dev.jgrad;

/** Returned by {@link Tensor#registerHook}: {@code remove()} detaches the hook. */
@FunctionalInterface
public interface RemovableHandle {
    /** {@code handle.remove()}: unregisters the hook. */
    void remove();
}
