package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.DerivativeHelpers;
import dev.jgrad.internal.core.Shapes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Ops that PyTorch itself writes as compositions of other ops (tensor_split, take_along_dim, cov, renorm,
 * masked_scatter, put, gcd, ...): the same compositions here, so values, errors and gradients follow from the
 * ops they are built on.
 */
public final class Composites {
    private Composites() {}

    public static Tensor angle(Tensor self) {
        try (var guard = GradMode.setEnabled(false)) {
            Tensor x = self.isFloatingPoint() ? self : self.to(DType.FLOAT32);
            Tensor r = Torch.where(x.lt(0L), Torch.fullLike(x, Math.PI), Torch.zerosLike(x));
            return Torch.where(x.isnan(), x, r);
        }
    }

    public static List<Tensor> tensorSplit(Tensor self, long sections, int dim) {
        if (sections < 1) throw new IllegalArgumentException("number of sections must be larger than 0, got " + sections);
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        long size = self.size(d), small = size / sections, extra = size % sections;
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long i = 0; i < sections; i++) {
            long len = small + (i < extra ? 1 : 0);
            out.add(self.narrow(d, start, len));
            start += len;
        }
        return out;
    }

    public static List<Tensor> tensorSplit(Tensor self, long[] indices, int dim) {
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        long size = self.size(d), start = 0;
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i <= indices.length; i++) {
            long end = i < indices.length ? Math.min(Math.max(indices[i] < 0 ? indices[i] + size : indices[i], 0), size) : size;
            long s = Math.min(start, size);
            out.add(self.narrow(d, s, Math.max(0, end - s)));
            start = Math.max(start, end);
        }
        return out;
    }

    /** hsplit / vsplit / dsplit: tensor_split along dim 1 (0 for 1-d), 0 or 2, with sections dividing the size. */
    public static List<Tensor> directionalSplit(Tensor self, long sections, String which) {
        int need = which.equals("hsplit") ? 1 : which.equals("vsplit") ? 2 : 3;
        if (self.dim() < need) {
            throw new IllegalArgumentException("torch." + which + " requires a tensor with at least " + need + " dimension, but got a tensor with "
                    + self.dim() + " dimensions!");
        }
        int dim = which.equals("hsplit") ? (self.dim() == 1 ? 0 : 1) : which.equals("vsplit") ? 0 : 2;
        if (sections != 0 && self.size(dim) % sections != 0) {
            throw new IllegalArgumentException("torch." + which + " attempted to split along dimension " + dim + ", but the size of the dimension "
                    + self.size(dim) + " is not divisible by the split_size " + sections + "!");
        }
        return tensorSplit(self, sections, dim);
    }

    public static Tensor takeAlongDim(Tensor self, Tensor indices, Integer dim) {
        if (indices.dtype() != DType.INT64) {
            throw new IllegalArgumentException("torch.take_along_dim(): dtype of indices should be Long but got " + indices.dtype().scalarTypeName());
        }
        if (dim == null) return self.reshape(-1).gather(0, indices.reshape(-1));
        if (self.dim() != indices.dim()) {
            throw new IllegalArgumentException("torch.take_along_dim(): input and indices should have the same number of dimensions, but got "
                    + self.dim() + " dimensions for input, and " + indices.dim() + " dimensions for indices");
        }
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        long[] a = self.shape(), b = indices.shape();
        long[] sa = a.clone(), sb = b.clone();
        sa[d] = 1;
        sb[d] = 1;
        long[] common = Torch.broadcastShapes(sa, sb);
        long[] ea = common.clone(), eb = common.clone();
        ea[d] = a[d];
        eb[d] = b[d];
        return self.expand(ea).gather(d, indices.expand(eb));
    }

    public static List<Tensor> uniqueConsecutive(Tensor self, boolean returnInverse, boolean returnCounts) {
        List<Tensor> out = uniqueConsecutiveNoGrad(self, returnInverse, returnCounts);
        out.set(0, dev.jgrad.internal.autograd.Derivatives.notImplemented("UniqueConsecutiveBackward0", "unique_consecutive", out.get(0), self));
        return out;
    }

    private static List<Tensor> uniqueConsecutiveNoGrad(Tensor self, boolean returnInverse, boolean returnCounts) {
        try (var guard = GradMode.setEnabled(false)) {
            Tensor x = self.reshape(-1);
            long n = x.numel();
            List<Tensor> out = new ArrayList<>();
            if (n == 0) {
                out.add(x.clone());
                if (returnInverse) out.add(Torch.zerosLike(self, DType.INT64));
                if (returnCounts) out.add(Torch.zeros(DType.INT64, 0));
                return out;
            }
            Tensor starts = Torch.cat(List.of(Torch.onesLike(x.narrow(0, 0, 1), DType.BOOL),
                    x.narrow(0, 1, n - 1).ne(x.narrow(0, 0, n - 1))), 0);
            out.add(x.maskedSelect(starts));
            Tensor group = starts.cumsum(0).sub(1L);
            if (returnInverse) out.add(group.reshape(self.shape()));
            if (returnCounts) out.add(Torch.bincount(group));
            return out;
        }
    }

    public static Tensor cov(Tensor self, long correction) {
        if (self.dim() > 2) {
            throw new IllegalArgumentException("cov(): expected input to have two or fewer dimensions but got an input with " + self.dim() + " dimensions");
        }
        Tensor x = self.dim() < 2 ? self.reshape(1, -1) : self;
        if (!x.isFloatingPoint()) x = x.to(DType.FLOAT32);
        long observations = x.size(1);
        Tensor centred = x.sub(x.mean(1, true));
        double norm = Math.max(0, observations - correction);
        Tensor c = centred.mm(centred.t()).div(norm);
        return c.squeeze();
    }

    public static Tensor corrcoef(Tensor self) {
        Tensor c = cov(self, 1);
        if (c.dim() == 0) return c.div(c);
        Tensor std = c.diagonal().sqrt();
        c = c.div(std.unsqueeze(1)).div(std.unsqueeze(0));
        return c.clamp(-1, 1);
    }

    public static Tensor renorm(Tensor self, double p, int dim, double maxnorm) {
        if (!(p > 0)) throw new IllegalArgumentException("renorm: non-positive-norm not supported");
        if (!(maxnorm >= 0)) throw new IllegalArgumentException("renorm: expected maxnorm to be >= 0 but got " + maxnorm);
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        int[] others = new int[Math.max(0, self.dim() - 1)];
        for (int i = 0, k = 0; i < self.dim(); i++) if (i != d) others[k++] = i;
        // the factor depends on the norm, and PyTorch's RenormBackward0 differentiates through it too
        Tensor norm;
        if (others.length == 0) {
            norm = self.abs();
        } else {
            long[] keep = self.shape().clone();
            for (int i = 0; i < keep.length; i++) if (i != d) keep[i] = 1;
            norm = self.movedim(d, 0).reshape(self.size(d), -1).norm(p, 1, true).reshape(keep);
        }
        Tensor factor = Torch.where(norm.gt(maxnorm), norm.add(1e-7).reciprocal().mul(maxnorm), Torch.onesLike(norm));
        return self.mul(factor);
    }

    public static Tensor sumToSize(Tensor self, long[] size) {
        long[] shape = self.shape();
        boolean expandable = size.length <= shape.length;
        for (int i = 0; expandable && i < size.length; i++) {
            long s = size[size.length - 1 - i], t = shape[shape.length - 1 - i];
            expandable = s == t || s == 1;
        }
        if (!expandable) {
            throw new IllegalArgumentException("size {" + java.util.Arrays.toString(size) + "} is not expandable to size {"
                    + java.util.Arrays.toString(shape) + "}.");
        }
        return DerivativeHelpers.sumTo(self, Shapes.checkedShape(size));
    }

    /** A clone of self with src copied into the part picked by part (select, slice or diagonal). */
    public static Tensor scatterInto(Tensor self, Tensor src, UnaryOperator<Tensor> part) {
        Tensor out = self.clone();
        Tensor target = part.apply(out);
        if (!java.util.Arrays.equals(target.shape(), src.shape())) {
            throw new IllegalArgumentException("expected src to have a size equal to the slice of self. src size = "
                    + java.util.Arrays.toString(src.shape()) + ", slice size = " + java.util.Arrays.toString(target.shape()));
        }
        target.copy_(src);
        return out;
    }

    public static Tensor maskedScatter(Tensor self, Tensor mask, Tensor source) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_scatter_ only supports boolean masks, but got mask with dtype " + mask.dtype().scalarTypeName());
        }
        if (self.dtype() != source.dtype()) {
            throw new IllegalArgumentException("masked_scatter: expected self and source to have same dtypes but got "
                    + self.dtype().scalarTypeName() + " and " + source.dtype().scalarTypeName());
        }
        long[] shape = Torch.broadcastShapes(self.shape(), mask.shape());
        Tensor m = mask.expand(shape);
        Tensor position;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor flat = m.reshape(-1);
            long ones = flat.sum().itemLong();
            if (ones > source.numel()) throw new IllegalArgumentException("Number of elements of source < number of ones in mask");
            Tensor before = flat.cumsum(0).sub(1L);
            position = Torch.where(before.lt(0L), Torch.zerosLike(before), before).reshape(shape);
        }
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor picked = source.numel() == 0 ? Torch.zerosLike(self.expand(shape)) : source.reshape(-1).index(position.reshape(-1)).reshape(shape);
            r = Torch.where(m, picked, self.expand(shape));
        }
        return dev.jgrad.internal.autograd.Derivatives.maskedScatter(r, self, m, source);
    }

    public static Tensor put(Tensor self, Tensor index, Tensor source, boolean accumulate) {
        long n = self.numel();
        if (index.numel() != source.numel()) {
            throw new IllegalArgumentException("put_(): Expected source and index to have the same number of elements, but got source.numel() = "
                    + source.numel() + ", index.numel() = " + index.numel());
        }
        Tensor idx;
        try (var guard = GradMode.setEnabled(false)) {
            if (index.numel() > 0) {
                long lo = index.min().itemLong(), hi = index.max().itemLong();
                long bad = hi >= n ? hi : lo < -n ? lo : Long.MIN_VALUE;
                if (bad != Long.MIN_VALUE) {
                    throw new IllegalArgumentException("out of range: tried to access index " + bad + " on a tensor of " + n + " elements.");
                }
            }
            idx = Torch.where(index.lt(0L), index.add(n), index).reshape(-1);
        }
        return self.reshape(-1).indexPut(new Tensor[] {idx}, source.reshape(-1).to(self.dtype()), accumulate).reshape(self.shape());
    }

    public static Tensor fillDiagonal_(Tensor self, double value, boolean wrap) {
        int nd = self.dim();
        if (nd < 2) throw new IllegalArgumentException("dimensions must larger than 1");
        long[] shape = self.shape();
        if (nd > 2) {
            for (long s : shape) if (s != shape[0]) throw new IllegalArgumentException("all dimensions of input must be of equal length");
        }
        long n = nd == 2 ? Math.min(shape[0], shape[1]) : shape[0];
        long step = 0, mul = 1;
        for (int i = nd - 1; i >= 0; i--) {
            step += mul;
            mul *= shape[i];
        }
        long count = n;
        if (nd == 2 && wrap && shape[0] > shape[1] + 1) count = (self.numel() + step - 1) / step;  // every step elements of the flat storage
        long[] flat = new long[(int) count];
        for (int i = 0; i < count; i++) flat[i] = i * step;
        Tensor idx = Torch.tensor(flat);
        return self.put_(idx, Torch.fullLike(idx, value).to(self.dtype()));
    }

    public static Tensor mvlgamma(Tensor self, int p) {
        if (p < 1) throw new IllegalArgumentException("p has to be greater than or equal to 1");
        // 1.13 no longer checks the domain x > (p - 1) / 2: outside it lgamma's poles give inf
        Tensor x = self.isFloatingPoint() ? self : self.to(DType.FLOAT32);
        Tensor args = Torch.arange(-p * 0.5 + 0.5, 0.5, 0.5).to(x.dtype());
        return args.add(x.unsqueeze(-1)).lgamma().sum(-1).add(p * (p - 1) * Math.log(Math.PI) * 0.25);
    }

    /** Euclid's algorithm on whole tensors: |a|, |b|, then (a, b) -> (b mod a, a) until a is 0 everywhere. */
    public static Tensor gcd(Tensor self, Tensor other) {
        if (self.isFloatingPoint() || other.isFloatingPoint() || self.dtype() == DType.BOOL) {
            DType t = self.isFloatingPoint() ? self.dtype() : other.dtype();
            throw new IllegalArgumentException("\"gcd_cpu\" not implemented for '" + t.scalarTypeName() + "'");
        }
        try (var guard = GradMode.setEnabled(false)) {
            long[] shape = Torch.broadcastShapes(self.shape(), other.shape());
            Tensor a = self.abs().expand(shape).clone(), b = other.abs().expand(shape).clone();
            while (a.ne(0L).any().itemBool()) {
                Tensor nz = a.ne(0L);
                Tensor safe = Torch.where(nz, a, Torch.onesLike(a));
                Tensor next = Torch.where(nz, b.remainder(safe), Torch.zerosLike(a));
                b = Torch.where(nz, a, b);
                a = next;
            }
            return b;
        }
    }

    public static Tensor lcm(Tensor self, Tensor other) {
        if (self.isFloatingPoint() || other.isFloatingPoint() || self.dtype() == DType.BOOL) {
            DType t = self.isFloatingPoint() ? self.dtype() : other.dtype();
            throw new IllegalArgumentException("\"lcm_cpu\" not implemented for '" + t.scalarTypeName() + "'");
        }
        try (var guard = GradMode.setEnabled(false)) {
            Tensor g = gcd(self, other);
            Tensor safe = Torch.where(g.eq(0L), Torch.onesLike(g), g);
            return Torch.where(g.eq(0L), Torch.zerosLike(g), self.floorDivide(safe).mul(other).abs());
        }
    }
}
