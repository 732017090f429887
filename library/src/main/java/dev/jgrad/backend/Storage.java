package dev.jgrad.backend;

import dev.jgrad.DType;
import dev.jgrad.Device;

/**
 * A flat buffer of one dtype on one device, shared by a tensor and all its views. What the buffer is
 * belongs to the backend that made it (a Java array on the CPU, nothing at all on the meta device);
 * everything above the backend sees only its dtype, device, size and version.
 *
 * <p>The version counter lives here because PyTorch shares it between a tensor, its views and
 * {@code detach()} results, which are exactly the tensors sharing a storage.
 */
public abstract class Storage {
    private final DType dtype;
    private final Device device;
    private final int size;
    private int version;

    protected Storage(DType dtype, Device device, int size) {
        this.dtype = dtype;
        this.device = device;
        this.size = size;
    }

    public final DType dtype() { return dtype; }

    public final Device device() { return device; }

    /** The number of elements the buffer holds. */
    public final int size() { return size; }

    /** The backend whose kernels read and write this buffer. */
    public abstract Backend backend();

    /** How many in-place writes the buffer has seen (autograd's saved-tensor check). */
    public final int version() { return version; }

    /** Records one in-place write. */
    public final void bumpVersion() { version++; }

    /** Factories fill fresh buffers in place; PyTorch reports them at version 0. */
    public final void resetVersion() { version = 0; }
}
