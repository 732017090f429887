package dev.jgrad.internal.compile;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Storage;

/**
 * A buffer of a traced program: no data, only its slot number in the program. Tensors over it live on the meta
 * device (so every op computes shapes, dtypes and errors as it does for meta tensors), but their kernels go to the
 * {@link TraceBackend} that made it, which records them instead of doing nothing.
 */
final class TraceStorage extends Storage {
    final int slot;
    private final TraceBackend backend;

    TraceStorage(TraceBackend backend, int slot, DType dtype, int size) {
        super(dtype, Device.META, size);
        this.backend = backend;
        this.slot = slot;
    }

    @Override public Backend backend() { return backend; }
}
