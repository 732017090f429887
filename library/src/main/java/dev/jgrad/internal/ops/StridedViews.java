package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * as_strided (any geometry over the same storage, bounds-checked as PyTorch's setStorage) and the in-place view ops
 * (t_, transpose_, squeeze_, unsqueeze_), which give the tensor object itself the new layout and, under autograd,
 * the view's history.
 */
public final class StridedViews {
    private StridedViews() {}

    public static Tensor asStrided(Tensor self, long[] size, long[] stride, long storageOffset) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::as_strided", self) : null) {
            if (size.length != stride.length) throw new IllegalArgumentException("mismatch in length of strides and shape");
            for (long s : stride) {
                if (s < 0) {
                    throw new IllegalArgumentException("as_strided: Negative strides are not supported at the moment, got strides: "
                            + Arrays.toString(stride).replace(" ", " "));
                }
            }
            if (storageOffset < 0) throw new IllegalArgumentException("Tensor: invalid storage offset " + storageOffset);
            long need = 0;  // elements the geometry reaches, 0 when it is empty
            boolean empty = false;
            for (long s : size) empty |= s == 0;
            if (!empty) {
                need = storageOffset + 1;
                for (int i = 0; i < size.length; i++) need += (size[i] - 1) * stride[i];
            }
            int item = self.dtype().itemSize();
            long have = storage(self).size();
            if (need > have) {
                throw new IllegalArgumentException("setStorage: sizes " + Arrays.toString(size) + ", strides " + Arrays.toString(stride)
                        + ", storage offset " + storageOffset + ", and itemsize " + item + " requiring a storage size of " + need * item
                        + " are out of bounds for storage of size " + have * item);
            }
            Tensor r = Views.make(self, toInt(size), toInt(stride), Math.toIntExact(storageOffset));
            return Derivatives.asStrided(r, self, size, stride, storageOffset);
        }
    }

    private static int[] toInt(long[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.toIntExact(v[i]);
        return r;
    }

    public static Tensor t_(Tensor self) {
        if (self.dim() > 2) throw new IllegalArgumentException("t_() expects a tensor with <= 2 dimensions, but self is " + self.dim() + "D");
        return adopt(self, t -> Derivatives.tInPlace(Views.tNoGrad(t), t));
    }

    public static Tensor transpose_(Tensor self, int dim0, int dim1) {
        int nd = Math.max(1, self.dim());
        Shapes.wrapDim(dim0, nd);
        Shapes.wrapDim(dim1, nd);
        return adopt(self, t -> Views.transposeAsInPlace(t, dim0, dim1));
    }

    public static Tensor squeeze_(Tensor self) {
        long[] before = self.shape();
        return adopt(self, t -> Derivatives.reshapeBack("SqueezeBackward2", Views.squeezeNoGrad(t), t, before));
    }

    public static Tensor squeeze_(Tensor self, int dim) {
        Shapes.wrapDim(dim, Math.max(1, self.dim()));
        long[] before = self.shape();
        return adopt(self, t -> Derivatives.reshapeBack("SqueezeBackward3", Views.squeezeNoGrad(t, dim), t, before));
    }

    public static Tensor unsqueeze_(Tensor self, int dim) {
        Shapes.wrapDim(dim, self.dim() + 1);
        long[] before = self.shape();
        return adopt(self, t -> Derivatives.reshapeBack("UnsqueezeBackward1", Views.unsqueezeNoGrad(t, dim), t, before));
    }

    /** as_strided_: this tensor takes the given sizes, strides and offset over its storage (bounds-checked as as_strided). */
    public static Tensor asStrided_(Tensor self, long[] size, long[] stride, long storageOffset) {
        return adopt(self, t -> asStrided(t, size, stride, storageOffset));
    }

    /** self takes the view's layout, and its history when recorded: what PyTorch's in-place view ops leave behind. */
    private static Tensor adopt(Tensor self, UnaryOperator<Tensor> view) {
        boolean recording = GradMode.isEnabled() && self.requiresGrad();
        if (recording) InPlace.checkLeaf(self);
        dev.jgrad.internal.autograd.ViewTracking.checkInferenceInplace(self);
        Tensor r = view.apply(self);
        setLayout(self, storage(self), shape(r).clone(), strides(r).clone(), offset(r));
        if (recording && gradFn(r) != null) setHistory(self, gradFn(r), outputNr(r));
        bumpVersion(self);  // in-place view ops count as writes (PyTorch bumps _version), so views of self see a rebase
        return self;
    }
}
