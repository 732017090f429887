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

    /**
     * Records a buffer's dtype, device and size; the subclass holds the buffer itself (the backend allocates it).
     *
     * @param dtype   the dtype of every element
     * @param device  the device the buffer lives on
     * @param size    the number of elements
     */
    protected Storage(DType dtype, Device device, int size) {
        this.dtype = dtype;
        this.device = device;
        this.size = size;
    }

    /**
     * The dtype of every element.
     *
     * @return the storage's dtype
     */
    public final DType dtype() { return dtype; }

    /**
     * The device the buffer lives on.
     *
     * @return the storage's device
     */
    public final Device device() { return device; }

    /**
     * The number of elements the buffer holds (a tensor over it may use fewer: a view of part of it).
     *
     * @return the element count
     */
    public final int size() { return size; }

    /**
     * The backend whose kernels read and write this buffer: how an op finds the kernels for its operands.
     *
     * @return the backend that made this storage
     */
    public abstract Backend backend();

}
