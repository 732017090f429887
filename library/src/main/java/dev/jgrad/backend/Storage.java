package dev.jgrad.backend;

import dev.jgrad.DType;
import dev.jgrad.Device;

/**
 * A flat buffer of one dtype on one device, shared by a tensor and all its views. What the buffer is
 * belongs to the backend that made it (a Java array on the CPU, nothing at all on the meta device);
 * everything above the backend sees only its dtype, device and size. (Autograd's version counter belongs to
 * the tensor, not to the storage: see {@code internal.autograd.VersionCounter}.)
 */
public abstract class Storage {
    private final DType dtype;
    private final Device device;
    private final int size;

    /** A storage of size elements of dtype on device (the backend allocates the buffer itself). */
    protected Storage(DType dtype, Device device, int size) {
        this.dtype = dtype;
        this.device = device;
        this.size = size;
    }

    /** The dtype of every element. */
    public final DType dtype() { return dtype; }

    /** The device the buffer lives on. */
    public final Device device() { return device; }

    /** The number of elements the buffer holds. */
    public final int size() { return size; }

    /** The backend whose kernels read and write this buffer. */
    public abstract Backend backend();

}
