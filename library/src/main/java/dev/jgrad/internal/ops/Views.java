package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.autograd.InPlace;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that reinterpret a storage without copying (view, transpose, permute, squeeze, expand, select,
 * slice, string indexing) plus reshape, which copies only when no view exists.
 */
public final class Views {
    private Views() {}

    /** A view of t's storage with a new layout; shares the version counter by sharing the storage. */
    public static Tensor make(Tensor t, int[] shape, int[] stride, int offset) {
        Tensor v = newTensor(storage(t), shape, stride, offset);
        // a view is an inference tensor exactly when its source is, whatever the mode it is made in (PyTorch 1.13):
        // a view of an inference tensor is a plain inference leaf, not an autograd view; a view of a normal tensor made
        // in inference mode is a normal view (its creation meta forbids in-place writes outside)
        if (isInference(t)) {
            setInference(v, true);
            shareVersionCounter(v, t);
            return v;
        }
        setInference(v, false);
        // a leaf that requires grad is its views' base for autograd, even if it is itself a view of something
        boolean leafWithGrad = requiresGradFlag(t) && gradFn(t) == null;
        setViewBase(v, viewBase(t) != null && !leafWithGrad ? viewBase(t) : t);
        dev.jgrad.internal.autograd.ViewTracking.onViewCreated(v, t);
        return v;
    }

    // ---------------------------------------------------------------- the recorded ops (what Tensor calls)

    public static Tensor view(Tensor t, long[] shape) { return Derivatives.view(viewNoGrad(t, shape), t); }

    /** A view when the layout allows, else a copy (recorded as PyTorch records it: CloneBackward0, then UnsafeViewBackward0). */
    public static Tensor reshape(Tensor t, long[] shape) {
        Tensor r = reshapeNoGrad(t, shape);
        if (storage(r) == storage(t)) return Derivatives.view(r, t);
        if (!InPlace.recording(t)) return r;
        Tensor copy = t.clone();
        return Derivatives.unsafeView(viewNoGrad(copy, shape), copy);
    }

    public static Tensor transpose(Tensor t, int dim0, int dim1) { return Derivatives.transpose(transposeNoGrad(t, dim0, dim1), t, dim0, dim1); }

    /**
     * transpose as PyTorch's transpose_ records it (TransposeBackward1), as a new view: the layers that
     * transpose their result in place in C++ (RNN, GRU with batch_first) show that node.
     */
    public static Tensor transposeAsInPlace(Tensor t, int dim0, int dim1) {
        return Derivatives.transposeInPlace(transposeNoGrad(t, dim0, dim1), t, dim0, dim1);
    }

    public static Tensor t(Tensor t) { return Derivatives.t(tNoGrad(t), t); }

    public static Tensor permute(Tensor t, int[] dims) { return Derivatives.permute(permuteNoGrad(t, dims), t, dims); }

    public static Tensor squeeze(Tensor t) { return Derivatives.squeeze(squeezeNoGrad(t), t); }

    public static Tensor squeeze(Tensor t, int dim) {
        Tensor r = squeezeNoGrad(t, dim);
        int nd = shape(t).length;
        return Derivatives.squeezeDim(r, t, shape(r).length < nd ? Shapes.wrapDim(dim, nd) : -1);
    }

    public static Tensor unsqueeze(Tensor t, int dim) {
        return Derivatives.unsqueeze(unsqueezeNoGrad(t, dim), t, Shapes.wrapDim(dim, shape(t).length + 1));
    }

    public static Tensor expand(Tensor t, long[] sizes) { return Derivatives.expand(expandNoGrad(t, sizes), t); }

    public static Tensor select(Tensor t, int dim, long index) { return Derivatives.select(selectNoGrad(t, dim, index), t, dim, index); }

    /** {@code t[index]} along dim, with Python indexing's out-of-bounds message. */
    public static Tensor indexAt(Tensor t, int dim, long index) { return Derivatives.select(indexAtNoGrad(t, dim, index), t, dim, index); }

    public static Tensor slice(Tensor t, int dim, long start, long end, long step) {
        return Derivatives.slice(sliceNoGrad(t, dim, start, end, step), t, dim, start, end, step);
    }

    public static Tensor narrow(Tensor t, int dim, long start, long length) {
        Tensor r = narrowNoGrad(t, dim, start, length);
        int d = Shapes.wrapDim(dim, shape(t).length);
        long s0 = start < 0 ? start + shape(t)[d] : start;
        return Derivatives.slice(r, t, d, s0, s0 + length, 1);
    }

