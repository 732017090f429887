package dev.jgrad.internal.ops;

import dev.jgrad.internal.TensorInternals;
import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Device;
import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Backends;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Overlap;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Scalar;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/** Moving elements between layouts and dtypes: contiguous copies, casts, copy_, fill_, the array bridge. */
public final class Copying {
    private Copying() {}

    /** t.clone(), recorded as CloneBackward0. */
    public static Tensor clone(Tensor t) { return Derivatives.clone(cloneNoGrad(t), t); }

    /** A contiguous copy with the same dtype and no history. */
    public static Tensor cloneNoGrad(Tensor t) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::clone", t) : null) {
            Tensor out = Dispatch.empty(t, shape(t), t.dtype());
            copyElements(out, t);
            return out;
        }
    }

    /** t itself when it already has dtype, else a contiguous converted copy. */
    public static Tensor convert(Tensor t, DType dtype) {
        if (t.dtype() == dtype) return t;
        Tensor out = Dispatch.empty(t, shape(t), dtype);
        copyElements(out, t);
        if (isWrappedNumber(t)) markWrappedNumber(out);
        return out;
    }

    /** t itself when contiguous with dtype and from offset 0, else such a copy (what kernels read). */
    public static Tensor dense(Tensor t, DType dtype) {
        if (t.dtype() == dtype && offset(t) == 0 && t.isContiguous()) return t;
        Tensor out = Dispatch.empty(t, shape(t), dtype);
        copyElements(out, t);
        return out;
    }

    /** t.to(device, dtype): t itself when nothing changes, else a copy recorded as ToCopyBackward0. */
    public static Tensor to(Tensor t, Device device, DType dtype) {
        Tensor r = toNoGrad(t, device, dtype);
        return r == t ? r : Derivatives.toCopy(r, t);
    }

    static Tensor toNoGrad(Tensor t, Device device, DType dtype) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::to", t) : null) {
            if (device == null || dtype == null) throw new IllegalArgumentException("to(): device and dtype must not be null");
            if (device.equals(t.device())) return convert(t, dtype);
            Backend dst = Backends.of(device);  // PyTorch's "Torch not compiled with CUDA enabled" where there is no backend
            Tensor out = Dispatch.empty(dst, shape(t), dtype, device);
            copyElements(out, t);
            return out;
        }
    }

    public static Object toArray(Tensor t, DType dtype) {
        return Dispatch.backend(t).toHost(Dispatch.view(t), dtype);
    }

    public static Object backingArray(Tensor t, DType dtype) {
        if (t.dtype() != dtype) {
            throw new IllegalStateException("the tensor's dtype is " + t.dtype() + ", not " + dtype
                    + "; use to(" + dtype.name() + ") first, or a to*Array() copy");
        }
        if (!t.device().isCpu()) {
            throw new IllegalStateException("can't convert " + t.device().type() + " device type tensor to a Java array. "
                    + "Use Tensor.cpu() to copy the tensor to host memory first.");
        }
        if (requiresGradFlag(t) && dev.jgrad.autograd.GradMode.isEnabled()) {  // PyTorch allows it under no_grad
            throw new IllegalStateException("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
        }
        if (offset(t) != 0 || !t.isContiguous() || numel(t) != storage(t).size()) {
            throw new IllegalStateException("only a contiguous tensor that covers its whole storage shares a Java array; "
                    + "this one is a view of part of one (use contiguous().clone() or a to*Array() copy)");
        }
        return Dispatch.backend(t).sharedArray(storage(t));
    }

    /** dst.copy_(src); under autograd the old value's history continues through CopyBackwards. */
    public static Tensor copy_(Tensor dst, Tensor src) {
        Checks.tensor(src, "copy_", "src", 1);
        if (InPlace.recording(dst, src)) {
            return InPlace.apply(dst, old -> Derivatives.copy(convert(cloneNoGrad(src.detach().expand(dst.shape())), dst.dtype()), old, src));
        }
        return copyInto(dst, src);
    }

    public static Tensor fill_(Tensor t, Tensor value) { return overwrite(t, x -> fill(x, value), Derivatives::fill); }

    public static Tensor zero_(Tensor t) { return overwrite(t, x -> fill(x, Scalar.of(0L)), Derivatives::zero); }

    /**
     * An in-place overwrite (fill_, zero_, the random fills). Under autograd it runs on a copy of the old
     * value and is recorded as a node that passes no gradient to that old value.
     */
    public static Tensor overwrite(Tensor t, UnaryOperator<Tensor> fill, BinaryOperator<Tensor> row) {
        if (InPlace.recording(t)) return InPlace.apply(t, old -> row.apply(fill.apply(cloneNoGrad(old.detach())), old));
        dev.jgrad.internal.autograd.ViewTracking.checkInferenceInplace(t);
        return fill.apply(t);
    }

    /**
     * The in-place form of an op without an in-place kernel (tril_, masked_fill_, clamp_ with tensors):
     * computed out of place, then written into self; under autograd, recorded as every in-place op is.
     * others are the op's other tensor operands, whose need for gradients also makes it recorded.
     */
    public static Tensor writeBack(Tensor self, UnaryOperator<Tensor> op, Tensor... others) {
        boolean othersNeedGrad = false;
        for (Tensor o : others) othersNeedGrad |= o != null && o.requiresGrad();
        if (InPlace.recording(self) || (othersNeedGrad && GradMode.isEnabled())) return InPlace.apply(self, op);
        Tensor r = op.apply(self);
        InPlace.checkFits(self, r);
        return copyInto(self, r);
    }

    /** copy_: src broadcast to dst's shape and converted to its dtype. */
    public static Tensor copyInto(Tensor dst, Tensor src) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::copy_", dst, src) : null) {
            Checks.tensor(src, "copy_", "src", 1);
            int[] target = Shapes.broadcast(shape(dst), shape(src));
            if (!Arrays.equals(target, shape(dst))) {
                throw new IllegalArgumentException("output with shape " + Shapes.format(shape(dst))
                        + " doesn't match the broadcast shape " + Shapes.format(target));
            }
            Overlap.checkWritable(dst);
            Overlap.checkNoPartialOverlap(dst, src);
            copyElements(dst, src);
            TensorInternals.bumpVersion(dst);
            return dst;
        }
    }

    /** Writes src (broadcastable to dst) into dst element by element, converting dtype. */
    public static void copyElements(Tensor dst, Tensor src) {
        if (numel(dst) == 0) return;
        Backend be = Dispatch.backend(dst);
        if (storage(src).backend() != be && !isWrappedNumber(src)) {  // across devices: through host memory
            // host arrays have no 16-bit float type: those travel as float32, which holds their values exactly
            DType hostType = src.dtype().isReducedFloatingPoint() ? DType.FLOAT32 : src.dtype();
            Object values = storage(src).backend().toHost(Dispatch.view(src), hostType);  // from meta: "Cannot copy out of meta tensor"
            src = contiguousOf(be.fromHost(values, dst.device()), shape(src));
        }
        be.copy(Dispatch.view(src), Dispatch.view(dst));
    }

    public static Tensor fill(Tensor t, Tensor value) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::fill_", t, value) : null) {
            dev.jgrad.internal.autograd.ViewTracking.checkInferenceInplace(t);
            double v = value.item();
            long lv = value.itemLong();
            if (t.dtype() == DType.FLOAT32 && Double.isFinite(v) && Float.isInfinite((float) v)) {
                throw new IllegalArgumentException("value cannot be converted to type float without overflow");
            }
            if (numel(t) > 0) Dispatch.backend(t).fill(Dispatch.view(t), v, lv);
            TensorInternals.bumpVersion(t);
            return t;
        }
    }

    /** Writes an op's result into a user's out= tensor, resizing it when its shape differs. */
    public static Tensor writeOut(Tensor result, Tensor out) {
        dev.jgrad.internal.autograd.ViewTracking.checkInferenceInplace(out);
        Promotion.checkCanCast(result.dtype(), out.dtype());
        if (!Arrays.equals(shape(out), shape(result))) {
            setLayout(out, storage(Dispatch.empty(out, shape(result), out.dtype())), shape(result), Shapes.contiguousStrides(shape(result)), 0);
        }
        copyElements(out, result);
        TensorInternals.bumpVersion(out);
        return out;
    }
}
