package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Promotion;
import dev.jgrad.internal.core.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * Layout composites PyTorch users reach for: rot90, kron, diff, block_diag, diag_embed, diagflat, take and the
 * atleast_nd family. Values come from views, flips and copies; each keeps PyTorch's backward node.
 */
public final class Reshaping {
    private Reshaping() {}

    /** Rotates by 90 degrees k times in the plane of dims (from the first towards the second). */
    public static Tensor rot90(Tensor self, long k, int[] dims) {
        if (dims.length != 2) throw new IllegalArgumentException("expected total rotation dims == 2, but got dims = " + dims.length);
        int nd = self.dim();
        if (nd < 2) throw new IllegalArgumentException("expected total dims >= 2, but got total dims = " + nd);
        if (dims[0] == dims[1] || Math.abs(dims[0] - dims[1]) == nd) {
            throw new IllegalArgumentException("expected rotation dims to be different, but got dim0 = " + dims[0] + " and dim1 = " + dims[1]);
        }
        if (dims[0] >= nd || dims[0] < -nd) throw new IllegalArgumentException("Rotation dim0 out of range, dim0 = " + dims[0]);
        if (dims[1] >= nd || dims[1] < -nd) throw new IllegalArgumentException("Rotation dim1 out of range, dim1 = " + dims[1]);
        long turns = Math.floorMod(k, 4L);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            r = switch ((int) turns) {
                case 1 -> self.flip(dims[1]).transpose(dims[0], dims[1]).contiguous();
                case 2 -> self.flip(dims);
                case 3 -> self.flip(dims[0]).transpose(dims[0], dims[1]).contiguous();
                default -> self.clone();
            };
        }
        return Derivatives.rot90(r, self, k, dims);
    }

    /** The Kronecker product: every element of a scales a copy of b (shapes padded with leading ones). */
    public static Tensor kron(Tensor a, Tensor b) {
        int nd = Math.max(a.dim(), b.dim());
        long[] as = padded(a.shape(), nd), bs = padded(b.shape(), nd);
        long[] aView = new long[2 * nd], bView = new long[2 * nd], out = new long[nd];
        for (int i = 0; i < nd; i++) {
            aView[2 * i] = as[i];
            aView[2 * i + 1] = 1;
            bView[2 * i] = 1;
            bView[2 * i + 1] = bs[i];
            out[i] = as[i] * bs[i];
        }
        return a.reshape(aView).mul(b.reshape(bView)).reshape(out);
    }

    private static long[] padded(long[] shape, int nd) {
        long[] r = new long[nd];
        java.util.Arrays.fill(r, 1);
        System.arraycopy(shape, 0, r, nd - shape.length, shape.length);
        return r;
    }

    /** n-th forward difference along dim, after prepending/appending (xor for bool, as PyTorch). */
    public static Tensor diff(Tensor self, int n, int dim, Tensor prepend, Tensor append) {
        if (self.dim() == 0) throw new IllegalArgumentException("diff expects input to be at least one-dimensional");
        if (n < 0) throw new IllegalArgumentException("order must be non-negative but got " + n);
        for (Tensor t : new Tensor[] {prepend, append}) {
            if (t != null && t.dim() != self.dim()) {
                throw new IllegalArgumentException("diff expects prepend or append to be the same dimension as input");
            }
        }
        int d = Shapes.wrapDim(dim, self.dim());
        List<Tensor> parts = new ArrayList<>();
        if (prepend != null) parts.add(prepend);
        parts.add(self);
        if (append != null) parts.add(append);
        Tensor x = parts.size() == 1 ? self : Torch.cat(parts, d);
        for (int i = 0; i < n && x.size(d) > 0; i++) {
            long len = x.size(d) - 1;
            Tensor hi = x.narrow(d, 1, len), lo = x.narrow(d, 0, len);
            x = x.dtype() == DType.BOOL ? hi.logicalXor(lo) : hi.sub(lo);
        }
        return x;
    }

    /** Matrices (0-d and 1-d tensors as one row) along the diagonal of a zero matrix, in the promoted dtype. */
    public static Tensor blockDiag(List<Tensor> tensors) {
        List<Tensor> mats = new ArrayList<>();
        DType dt = null;
        long rows = 0, cols = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.dim() > 2) {
                throw new IllegalArgumentException("torch.block_diag: Input tensors must have 2 or fewer dimensions. Input " + i
                        + " has " + t.dim() + " dimensions");
            }
            Tensor m = t.dim() == 0 ? t.reshape(1, 1) : t.dim() == 1 ? t.unsqueeze(0) : t;
            mats.add(m);
            rows += m.size(0);
            cols += m.size(1);
            dt = dt == null ? t.dtype() : Promotion.promote(dt, t.dtype());
        }
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            r = Torch.zeros(dt == null ? DType.FLOAT32 : dt, rows, cols);
            long r0 = 0, c0 = 0;
            for (Tensor m : mats) {
                r.narrow(0, r0, m.size(0)).narrow(1, c0, m.size(1)).copy_(m);
                r0 += m.size(0);
                c0 += m.size(1);
            }
        }
        return Derivatives.blockDiag(r, tensors.toArray(Tensor[]::new), mats);
    }

    /** A tensor whose (dim1, dim2) planes hold the last dim of self on their offset diagonal. */
    public static Tensor diagEmbed(Tensor self, long offset, int dim1, int dim2) {
        int nd = self.dim() + 1;
        int d1 = Shapes.wrapDim(dim1, nd), d2 = Shapes.wrapDim(dim2, nd);
        if (d1 == d2) throw new IllegalArgumentException("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        long n = self.dim() == 0 ? 1 : self.size(-1) + Math.abs(offset);
        long[] in = self.shape();
        long[] out = new long[nd];
        int src = 0;
        for (int i = 0; i < nd; i++) {
            if (i == d1 || i == d2) out[i] = n;
            else out[i] = in[src++];
        }
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            r = Torch.zeros(self.dtype(), self.device(), out);
            r.diagonal(offset, d1, d2).copy_(self);
        }
        return Derivatives.diagEmbed(r, self, offset, d1, d2);
    }

    /** The flattened input on a diagonal of a square matrix. */
    public static Tensor diagflat(Tensor self, long offset) { return Torch.diag(self.contiguous().reshape(-1), offset); }

    /** The elements at flat indices, shaped like index. */
    public static Tensor take(Tensor self, Tensor index) {
        long n = self.numel();
        try (var guard = GradMode.setEnabled(false)) {
            if (index.numel() > 0) {
                long lo = index.min().itemLong(), hi = index.max().itemLong();
                long bad = hi >= n ? hi : lo < -n ? lo : Long.MIN_VALUE;
                if (bad != Long.MIN_VALUE) {
                    throw new IllegalArgumentException("out of range: tried to access index " + bad + " on a tensor of " + n + " elements.");
                }
            }
        }
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor flat = self.reshape(-1);
            Tensor idx = Torch.where(index.lt(0L), index.add(n), index);
            r = flat.index(idx.reshape(-1)).reshape(index.shape());
        }
        return Derivatives.take(r, self, index);
    }

    public static Tensor atleast1d(Tensor t) { return t.dim() == 0 ? t.reshape(1) : t; }

    public static Tensor atleast2d(Tensor t) {
        return switch (t.dim()) {
            case 0 -> t.reshape(1, 1);
            case 1 -> t.unsqueeze(0);
            default -> t;
        };
    }

    public static Tensor atleast3d(Tensor t) {
        return switch (t.dim()) {
            case 0 -> t.reshape(1, 1, 1);
            case 1 -> t.unsqueeze(0).unsqueeze(-1);
            case 2 -> t.unsqueeze(-1);
            default -> t;
        };
    }
}