    public static List<Tensor> split(Tensor t, long splitSize, int dim) {
        return Derivatives.split(splitNoGrad(t, splitSize, dim), t, dim);
    }

    public static List<Tensor> chunk(Tensor t, int chunks, int dim) {
        return Derivatives.split(chunkNoGrad(t, chunks, dim), t, dim);
    }

    public static List<Tensor> unbind(Tensor t, int dim) { return Derivatives.unbind(unbindNoGrad(t, dim), t, dim); }

    /** split into parts of the given sizes along dim (split_with_sizes). */
    public static List<Tensor> splitWithSizes(Tensor t, long[] sizes, int dim) {
        int d = Shapes.wrapDim(dim, shape(t).length);
        long total = 0;
        for (long s : sizes) {
            if (s < 0) throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes="
                    + Shapes.format(sizes));
            total += s;
        }
        if (total != shape(t)[d]) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + shape(t)[d]
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Shapes.format(sizes));
        }
        List<Tensor> parts = new ArrayList<>(sizes.length);
        long start = 0;
        for (long s : sizes) {
            parts.add(sliceNoGrad(t, d, start, start + s, 1));
            start += s;
        }
        return Derivatives.splitWithSizes(parts, t, d);
    }

    /** dim split into sizes (a view, as PyTorch's unflatten). */
    public static Tensor unflatten(Tensor t, int dim, long[] sizes) {
        int nd = shape(t).length, d = Shapes.wrapDim(dim, nd);
        if (sizes.length == 0) throw new IllegalArgumentException("unflatten: sizes must be non-empty");
        long[] shape = new long[nd - 1 + sizes.length];
        int k = 0;
        for (int i = 0; i < d; i++) shape[k++] = shape(t)[i];
        long known = 1;
        int infer = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) infer = k;
            else known *= sizes[i];
            shape[k++] = sizes[i];
        }
        if (infer >= 0 && known != 0) shape[infer] = shape(t)[d] / known;
        long product = 1;
        for (int i = d; i < d + sizes.length; i++) product *= shape[i];
        if (product != shape(t)[d]) {
            throw new IllegalArgumentException("unflatten: Provided sizes " + Shapes.format(sizes) + " don't multiply up to the size of dim " + dim
                    + " (" + shape(t)[d] + ") in the input tensor");
        }
        for (int i = d + 1; i < nd; i++) shape[k++] = shape(t)[i];
        return t.view(shape);
    }

    /** Tensor.unfold: every window of size elements along dim, step apart, as a new last dim (a view). */
    public static Tensor unfold(Tensor t, int dim, long size, long step) {
        int nd = shape(t).length, d = Shapes.wrapDim(dim, Math.max(1, nd));
        long len = nd == 0 ? 1 : shape(t)[d];
        if (size > len) {
            throw new IllegalArgumentException("maximum size for tensor at dimension " + d + " is " + len + " but size is " + size);
        }
        if (step <= 0) throw new IllegalArgumentException("step is " + step + " but must be > 0");
        if (nd == 0) return Derivatives.unfold(make(t, new int[] {(int) size}, new int[] {1}, offset(t)), t, d, size, step);
        int[] shape = Arrays.copyOf(shape(t), nd + 1), stride = Arrays.copyOf(strides(t), nd + 1);
        shape[d] = (int) ((len - size) / step + 1);
        stride[d] = (int) (strides(t)[d] * step);
        shape[nd] = (int) size;
        stride[nd] = strides(t)[d];
        return Derivatives.unfold(make(t, shape, stride, offset(t)), t, d, size, step);
    }

    /** The last two dims swapped (tensor.mT). */
    public static Tensor mT(Tensor t) {
        if (shape(t).length == 0) return t;  // PyTorch hands a 0-dim tensor back as it is
        if (shape(t).length < 2) {
            throw new IllegalArgumentException("tensor.mT is only supported on matrices or batches of matrices. Got "
                    + shape(t).length + "-D tensor.");
        }
        return transpose(t, -2, -1);
    }

    /** {@code tensor.H}: matrices only; with real dtypes the conjugate transpose is the transpose. */
    public static Tensor matrixH(Tensor t) {
        int nd = shape(t).length;
        if (nd == 0) return t;
        if (nd != 2) {
            throw new IllegalArgumentException("tensor.H is only supported on matrices (2-D tensors). Got " + nd + "-D tensor."
                    + (nd > 2 ? " For batches of matrices, consider using tensor.mH" : ""));
        }
        return transpose(t, 0, 1);
    }

    /** {@code tensor.mH} and {@code adjoint()}: the last two dims swapped (real dtypes need no conjugation). */
    public static Tensor batchTranspose(Tensor t, String what) {
        if (shape(t).length == 0) return t;
        if (shape(t).length < 2) {
            throw new IllegalArgumentException(what + " is only supported on matrices or batches of matrices. Got "
                    + shape(t).length + "-D tensor.");
        }
        return transpose(t, -2, -1);
    }

    /** Moves the dims in source to the positions in destination, the others keeping their order (a permute). */
    public static Tensor movedim(Tensor t, int[] source, int[] destination) {
        int nd = shape(t).length;
        if (source.length != destination.length) {
            throw new IllegalArgumentException("movedim: Invalid source or destination dims: source (" + Arrays.toString(source)
                    + " dims) should contain the same number of dims as destination (" + Arrays.toString(destination) + " dims)");
        }
        int[] src = new int[source.length], dst = new int[destination.length];
        for (int i = 0; i < source.length; i++) {
            src[i] = Shapes.wrapDim(source[i], Math.max(1, nd));
            dst[i] = Shapes.wrapDim(destination[i], Math.max(1, nd));
        }
        if (Arrays.stream(src).distinct().count() != src.length) {
            throw new IllegalArgumentException("movedim: repeated dim in `source` (" + Arrays.toString(source) + ")");
        }
        if (Arrays.stream(dst).distinct().count() != dst.length) {
            throw new IllegalArgumentException("movedim: repeated dim in `destination` (" + Arrays.toString(destination) + ")");
        }
        if (nd == 0) return t;
        int[] order = new int[nd];
        Arrays.fill(order, -1);
        boolean[] moved = new boolean[nd];
        for (int i = 0; i < src.length; i++) {
            order[dst[i]] = src[i];
            moved[src[i]] = true;
        }
        int next = 0;
        for (int i = 0; i < nd; i++) {
            if (order[i] >= 0) continue;
            while (moved[next]) next++;
            order[i] = next++;
        }
        return permute(t, order);
    }

    /** The diagonal at offset of the (dim1, dim2) planes, as a view; it becomes the last dim. */
    public static Tensor diagonal(Tensor t, long offset, int dim1, int dim2) {
        return Derivatives.diagonal(diagonalNoGrad(t, offset, dim1, dim2), t, offset, Shapes.wrapDim(dim1, shape(t).length),
                Shapes.wrapDim(dim2, shape(t).length));
    }

    static Tensor diagonalNoGrad(Tensor t, long offset, int dim1, int dim2) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::diagonal", t) : null) {
            int nd = shape(t).length;
            int d1 = Shapes.wrapDim(dim1, nd), d2 = Shapes.wrapDim(dim2, nd);
            if (d1 == d2) throw new IllegalArgumentException("diagonal dimensions cannot be identical " + d1 + ", " + d2);
            long size1 = shape(t)[d1], size2 = shape(t)[d2];
            long length = offset >= 0 ? Math.max(Math.min(size1, size2 - offset), 0) : Math.max(Math.min(size1 + offset, size2), 0);
            int start = offset(t);
            if (length > 0) start += (int) (offset >= 0 ? offset * strides(t)[d2] : -offset * strides(t)[d1]);
            int[] shape = new int[nd - 1], stride = new int[nd - 1];
            int j = 0;
            for (int i = 0; i < nd; i++) {
                if (i == d1 || i == d2) continue;
                shape[j] = shape(t)[i];
                stride[j++] = strides(t)[i];
            }
            shape[nd - 2] = (int) length;
            stride[nd - 2] = strides(t)[d1] + strides(t)[d2];
            return make(t, shape, stride, start);
        }
    }

    // ---------------------------------------------------------------- layouts (no autograd record)

    static Tensor viewNoGrad(Tensor t, long[] requested) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::view", t) : null) {
            int[] shape = Shapes.inferSize(requested, numel(t));
            int[] stride = Shapes.viewStrides(shape(t), strides(t), shape);
            if (stride == null) {
                throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride (at least "
                        + "one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
            }
            return make(t, shape, stride, offset(t));
        }
    }

    static Tensor reshapeNoGrad(Tensor t, long[] requested) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::reshape", t) : null) {
            int[] shape = Shapes.inferSize(requested, numel(t));
            int[] stride = Shapes.viewStrides(shape(t), strides(t), shape);
            if (stride != null) return make(t, shape, stride, offset(t));
            Tensor c = Copying.cloneNoGrad(t);
            return make(c, shape, Shapes.contiguousStrides(shape), 0);
        }
    }

    public static Tensor flatten(Tensor t, int startDim, int endDim) {
        int nd = shape(t).length;
        if (nd == 0) return t.reshape(1);
        int s = Shapes.wrapDim(startDim, nd), e = Shapes.wrapDim(endDim, nd);
        if (s > e) throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (s == e) return t;
        long[] shape = new long[nd - (e - s)];
        int j = 0;
        for (int i = 0; i < s; i++) shape[j++] = shape(t)[i];
        long prod = 1;
        for (int i = s; i <= e; i++) prod *= shape(t)[i];
        shape[j++] = prod;
        for (int i = e + 1; i < nd; i++) shape[j++] = shape(t)[i];
        return t.reshape(shape);
    }

    static Tensor transposeNoGrad(Tensor t, int dim0, int dim1) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::transpose", t) : null) {
            int nd = shape(t).length;
            int a = Shapes.wrapDim(dim0, nd), b = Shapes.wrapDim(dim1, nd);
            if (nd == 0 || a == b) return make(t, shape(t), strides(t), offset(t));
            int[] shape = shape(t).clone(), stride = strides(t).clone();
            shape[a] = shape(t)[b];
            shape[b] = shape(t)[a];
            stride[a] = strides(t)[b];
            stride[b] = strides(t)[a];
            return make(t, shape, stride, offset(t));
        }
    }

    static Tensor tNoGrad(Tensor t) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::t", t) : null) {
            if (shape(t).length > 2) {
                throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + shape(t).length + "D");
            }
            return transposeNoGrad(t, 0, shape(t).length < 2 ? 0 : 1);
        }
    }

    static Tensor permuteNoGrad(Tensor t, int[] dims) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::permute", t) : null) {
            int nd = shape(t).length;
            if (dims == null || dims.length != nd) {
                throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not match "
                        + "the length of the desired ordering of dimensions i.e. input.dim() = " + nd + " is not equal to len(dims) = "
                        + (dims == null ? 0 : dims.length));
            }
            int[] shape = new int[nd], stride = new int[nd];
            boolean[] seen = new boolean[nd];
            for (int i = 0; i < nd; i++) {
                int d = Shapes.wrapDim(dims[i], nd);
                if (seen[d]) throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
                seen[d] = true;
                shape[i] = shape(t)[d];
                stride[i] = strides(t)[d];
            }
            return make(t, shape, stride, offset(t));
        }
    }

    static Tensor squeezeNoGrad(Tensor t) {
        int keep = 0;
        for (int s : shape(t)) if (s != 1) keep++;
        int[] shape = new int[keep], stride = new int[keep];
        for (int i = 0, j = 0; i < shape(t).length; i++) {
            if (shape(t)[i] != 1) {
                shape[j] = shape(t)[i];
                stride[j++] = strides(t)[i];
            }
        }
        return make(t, shape, stride, offset(t));
    }

    static Tensor squeezeNoGrad(Tensor t, int dim) {
        int nd = shape(t).length;
        int d = Shapes.wrapDim(dim, nd);
        if (nd == 0 || shape(t)[d] != 1) return make(t, shape(t), strides(t), offset(t));
        return make(t, remove(shape(t), d), remove(strides(t), d), offset(t));
    }

    static Tensor unsqueezeNoGrad(Tensor t, int dim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::unsqueeze", t) : null) {
            int nd = shape(t).length;
            int d = Shapes.wrapDim(dim, nd + 1);
            int[] shape = new int[nd + 1], stride = new int[nd + 1];
            for (int i = 0, j = 0; i <= nd; i++) {
                if (i == d) {
                    shape[i] = 1;
                    stride[i] = d < nd ? shape(t)[d] * strides(t)[d] : 1;
                } else {
                    shape[i] = shape(t)[j];
                    stride[i] = strides(t)[j++];
                }
            }
            return make(t, shape, stride, offset(t));
        }
    }

    static Tensor expandNoGrad(Tensor t, long[] sizes) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::expand", t) : null) {
            int nd = shape(t).length, n = sizes.length;
            if (n < nd) {
                throw new IllegalArgumentException("expand(" + t.dtype().legacyTensorTypeName() + "{" + Shapes.format(shape(t))
                        + "}, size=" + Shapes.format(sizes) + "): the number of sizes provided (" + n
                        + ") must be greater or equal to the number of dimensions in the tensor (" + nd + ")");
            }
            int[] shape = new int[n], stride = new int[n];
            long[] resolved = new long[n];  // the sizes before narrowing to int, checked against the element limit
            for (int i = n - 1; i >= 0; i--) {
                int j = i - (n - nd);
                long want = sizes[i];
                if (j < 0) {
                    if (want < 0) {
                        throw new IllegalArgumentException("The expanded size of the tensor (" + want
                                + ") isn't allowed in a leading, non-existing dimension " + i);
                    }
                    resolved[i] = want;
                    shape[i] = (int) want;
                    stride[i] = 0;
                    continue;
                }
                int have = shape(t)[j];
                if (want == -1) want = have;
                if (want != have) {
                    if (have != 1) {
                        throw new IllegalArgumentException("The expanded size of the tensor (" + want
                                + ") must match the existing size (" + have + ") at non-singleton dimension " + i
                                + ".  Target sizes: " + Shapes.format(sizes) + ".  Tensor sizes: " + Shapes.format(shape(t)));
                    }
                    if (want < 0) throw new IllegalArgumentException("invalid shape dimension " + want);
                    resolved[i] = want;
                    shape[i] = (int) want;
                    stride[i] = 0;
                } else {
                    resolved[i] = have;
                    shape[i] = have;
                    stride[i] = strides(t)[j];
                }
            }
            Shapes.checkedShape(resolved);
            return make(t, shape, stride, offset(t));
        }
    }

    static Tensor selectNoGrad(Tensor t, int dim, long index) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::select", t) : null) {
            int nd = shape(t).length;
            if (nd == 0) throw new IllegalArgumentException("select() cannot be applied to a 0-dim tensor.");
            int d = Shapes.wrapDim(dim, nd);
            int size = shape(t)[d];
            if (index < -size || index >= size) {
                throw new IllegalArgumentException("select(): index " + index + " out of range for tensor of size "
                        + Shapes.format(shape(t)) + " at dimension " + d);
            }
            int i = (int) (index < 0 ? index + size : index);
            return make(t, remove(shape(t), d), remove(strides(t), d), offset(t) + i * strides(t)[d]);
        }
    }

    /** {@code t[..., i]} as Python indexing does it: select, with indexing's out-of-bounds message. */
    static Tensor indexAtNoGrad(Tensor t, int dim, long index) {
        if (shape(t).length == 0) {
            throw new IllegalArgumentException("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        int d = Shapes.wrapDim(dim, shape(t).length);
        int size = shape(t)[d];
        if (index < -size || index >= size) {
            throw new IllegalArgumentException("index " + index + " is out of bounds for dimension " + d + " with size " + size);
        }
        return selectNoGrad(t, d, index);
    }

    static Tensor sliceNoGrad(Tensor t, int dim, long start, long end, long step) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::slice", t) : null) {
            int nd = shape(t).length;
            if (nd == 0) throw new IllegalArgumentException("slice() cannot be applied to a 0-dim tensor.");
            if (step <= 0) throw new IllegalArgumentException(step == 0 ? "slice step cannot be zero" : "step must be greater than zero");
            int d = Shapes.wrapDim(dim, nd);
            long size = shape(t)[d];
            long s = clampIndex(start, size), e = clampIndex(end, size);
            if (e < s) e = s;
            int len = e > s ? (int) ((e - s - 1) / step + 1) : 0;
            int[] shape = shape(t).clone(), stride = strides(t).clone();
            shape[d] = len;
            stride[d] = (int) (strides(t)[d] * step);
            return make(t, shape, stride, (int) (offset(t) + s * strides(t)[d]));
        }
    }

    private static long clampIndex(long i, long size) {
        if (i < 0) i += size;
        return Math.max(0, Math.min(size, i));
    }

    static Tensor narrowNoGrad(Tensor t, int dim, long start, long length) {
        if (shape(t).length == 0) throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, shape(t).length);
        long size = shape(t)[d];
        if (start < -size || start > size) {
            throw new IllegalArgumentException("start out of range (expected to be in range of [" + (-size) + ", " + size
                    + "], but got " + start + ")");
        }
        if (start < 0) start += size;
        if (length < 0) throw new IllegalArgumentException("narrow(): length must be non-negative.");
        if (start + length > size) {
            throw new IllegalArgumentException("start (" + start + ") + length (" + length + ") exceeds dimension size (" + size + ").");
        }
        return sliceNoGrad(t, d, start, start + length, 1);
    }

    static List<Tensor> splitNoGrad(Tensor t, long splitSize, int dim) {
        int d = Shapes.wrapDim(dim, shape(t).length);
        if (splitSize <= 0 && shape(t)[d] > 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension size of "
                    + shape(t)[d]);
        }
        List<Tensor> parts = new ArrayList<>();
        for (long s = 0; s < shape(t)[d]; s += splitSize) parts.add(sliceNoGrad(t, d, s, Math.min(shape(t)[d], s + splitSize), 1));
        if (parts.isEmpty()) parts.add(t);
        return parts;
    }

    static List<Tensor> chunkNoGrad(Tensor t, int chunks, int dim) {
        if (chunks <= 0) throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        int d = Shapes.wrapDim(dim, shape(t).length);
        long size = shape(t)[d];
        return splitNoGrad(t, Math.max(1, (size + chunks - 1) / chunks), d);
    }

    static List<Tensor> unbindNoGrad(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, shape(t).length);
        List<Tensor> parts = new ArrayList<>(shape(t)[d]);
        for (int i = 0; i < shape(t)[d]; i++) parts.add(selectNoGrad(t, d, i));
        return parts;
    }

    private static int[] remove(int[] a, int at) {
        int[] r = new int[a.length - 1];
        for (int i = 0, j = 0; i < a.length; i++) if (i != at) r[j++] = a[i];
        return r;
    }

    /**
     * Basic indexing from a string of comma-separated items: integers select, {@code start:stop:step}
     * slices, {@code None} inserts a dim, {@code ...} stands for every dim not named.
     */
    public static Tensor index(Tensor t, String spec) {
        if (spec == null) throw new IllegalArgumentException("index(): the index string must not be null");
        String[] items = spec.trim().isEmpty() ? new String[0] : spec.split(",", -1);
        if (items.length > 1 && items[items.length - 1].isBlank()) {  // "...," is a one-item tuple, as in Python
            items = java.util.Arrays.copyOf(items, items.length - 1);
        }
        int consuming = 0, ellipses = 0;
        for (int i = 0; i < items.length; i++) {
            items[i] = items[i].trim();
            if (items[i].equals("...")) ellipses++;
            else if (!items[i].equals("None")) consuming++;
        }
        if (ellipses > 1) throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
        if (shape(t).length == 0 && consuming > 0) {
            throw new IllegalArgumentException("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        if (consuming > shape(t).length) {
            throw new IllegalArgumentException("too many indices for tensor of dimension " + shape(t).length);
        }
        Tensor r = t;
        int dim = 0;
        for (String item : items) {
            if (item.equals("...")) {
                dim += shape(t).length - consuming;
            } else if (item.equals("None")) {
                r = r.unsqueeze(dim++);
            } else if (item.contains(":")) {
                long[] sl = parseSlice(item, spec);
                r = r.slice(dim++, sl[0], sl[1], sl[2]);
            } else {
                long i = parseLong(item, spec);
                indexAtNoGrad(r, dim, i);  // bounds check with indexing's message
                r = r.select(dim, i);
            }
        }
        if (r == t) {  // x[...] is still a new tensor (an alias), as in PyTorch
            r = Derivatives.alias(make(t, shape(t), strides(t), offset(t)), t);
        }
        return r;
    }

    private static long[] parseSlice(String item, String spec) {
        String[] p = item.split(":", -1);
        if (p.length > 3) throw new IllegalArgumentException("invalid slice '" + item + "' in index \"" + spec + "\"");
        long start = p[0].isBlank() ? 0 : parseLong(p[0], spec);
        long end = p[1].isBlank() ? Long.MAX_VALUE : parseLong(p[1], spec);
        long step = p.length < 3 || p[2].isBlank() ? 1 : parseLong(p[2], spec);
        if (step == 0) throw new IllegalArgumentException("slice step cannot be zero");
        if (step < 0) throw new IllegalArgumentException("step must be greater than zero");
        return new long[] {start, end, step};
    }

    private static long parseLong(String s, String spec) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid index '" + s.trim() + "' in \"" + spec
                    + "\": expected an integer, a slice start:stop:step, None or ...");
        }
    }
}
