package dev.jgrad.backend.meta;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Storage;

/** A buffer that holds nothing: only its dtype and size exist, so any size costs no memory. */
final class MetaStorage extends Storage {
    MetaStorage(DType dtype, int size) { super(dtype, Device.META, size); }

    @Override public Backend backend() { return MetaBackend.INSTANCE; }
}
