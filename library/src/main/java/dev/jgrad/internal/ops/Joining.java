package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;
import java.util.List;

/** cat and stack: one output, each input copied into its slice of it. */
public final class Joining {
    private Joining() {}

    public static Tensor cat(List<Tensor> tensors, int dim) { return Derivatives.cat(catNoGrad(tensors, dim), tensors, dim); }

    public static Tensor stack(List<Tensor> tensors, int dim) { return Derivatives.stack(stackNoGrad(tensors, dim), tensors, dim); }

    /** Joins along dim 1, or dim 0 when every tensor is 1-d (0-d ones count as 1-d). */
    public static Tensor hstack(List<Tensor> tensors) {
        List<Tensor> ts = atLeast(tensors, 1);
        boolean allVectors = ts.stream().allMatch(t -> t.dim() == 1);
        return cat(ts, allVectors ? 0 : 1);
    }

    /** Joins along dim 0, vectors counting as rows. */
    public static Tensor vstack(List<Tensor> tensors) { return cat(atLeast(tensors, 2), 0); }

    /** Joins along dim 2, matrices counting as (rows, cols, 1) and vectors as (1, n, 1). */
    public static Tensor dstack(List<Tensor> tensors) { return cat(atLeast(tensors, 3), 2); }

    /** Vectors (and 0-d tensors) become columns; joins along dim 1. */
    public static Tensor columnStack(List<Tensor> tensors) {
        List<Tensor> ts = new java.util.ArrayList<>(tensors.size());
        for (Tensor t : tensors) ts.add(t.dim() <= 1 ? t.reshape(t.numel(), 1) : t);
        return cat(ts, 1);
    }

    /** numpy's atleast_1d/2d/3d: 0-d to (1), (1, 1) or (1, 1, 1); 1-d (n) to (1, n) or (1, n, 1); 2-d (r, c) to (r, c, 1). */
    private static List<Tensor> atLeast(List<Tensor> tensors, int dims) {
        List<Tensor> out = new java.util.ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            Tensor r = t;
            if (r.dim() == 0) r = r.reshape(1);
            if (dims >= 2 && r.dim() == 1) r = r.unsqueeze(0);
            if (dims >= 3 && r.dim() == 2) r = r.unsqueeze(2);
            out.add(r);
        }
        return out;
    }

    static Tensor catNoGrad(List<Tensor> tensors, int dim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::cat") : null) {
            if (tensors == null || tensors.isEmpty()) {
                throw new IllegalArgumentException("torch.cat(): expected a non-empty list of Tensors");
            }
            Tensor ref = null;
            DType dtype = null;
            for (int i = 0; i < tensors.size(); i++) {
                Tensor t = Checks.tensor(tensors.get(i), "cat", "tensors", 0);
                dtype = Promotion.promote(dtype, t.dtype());
                if (isLegacyEmpty(t)) continue;  // 1-d empty tensors are skipped, as in PyTorch
                if (ref == null) ref = t;
            }
            if (ref == null) return Creation.empty(new long[] {0}, dtype);
            if (ref.dim() == 0) {
                throw new IllegalArgumentException("zero-dimensional tensor (at position " + tensors.indexOf(ref) + ") cannot be concatenated");
            }
            int nd = ref.dim();
            int d = Shapes.wrapDim(dim, nd);
            int total = 0;
            for (int i = 0; i < tensors.size(); i++) {
                Tensor t = tensors.get(i);
                if (isLegacyEmpty(t)) continue;
                if (t.dim() != nd) {
                    throw new IllegalArgumentException("Tensors must have same number of dimensions: got " + nd + " and " + t.dim());
                }
                for (int j = 0; j < nd; j++) {
                    if (j != d && shape(t)[j] != shape(ref)[j]) {
                        throw new IllegalArgumentException("Sizes of tensors must match except in dimension " + d + ". Expected size "
                                + shape(ref)[j] + " but got size " + shape(t)[j] + " for tensor number " + i + " in the list.");
                    }
                }
                total += shape(t)[d];
            }
            int[] shape = shape(ref).clone();
            shape[d] = total;
            Tensor out = Dispatch.empty(Dispatch.backend(tensors.toArray(Tensor[]::new)), shape, dtype, ref.device());
            int at = 0;
            for (Tensor t : tensors) {
                if (isLegacyEmpty(t)) continue;
                Copying.copyElements(Views.sliceNoGrad(out, d, at, at + shape(t)[d], 1), t);
                at += shape(t)[d];
            }
            return out;
        }
    }

    private static boolean isLegacyEmpty(Tensor t) {
        return t.dim() == 1 && shape(t)[0] == 0;
    }

    static Tensor stackNoGrad(List<Tensor> tensors, int dim) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::stack") : null) {
            if (tensors == null || tensors.isEmpty()) throw new IllegalArgumentException("stack expects a non-empty TensorList");
            Tensor first = Checks.tensor(tensors.get(0), "stack", "tensors", 0);
            for (int i = 1; i < tensors.size(); i++) {
                Tensor t = Checks.tensor(tensors.get(i), "stack", "tensors", 0);
                if (!Arrays.equals(shape(t), shape(first))) {
                    throw new IllegalArgumentException("stack expects each tensor to be equal size, but got " + Shapes.format(shape(first))
                            + " at entry 0 and " + Shapes.format(shape(t)) + " at entry " + i);
                }
            }
            int d = Shapes.wrapDim(dim, first.dim() + 1);
            Tensor[] parts = new Tensor[tensors.size()];
            for (int i = 0; i < parts.length; i++) parts[i] = Views.unsqueezeNoGrad(tensors.get(i), d);
            return catNoGrad(Arrays.asList(parts), d);
        }
    }

}
