package dev.jgrad;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Backends;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;
import dev.jgrad.profiler.Profiler;

/**
 * The one door between ops and kernels: it checks that an op's tensors share a device (PyTorch's
 * message), finds that device's {@link Backend}, and allocates outputs there. Op families compute
 * semantics (checks, promotion, shapes) above it and call the backend's kernels through it; nothing
 * above it knows what a storage holds.
 */
final class Dispatch {
    private Dispatch() {}

    /** The backend of a's device. */
    static Backend backend(Tensor a) { return a.storage.backend(); }

    /** The backend of the device a and b share; a Java number (a wrapped CPU scalar) goes with any device. */
    static Backend backend(Tensor a, Tensor b) {
        if (a.storage.backend() != b.storage.backend()) {
            if (b.wrappedNumber) return a.storage.backend();
            if (a.wrappedNumber) return b.storage.backend();
            throw sameDevice(a.device(), b.device());
        }
        return a.storage.backend();
    }

    /** The backend of the device every non-null input shares (Java numbers excepted). */
    static Backend backend(Tensor... inputs) {
        Tensor first = null;
        for (Tensor t : inputs) {
            if (t == null || t.wrappedNumber) continue;
            if (first == null) first = t;
            else if (t.storage.backend() != first.storage.backend()) throw sameDevice(first.device(), t.device());
        }
        if (first == null) for (Tensor t : inputs) if (t != null) return t.storage.backend();
        return first == null ? Backends.of(Device.CPU) : first.storage.backend();
    }

    static IllegalArgumentException sameDevice(Device a, Device b) {
        return new IllegalArgumentException("Expected all tensors to be on the same device, but found at least two devices, "
                + a + " and " + b + "!");
    }

    /** A fresh zero-filled contiguous tensor on be's device. */
    static Tensor empty(Backend be, int[] shape, DType dtype, Device device) {
        int n = Shapes.numel(shape);
        if (Profiler.isActive()) Profiler.allocated((long) n * dtype.itemSize());
        Storage s = be.allocate(dtype, n, device);
        return Tensor.contiguousOf(s, shape);
    }

    /** A fresh tensor like t's device (contiguous, zero-filled). */
    static Tensor empty(Tensor like, int[] shape, DType dtype) {
        return empty(like.storage.backend(), shape, dtype, like.device());
    }

    /** A fresh tensor on a device. */
    static Tensor empty(Device device, int[] shape, DType dtype) {
        Backend be = device.isCpu() ? CPU : Backends.of(device);
        return empty(be, shape, dtype, device);
    }

    private static final Backend CPU = Backends.of(Device.CPU);

    /** A CPU storage sharing a Java array (Java numbers in ops, the array bridge). */
    static Storage host(Object array) { return CPU.fromHost(array, Device.CPU); }

    /** What a kernel sees of t (null stays null). */
    static View view(Tensor t) { return t == null ? null : new View(t.storage, t.shape, t.stride, t.offset); }
}
