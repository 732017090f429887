package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.ValuesIndices;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import java.util.List;

/**
 * Statistics read off sorted values (quantile, nanquantile, kthvalue), the NaN-ignoring sum and mean, aminmax and
 * histc; built on sort, gather and bincount as PyTorch builds them, so they need no kernel of their own.
 */
public final class OrderStatistics {
    private OrderStatistics() {}

    private static final List<String> INTERPOLATIONS = List.of("linear", "lower", "higher", "midpoint", "nearest");

    /** The sum with NaNs counted as zero. */
    public static Tensor nansum(Tensor self, int[] dims, boolean keepdim) {
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor x = self.isFloatingPoint() ? Torch.where(self.isnan(), Torch.zerosLike(self), self) : self;
            r = dims == null ? x.sum() : x.sum(dims, keepdim);
        }
        return Derivatives.nansum(r, self, dims, keepdim);
    }

    /** The mean of the non-NaN elements (NaN where there are none). */
    public static Tensor nanmean(Tensor self, int[] dims, boolean keepdim) {
        if (!self.isFloatingPoint()) {
            throw new IllegalArgumentException("nanmean(): expected input to have floating point dtype but got " + self.dtype().scalarTypeName());
        }
        Tensor count;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor present = self.isnan().logicalNot();
            count = dims == null ? present.sum() : present.sum(dims, keepdim);
        }
        return nansum(self, dims, keepdim).div(count);
    }

    /** (min, max) over all elements or one dim. */
    public static List<Tensor> aminmax(Tensor self, Integer dim, boolean keepdim) {
        if (self.numel() == 0 && (dim == null || self.size(dim) == 0)) {
            throw new IllegalArgumentException("aminmax(): cannot compute aminmax over an empty dimension as the operation has no identity.");
        }
        if (dim == null) {
            Tensor lo = self.min(), hi = self.max();
            if (keepdim) {
                long[] ones = new long[self.dim()];
                java.util.Arrays.fill(ones, 1);
                lo = lo.reshape(ones);
                hi = hi.reshape(ones);
            }
            return List.of(lo, hi);
        }
        return List.of(self.amin(dim, keepdim), self.amax(dim, keepdim));
    }

    /** The k-th smallest along dim, with its index. */
    public static ValuesIndices kthvalue(Tensor self, long k, int dim, boolean keepdim) {
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        long n = self.dim() == 0 ? 1 : self.size(d);
        if (k < 1 || k > n) throw new IllegalArgumentException("kthvalue(): selected number k out of range for dimension " + dim);
        dev.jgrad.internal.core.Checks.requireHalfKernel(self, "kthvalue_cpu", false);
        Tensor values, indices;
        try (var guard = GradMode.setEnabled(false)) {
            ValuesIndices sorted = self.dim() == 0 ? new ValuesIndices("sort", self, Torch.zerosLike(self, DType.INT64)) : self.sort(d);
            values = self.dim() == 0 ? self.clone() : sorted.values().select(d, k - 1);
            indices = self.dim() == 0 ? sorted.indices() : sorted.indices().select(d, k - 1);
            if (keepdim && self.dim() > 0) {
                values = values.unsqueeze(d);
                indices = indices.unsqueeze(d);
            }
        }
        return new ValuesIndices("kthvalue", Derivatives.kthvalue(values, self, d, indices, keepdim), indices);
    }

    /** quantile(s) q along dim (all elements when dim is null), interpolated as PyTorch's five modes. */
    public static Tensor quantile(Tensor self, Tensor q, Integer dim, boolean keepdim, String interpolation, boolean ignoreNan) {
        String fn = ignoreNan ? "nanquantile()" : "quantile()";
        if (!self.isFloatingPoint()) throw new IllegalArgumentException(fn + " input tensor must be either float or double dtype");
        if (q.dim() > 1) throw new IllegalArgumentException(fn + " q must be a scalar or 1D tensor");
        if (q.dtype() != self.dtype()) throw new IllegalArgumentException(fn + " q tensor must be same dtype as the input tensor");
        if (!INTERPOLATIONS.contains(interpolation)) {
            throw new IllegalArgumentException(fn + " interpolation must be one of linear, lower, higher, midpoint or nearest, but got " + interpolation);
        }
        try (var guard = GradMode.setEnabled(false)) {
            if (q.numel() > 0 && (q.lt(0L).any().itemBool() || q.gt(1L).any().itemBool())) {
                throw new IllegalArgumentException(fn + " q values must be in the range [0, 1]");
            }
        }
        if (self.numel() == 0) throw new IllegalArgumentException(fn + " input tensor must be non-empty");
        // sorted: the values along the reduced dim(s), last; one leading dim per q when q is 1-d
        Tensor x = dim == null ? self.reshape(-1) : self.movedim(Shapes.wrapDim(dim, Math.max(1, self.dim())), -1);
        if (self.dim() == 0) x = self.reshape(1);
        Tensor sorted = x.sort(-1).values();
        long last = sorted.size(-1) - 1;
        Tensor ranks;
        try (var guard = GradMode.setEnabled(false)) {
            Tensor qs = q.reshape(q.dim() == 0 ? new long[] {1} : new long[] {q.numel()});
            long[] view = new long[sorted.dim() + 1];
            java.util.Arrays.fill(view, 1);
            view[0] = qs.numel();
            qs = qs.reshape(view);
            Tensor sortedNoGrad = sorted.detach().unsqueeze(0);
            if (ignoreNan) {
                Tensor counts = sortedNoGrad.isnan().logicalNot().sum(new int[] {-1}, true).to(self.dtype()).sub(1L);
                ranks = qs.mul(counts);
                ranks = Torch.where(ranks.lt(0L), Torch.zerosLike(ranks), ranks);
            } else {
                Tensor hasNan = sortedNoGrad.isnan().any(-1, true);
                Tensor r = qs.mul(last);
                long[] shape = Torch.broadcastShapes(r.shape(), hasNan.shape());
                ranks = Torch.where(hasNan.expand(shape), Torch.full(shape, (double) last, self.dtype()), r.expand(shape));
            }
            ranks = switch (interpolation) {
                case "lower" -> ranks.floor();
                case "higher" -> ranks.ceil();
                case "nearest" -> ranks.round();
                default -> ranks;
            };
        }
        long[] sizes = new long[sorted.dim() + 1];
        java.util.Arrays.fill(sizes, -1);
        sizes[0] = ranks.size(0);
        Tensor expanded = sorted.unsqueeze(0).expand(sizes);
        long[] gatherShape = expanded.shape();
        gatherShape[gatherShape.length - 1] = 1;
        Tensor below = ranks.toLong().expand(gatherShape);
        Tensor value = expanded.gather(-1, below);
        if (interpolation.equals("linear") || interpolation.equals("midpoint")) {
            Tensor weights;
            Tensor above;
            try (var guard = GradMode.setEnabled(false)) {
                weights = interpolation.equals("midpoint") ? Torch.fullLike(ranks, 0.5) : ranks.sub(ranks.toLong().to(self.dtype()));
                above = ranks.ceil().toLong().expand(gatherShape);
            }
            value = value.lerp(expanded.gather(-1, above), weights.expand(gatherShape));
        }
        Tensor r = value.squeeze(-1);  // (q, rest...)
        if (keepdim) {
            if (dim == null) {
                long[] ones = new long[self.dim() + 1];
                java.util.Arrays.fill(ones, 1);
                ones[0] = r.size(0);
                r = r.reshape(ones);
            } else {
                r = r.unsqueeze(-1).movedim(-1, Shapes.wrapDim(dim, Math.max(1, self.dim())) + 1);
            }
        }
        return q.dim() == 0 ? r.squeeze(0) : r;
    }

    /** Counts of values in bins equal-width bins over [min, max] (the data's range when both are 0); float result. */
    public static Tensor histc(Tensor self, long bins, double min, double max) {
        if (!self.isFloatingPoint()) throw new IllegalArgumentException("\"histogram_cpu\" not implemented for '" + self.dtype().scalarTypeName() + "'");
        if (bins <= 0) throw new IllegalArgumentException("torch.histogram(): bins must be > 0, but got " + bins + " for dimension 0");
        if (min > max) throw new IllegalArgumentException("torch.histc: max must be larger than min");
        try (var guard = GradMode.setEnabled(false)) {
            Tensor x = self.reshape(-1);
            double lo = min, hi = max;
            if (lo == hi && x.numel() > 0) {
                lo = x.min().item();
                hi = x.max().item();
            }
            if (lo == hi) {
                lo -= 1;
                hi += 1;
            }
            Tensor inside = x.ge(lo).logicalAnd(x.le(hi));
            Tensor v = x.maskedSelect(inside).to(DType.FLOAT64);
            Tensor pos = v.sub(lo).mul((double) bins).div(hi - lo).floor().toLong();
            pos = Torch.where(pos.ge(bins), Torch.fullLike(pos, (double) (bins - 1)).toLong(), pos);
            return Torch.bincount(pos, null, bins).to(self.dtype());
        }
    }
}
