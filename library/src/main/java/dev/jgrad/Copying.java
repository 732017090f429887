package dev.jgrad;

import dev.jgrad.backend.cpu.CastKernels;
import dev.jgrad.backend.cpu.Parallel;
import dev.jgrad.backend.cpu.StridedIter;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/** Moving elements between layouts and dtypes: contiguous copies, casts, copy_, fill_, the array bridge. */
final class Copying {
    private Copying() {}

    /** A contiguous copy with the same dtype. */
    static Tensor clone(Tensor t) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::clone", t) : null) {
            Tensor out = Tensor.contiguousOf(Storage.allocate(t.dtype(), t.numel), t.shape);
            copyElements(out, t);
            return out;
        }
    }

    /** t itself when it already has dtype, else a contiguous converted copy. */
    static Tensor convert(Tensor t, DType dtype) {
        if (t.dtype() == dtype) return t;
        Tensor out = Tensor.contiguousOf(Storage.allocate(dtype, t.numel), t.shape);
        copyElements(out, t);
        if (t.wrappedNumber) out.wrappedNumber = true;
        return out;
    }

    /** t itself when contiguous with dtype and from offset 0, else such a copy (what kernels read). */
    static Tensor dense(Tensor t, DType dtype) {
        if (t.dtype() == dtype && t.offset == 0 && t.isContiguous()) return t;
        Tensor out = Tensor.contiguousOf(Storage.allocate(dtype, t.numel), t.shape);
        copyElements(out, t);
        return out;
    }

    static Tensor to(Tensor t, Device device, DType dtype) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::to", t) : null) {
            if (device == null || dtype == null) throw new IllegalArgumentException("to(): device and dtype must not be null");
            if (!device.isCpu()) {
                throw new IllegalStateException("Torch not compiled with CUDA enabled (jgrad has no " + device.type()
                        + " backend on this machine; Torch.cudaIsAvailable() is false)");
            }
            return convert(t, dtype);
        }
    }

    static Object toArray(Tensor t, DType dtype) {
        Checks.cpuOnly(t);
        Tensor d = dense(t, dtype);
        int n = t.numel;
        if (d != t) return d.storage.data;  // already a private copy
        Object data = d.storage.data;
        return switch (dtype) {
            case FLOAT32 -> Arrays.copyOf((float[]) data, n);
            case FLOAT64 -> Arrays.copyOf((double[]) data, n);
            case INT64 -> Arrays.copyOf((long[]) data, n);
            case INT32 -> Arrays.copyOf((int[]) data, n);
            case BOOL -> Arrays.copyOf((boolean[]) data, n);
        };
    }

    static Object backingArray(Tensor t, DType dtype) {
        if (t.dtype() != dtype) {
            throw new IllegalStateException("the tensor's dtype is " + t.dtype() + ", not " + dtype
                    + "; use to(" + dtype.name() + ") first, or a to*Array() copy");
        }
        if (!t.device().isCpu()) {
            throw new IllegalStateException("can't convert " + t.device() + " device type tensor to a Java array. "
                    + "Use Tensor.cpu() to copy the tensor to host memory first.");
        }
        if (t.requiresGrad) {
            throw new IllegalStateException("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        }
        if (t.offset != 0 || !t.isContiguous() || t.numel != t.storage.size) {
            throw new IllegalStateException("only a contiguous tensor that covers its whole storage shares a Java array; "
                    + "this one is a view of part of one (use contiguous().clone() or a to*Array() copy)");
        }
        return t.storage.data;
    }

    /** copy_: src broadcast to dst's shape and converted to its dtype. */
    static Tensor copyInto(Tensor dst, Tensor src) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::copy_", dst, src) : null) {
            Checks.tensor(src, "copy_", "src", 1);
            int[] target = Shapes.broadcast(dst.shape, src.shape);
            if (!Arrays.equals(target, dst.shape)) {
                throw new IllegalArgumentException("output with shape " + Shapes.format(dst.shape)
                        + " doesn't match the broadcast shape " + Shapes.format(target));
            }
            Overlap.checkWritable(dst);
            Overlap.checkNoPartialOverlap(dst, src);
            copyElements(dst, src);
            dst.storage.version++;
            return dst;
        }
    }

    /** Writes src (broadcastable to dst) into dst element by element, converting dtype. */
    static void copyElements(Tensor dst, Tensor src) {
        int n = dst.numel;
        if (n == 0) return;
        Object s = src.storage.data, d = dst.storage.data;
        DType st = src.dtype(), dt = dst.dtype();
        if (src.isContiguous() && dst.isContiguous() && Arrays.equals(src.shape, dst.shape)) {
            int so = src.offset, doff = dst.offset;
            if (n < Parallel.ELEMENTWISE_GRAIN || st == dt) {
                CastKernels.row(s, st, so, 1, d, dt, doff, 1, n);
            } else {
                Parallel.forRange(n, Parallel.ELEMENTWISE_GRAIN, (from, to) ->
                        CastKernels.row(s, st, so + from, 1, d, dt, doff + from, 1, to - from));
            }
            return;
        }
        int[] ss = Shapes.broadcastStrides(src.shape, src.stride, dst.shape);
        StridedIter it = new StridedIter(dst.shape, ss, dst.stride);
        int sIn = it.innerStride(0), dIn = it.innerStride(1);
        it.forAllRows(new int[] {src.offset, dst.offset}, (offs, len) -> CastKernels.row(s, st, offs[0], sIn, d, dt, offs[1], dIn, len));
    }

    static Tensor fill(Tensor t, Tensor value) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::fill_", t, value) : null) {
            double v = value.storage.getDouble(0);
            long lv = value.storage.getLong(0);
            if (t.dtype() == DType.FLOAT32 && Double.isFinite(v) && Float.isInfinite((float) v)) {
                throw new IllegalArgumentException("value cannot be converted to type float without overflow");
            }
            if (t.isContiguous()) {
                CastKernels.fill(t.storage.data, t.dtype(), t.offset, 1, t.numel, v, lv);
            } else {
                StridedIter it = new StridedIter(t.shape, t.stride);
                int in = it.innerStride(0);
                it.forRows(0, it.rows, new int[] {t.offset}, (offs, len) -> CastKernels.fill(t.storage.data, t.dtype(), offs[0], in, len, v, lv));
            }
            t.storage.version++;
            return t;
        }
    }

    /** Writes an op's result into a user's out= tensor, resizing it when its shape differs. */
    static Tensor writeOut(Tensor result, Tensor out) {
        Promotion.checkCanCast(result.dtype(), out.dtype());
        if (!Arrays.equals(out.shape, result.shape)) {
            out.setLayout(Storage.allocate(out.dtype(), result.numel), result.shape, Shapes.contiguousStrides(result.shape), 0);
        }
        copyElements(out, result);
        out.storage.version++;
        return out;
    }
}
