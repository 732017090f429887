package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Backends;
import dev.jgrad.backend.Storage;
import dev.jgrad.backend.View;
import dev.jgrad.internal.TensorInternals;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;

/**
 * The one door between ops and kernels: it checks that an op's tensors share a device (PyTorch's
 * message), finds that device's {@link Backend}, and allocates outputs there. Op families compute
 * semantics (checks, promotion, shapes) above it and call the backend's kernels through it; nothing
 * above it knows what a storage holds.
 */
public final class Dispatch {
    private Dispatch() {}

    /** The backend of a's device. */
    public static Backend backend(Tensor a) { return storage(a).backend(); }

    /** The backend of the device a and b share; a Java number (a wrapped CPU scalar) goes with any device. */
    public static Backend backend(Tensor a, Tensor b) {
        if (storage(a).backend() != storage(b).backend()) {
            if (isWrappedNumber(b)) return storage(a).backend();
            if (isWrappedNumber(a)) return storage(b).backend();
            throw sameDevice(a.device(), b.device());
        }
        return storage(a).backend();
    }

    /** The backend of the device every non-null input shares (Java numbers excepted). */
    public static Backend backend(Tensor... inputs) {
        Tensor first = null;
        for (Tensor t : inputs) {
            if (t == null || isWrappedNumber(t)) continue;
            if (first == null) first = t;
            else if (storage(t).backend() != storage(first).backend()) throw sameDevice(first.device(), t.device());
        }
        if (first == null) for (Tensor t : inputs) if (t != null) return storage(t).backend();
        return first == null ? Backends.of(Device.CPU) : storage(first).backend();
    }

    public static IllegalArgumentException sameDevice(Device a, Device b) {
        return new IllegalArgumentException("Expected all tensors to be on the same device, but found at least two devices, "
                + a + " and " + b + "!");
    }

    /** A fresh zero-filled contiguous tensor on be's device. */
    public static Tensor empty(Backend be, int[] shape, DType dtype, Device device) {
        int n = Shapes.numel(shape);
        if (Profiler.isActive()) Profiler.allocated((long) n * dtype.itemSize());
        Storage s = be.allocate(dtype, n, device);
        return contiguousOf(s, shape);
    }

    /** A fresh tensor like t's device (contiguous, zero-filled). */
    public static Tensor empty(Tensor like, int[] shape, DType dtype) {
        return empty(storage(like).backend(), shape, dtype, like.device());
    }

    /** A fresh tensor on a device. */
    public static Tensor empty(Device device, int[] shape, DType dtype) {
        Backend be = device.isCpu() ? CPU : Backends.of(device);
        return empty(be, shape, dtype, device);
    }

    private static final Backend CPU = Backends.of(Device.CPU);

    /** A CPU storage sharing a Java array (Java numbers in ops, the array bridge). */
    public static Storage host(Object array) { return CPU.fromHost(array, Device.CPU); }

    /** What a kernel sees of t (null stays null). */
    public static View view(Tensor t) { return t == null ? null : TensorInternals.view(t); }
}
