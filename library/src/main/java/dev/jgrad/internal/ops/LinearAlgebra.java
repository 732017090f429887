package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.View;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import dev.jgrad.profiler.Profiler;
import java.util.Arrays;

/**
 * The matmul family: shapes, dtypes and batch broadcasting here; the products are the backend's
 * {@code matmul}, which takes operands with their strides as they are, so transposed inputs cost no copy.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {}
    // ---------------------------------------------------------------- the recorded ops (what Tensor calls)

    public static Tensor mm(Tensor self, Tensor other) { return Derivatives.mm(mmNoGrad(self, other), self, other); }

    public static Tensor bmm(Tensor self, Tensor other) { return Derivatives.bmm(bmmNoGrad(self, other), self, other); }

    public static Tensor mv(Tensor self, Tensor vec) {
        Checks.requireHalfKernel(self, "addmv_impl_cpu", false);
        return Derivatives.mv(mvNoGrad(self, vec), self, vec);
    }

    /** The outer product of two vectors: self[i] * vec2[j] (recorded as the broadcast multiply it is). */
    public static Tensor outer(Tensor self, Tensor vec2) {
        if (self.dim() != 1) throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + self.dim() + "-D");
        if (vec2.dim() != 1) throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + vec2.dim() + "-D");
        return self.reshape(self.size(0), 1).mul(vec2);
    }

    public static Tensor dot(Tensor self, Tensor other) {
        Checks.requireHalfKernel(self, "dot", false);
        return Derivatives.dot(dotNoGrad(self, other), self, other);
    }


    static Tensor mmNoGrad(Tensor a, Tensor b) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mm", a, b) : null) {
            Checks.tensor(b, "mm", "mat2", 1);
            if (a.dim() != 2) throw new IllegalArgumentException("self must be a matrix");
            if (b.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix");
            if (shape(a)[1] != shape(b)[0]) {
                throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + shape(a)[0] + "x" + shape(a)[1]
                        + " and " + shape(b)[0] + "x" + shape(b)[1] + ")");
            }
            DType t = sameType(a, b);
            Tensor x = Copying.convert(a, computeType(t)), y = Copying.convert(b, computeType(t));
            Tensor out = Dispatch.empty(a, new int[] {shape(a)[0], shape(b)[1]}, computeType(t));
            Dispatch.backend(a, b).matmul(Dispatch.view(x), Dispatch.view(y), Dispatch.view(out), false);
            return Copying.convert(out, t);
        }
    }

    /**
     * a @ b written into out, unrecorded: for backward formulas that hold a buffer of the product's shape, dtype and
     * device (a recycled gradient storage). a and b are 2-d float32 or float64 matrices of out's dtype that fit; the
     * product is the same kernel call on the same layout as {@link #mm}'s, so it has the same bits.
     */
    public static Tensor mmInto(Tensor a, Tensor b, Tensor out) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mm", a, b) : null) {
            Dispatch.backend(a, b).matmul(Dispatch.view(a), Dispatch.view(b), Dispatch.view(out), false);
            return out;
        }
    }

    static Tensor bmmNoGrad(Tensor a, Tensor b) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::bmm", a, b) : null) {
            Checks.tensor(b, "bmm", "mat2", 1);
            if (a.dim() != 3) throw new IllegalArgumentException("batch1 must be a 3D tensor");
            if (b.dim() != 3) throw new IllegalArgumentException("batch2 must be a 3D tensor");
            if (shape(b)[0] != shape(a)[0] || shape(b)[1] != shape(a)[2]) {
                throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: [" + shape(a)[0]
                        + ", " + shape(a)[2] + "] but got: [" + shape(b)[0] + ", " + shape(b)[1] + "].");
            }
            return batched(a, b);
        }
    }

    static Tensor mvNoGrad(Tensor a, Tensor v) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::mv", a, v) : null) {
            Checks.tensor(v, "mv", "vec", 1);
            if (a.dim() != 2 || v.dim() != 1) {
                throw new IllegalArgumentException("vector + matrix @ vector expected, got " + 1 + ", " + a.dim() + ", " + v.dim());
            }
            if (shape(a)[1] != shape(v)[0]) {
                throw new IllegalArgumentException("size mismatch, got " + shape(a)[0] + ", " + shape(a)[0] + "x" + shape(a)[1] + "," + shape(v)[0]);
            }
            sameType(a, v);
            return mm(a, v.unsqueeze(1)).squeeze(1);
        }
    }

    static Tensor dotNoGrad(Tensor a, Tensor b) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::dot", a, b) : null) {
            Checks.tensor(b, "dot", "tensor", 1);
            if (a.dim() != 1 || b.dim() != 1) {
                throw new IllegalArgumentException("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
            }
            if (a.dtype() != b.dtype()) {
                throw new IllegalArgumentException("dot : expected both vectors to have same dtype, but found "
                        + a.dtype().scalarTypeName() + " and " + b.dtype().scalarTypeName());
            }
            if (shape(a)[0] != shape(b)[0]) {
                throw new IllegalArgumentException("inconsistent tensor size, expected tensor [" + shape(a)[0] + "] and src [" + shape(b)[0]
                        + "] to have the same number of elements, but got " + shape(a)[0] + " and " + shape(b)[0] + " elements respectively");
            }
            return mm(a.unsqueeze(0), b.unsqueeze(1)).reshape();
        }
    }

    public static Tensor matmul(Tensor a, Tensor b) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::matmul", a, b) : null) {
            Checks.tensor(b, "matmul", "other", 1);
            int da = a.dim(), db = b.dim();
            if (da == 0 || db == 0) {
                throw new IllegalArgumentException("both arguments to matmul need to be at least 1D, but they are " + da + "D and " + db + "D");
            }
            // the 1-d and 2-d cases go through the Tensor methods, which record their own backward rows
            if (da == 1 && db == 1) return a.dot(b);
            if (da == 2 && db == 1) return a.mv(b);
            if (da == 1 && db == 2) return a.unsqueeze(0).mm(b).squeeze(0);
            if (da == 2 && db == 2) return a.mm(b);
            Tensor x = da == 1 ? a.unsqueeze(0) : a;
            Tensor y = db == 1 ? b.unsqueeze(1) : b;
            int k = shape(x)[x.dim() - 1], k2 = shape(y)[y.dim() - 2];
            if (k != k2) {
                if (db <= 2) {  // PyTorch folds the batch of a into rows and runs mm
                    throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + x.numel() / Math.max(1, k) + "x"
                            + k + " and " + k2 + "x" + shape(y)[y.dim() - 1] + ")");
                }
                int[] batch = Shapes.broadcast(java.util.Arrays.copyOf(shape(x), x.dim() - 2), java.util.Arrays.copyOf(shape(y), y.dim() - 2));
                int batches = Shapes.numel(batch);
                throw new IllegalArgumentException("Expected size for first two dimensions of batch2 tensor to be: [" + batches + ", " + k
                        + "] but got: [" + batches + ", " + k2 + "].");
            }
            boolean record = (a.requiresGrad() || b.requiresGrad()) && dev.jgrad.autograd.GradMode.isEnabled();
            Tensor r = record ? composed(x, y) : batched(x, y);
            if (da == 1) r = r.squeeze(-2);
            if (db == 1) r = r.squeeze(-1);
            return r;
        }
    }

    /** The batched product from differentiable ops (expand, reshape, bmm), as PyTorch's matmul builds it. */
    private static Tensor composed(Tensor x, Tensor y) {
        int nx = x.dim(), ny = y.dim();
        int n = shape(x)[nx - 2], k = shape(x)[nx - 1], m = shape(y)[ny - 1];
        int[] batchX = java.util.Arrays.copyOf(shape(x), nx - 2), batchY = java.util.Arrays.copyOf(shape(y), ny - 2);
        int[] batch = Shapes.broadcast(batchX, batchY);
        long[] outShape = new long[batch.length + 2];
        for (int i = 0; i < batch.length; i++) outShape[i] = batch[i];
        outShape[batch.length] = n;
        outShape[batch.length + 1] = m;
        if (ny == 2) return x.reshape(-1, k).mm(y).view(outShape);  // fold the batch into rows
        long[] xs = java.util.Arrays.copyOf(outShape, outShape.length), ys = java.util.Arrays.copyOf(outShape, outShape.length);
        xs[batch.length + 1] = k;
        ys[batch.length] = k;
        long b = Shapes.numel(batch);
        Tensor xe = x.expand(xs).reshape(b, n, k), ye = y.expand(ys).reshape(b, k, m);
        return xe.bmm(ye).view(outShape);
    }

    /** (..., n, k) @ (..., k, m) with broadcast batch dims; one GEMM per batch entry. */
    private static Tensor batched(Tensor a0, Tensor b0) {
        DType t = sameType(a0, b0);
        Tensor a = Copying.convert(a0, computeType(t)), b = Copying.convert(b0, computeType(t));
        int na = a.dim(), nb = b.dim();
        int n = shape(a)[na - 2], k = shape(a)[na - 1], m = shape(b)[nb - 1];
        int[] batchA = java.util.Arrays.copyOf(shape(a), na - 2), batchB = java.util.Arrays.copyOf(shape(b), nb - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        int nb2 = batch.length;
        int[] outShape = java.util.Arrays.copyOf(batch, nb2 + 2);
        outShape[nb2] = n;
        outShape[nb2 + 1] = m;
        Tensor out = Dispatch.empty(a, outShape, computeType(t));
        if (out.numel() == 0) return Copying.convert(out, t);
        Dispatch.backend(a, b).matmul(batchView(a, batch, n, k), batchView(b, batch, k, m), Dispatch.view(out), false);
        return Copying.convert(out, t);
    }

    /** t's last two dims (r x c) behind its batch dims broadcast to batch (stride 0 where they repeat). */
    private static View batchView(Tensor t, int[] batch, int r, int c) {
        int nd = t.dim(), nb = batch.length;
        int[] tb = java.util.Arrays.copyOf(shape(t), nd - 2);
        int[] bs = Shapes.broadcastStrides(tb, java.util.Arrays.copyOf(strides(t), nd - 2), batch);
        int[] shape = java.util.Arrays.copyOf(batch, nb + 2), strides = java.util.Arrays.copyOf(bs, nb + 2);
        shape[nb] = r;
        shape[nb + 1] = c;
        strides[nb] = strides(t)[nd - 2];
        strides[nb + 1] = strides(t)[nd - 1];
        return view(t).with(shape, strides, offset(t));
    }

    private static DType computeType(DType t) {
        return t.isFloatingPoint() ? t : DType.INT64;
    }

    private static DType sameType(Tensor a, Tensor b) {
        Dispatch.backend(a, b);
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
        if (a.dtype() == DType.BOOL) throw new IllegalArgumentException("\"addmm_impl_cpu_\" not implemented for 'Bool'");
        return a.dtype();
    }

    /** bias + mat1 @ mat2 in one GEMM that starts from the broadcast bias. */
    public static Tensor addmm(Tensor self, Tensor m1, Tensor m2) {
        try (var ev = Profiler.isActive() ? Profiler.enter("aten::addmm", self, m1, m2) : null) {
            Checks.tensor(m1, "addmm", "mat1", 1);
            Checks.tensor(m2, "addmm", "mat2", 2);
            if (m1.dim() != 2) throw new IllegalArgumentException("mat1 must be a matrix, got " + m1.dim() + "-D tensor");
            if (m2.dim() != 2) throw new IllegalArgumentException("mat2 must be a matrix, got " + m2.dim() + "-D tensor");
            if (shape(m1)[1] != shape(m2)[0]) {
                throw new IllegalArgumentException("mat1 and mat2 shapes cannot be multiplied (" + shape(m1)[0] + "x" + shape(m1)[1]
                        + " and " + shape(m2)[0] + "x" + shape(m2)[1] + ")");
            }
            DType t = m1.dtype();
            if (m2.dtype() != t || self.dtype() != t) {
                throw new IllegalArgumentException("expected scalar type " + t.scalarTypeName() + " but found "
                        + (m2.dtype() != t ? m2.dtype() : self.dtype()).scalarTypeName());
            }
            if (!t.isFloatingPoint()) return m1.mm(m2).add(self);
            int n = shape(m1)[0], m = shape(m2)[1], k = shape(m1)[1];
            int[] shape = {n, m};
            int[] target = Shapes.broadcast(shape(self), shape);
            if (!Arrays.equals(target, shape)) {
                throw new IllegalArgumentException("The expanded size of the tensor (" + m + ") must match the existing size ("
                        + shape(self)[self.dim() - 1] + ") at non-singleton dimension 1.  Target sizes: [" + n + ", " + m
                        + "].  Tensor sizes: " + Shapes.format(shape(self)));
            }
            Backend be = Dispatch.backend(self, m1, m2);
            Tensor out = Dispatch.empty(be, shape, t, m1.device());
            Copying.copyElements(out, self);  // the bias broadcast into every row, then the product adds to it
            be.matmul(Dispatch.view(m1), Dispatch.view(m2), Dispatch.view(out), true);
            return Derivatives.addmm(out, self, m1, m2);
        }
    }

    /** beta * self + alpha * (mat @ vec); self ignored when beta is 0 (its NaNs too), as PyTorch. */
    public static Tensor addmv(Tensor self, Tensor mat, Tensor vec, double beta, double alpha) {
        if (mat.dim() != 2 || vec.dim() != 1) {
            throw new IllegalArgumentException("vector + matrix @ vector expected, got " + self.dim() + ", " + mat.dim() + ", " + vec.dim());
        }
        return scaledSum(self, mat.mv(vec), beta, alpha);
    }

    /** beta * self + alpha * outer(vec1, vec2). */
    public static Tensor addr(Tensor self, Tensor vec1, Tensor vec2, double beta, double alpha) {
        if (vec1.dim() != 1 || vec2.dim() != 1) {
            throw new IllegalArgumentException("addr: Expected 1-D argument vec1, but got " + vec1.dim() + "-D");
        }
        return scaledSum(self, outer(vec1, vec2), beta, alpha);
    }

    /** beta * self + alpha * bmm(batch1, batch2). */
    public static Tensor baddbmm(Tensor self, Tensor batch1, Tensor batch2, double beta, double alpha) {
        if (batch1.dim() != 3) throw new IllegalArgumentException("batch1 must be a 3D tensor");
        if (batch2.dim() != 3) throw new IllegalArgumentException("batch2 must be a 3D tensor");
        return scaledSum(self, batch1.bmm(batch2), beta, alpha);
    }

    /** beta * self + alpha * the sum over the batch of batch1[i] @ batch2[i]. */
    public static Tensor addbmm(Tensor self, Tensor batch1, Tensor batch2, double beta, double alpha) {
        if (batch1.dim() != 3) throw new IllegalArgumentException("batch1 must be a 3D tensor");
        if (batch2.dim() != 3) throw new IllegalArgumentException("batch2 must be a 3D tensor");
        return scaledSum(self, batch1.bmm(batch2).sum(0), beta, alpha);
    }

    private static Tensor scaledSum(Tensor self, Tensor product, double beta, double alpha) {
        Tensor p = alpha == 1 ? product : product.mul(alpha);
        if (beta == 0) return p.add(Torch.zerosLike(self));  // self's values, NaN included, do not reach the result
        return (beta == 1 ? self : self.mul(beta)).add(p);
    }

    /**
     * Pairwise p-norm distances between the rows of x1 (.., P, M) and x2 (.., R, M). For p = 2 with more than 25
     * rows on a side PyTorch switches to the matrix-product form sqrt(|a|^2 + |b|^2 - 2 a.b), and so does this.
     */
    public static Tensor cdist(Tensor x1, Tensor x2, double p) {
        Checks.requireHalfKernel(x1, "cdist", true);
        if (x1.dim() < 2) throw new IllegalArgumentException("cdist only supports at least 2D tensors, X1 got: " + x1.dim() + "D");
        if (x2.dim() < 2) throw new IllegalArgumentException("cdist only supports at least 2D tensors, X2 got: " + x2.dim() + "D");
        if (x1.size(-1) != x2.size(-1)) {
            throw new IllegalArgumentException("X1 and X2 must have the same number of columns. X1: " + x1.size(-1) + " X2: " + x2.size(-1));
        }
        if (!(p >= 0)) throw new IllegalArgumentException("cdist only supports non-negative p values");
        if (!x1.isFloatingPoint()) throw new IllegalArgumentException("cdist only supports floating-point dtypes, X1 got: " + x1.dtype().scalarTypeName());
        if (p == 2 && (x1.size(-2) > 25 || x2.size(-2) > 25)) {
            Tensor n1 = x1.pow(2L).sum(new int[] {-1}, true), n2 = x2.pow(2L).sum(new int[] {-1}, true);
            Tensor a = Torch.cat(java.util.List.of(x1.mul(-2L), n1, Torch.onesLike(n1)), -1);
            Tensor b = Torch.cat(java.util.List.of(x2, Torch.onesLike(n2), n2), -1);
            return a.matmul(b.mT()).clampMin(1e-30).sqrt();
        }
        Tensor diff = x1.unsqueeze(-2).sub(x2.unsqueeze(-3)).abs();
        if (p == 0) return diff.ne(0L).to(x1.dtype()).sum(-1);
        if (Double.isInfinite(p)) return diff.amax(-1, false);
        if (p == 1) return diff.sum(-1);
        if (p == 2) return diff.pow(2L).sum(-1).sqrt();
        return diff.pow(p).sum(-1).pow(1 / p);
    }
}
