package dev.jgrad.internal.autograd;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.TensorInternals;
import java.util.List;

/**
 * Backward formulas too long for one line of the {@link Derivatives} table (PyTorch keeps these in
 * FunctionsManual.cpp). All are written with differentiable tensor ops or recorded as ops of their own,
 * so gradients of gradients work.
 */
public final class DerivativeHelpers {
    private DerivativeHelpers() {}

    /** Sums a broadcast gradient back to shape: extra leading dims away, then size-1 dims kept. */
    public static Tensor sumTo(Tensor g, int[] shape) {
        int[] have = TensorInternals.shape(g);
        if (java.util.Arrays.equals(have, shape)) return g;
        int lead = have.length - shape.length;
        Tensor r = g;
        if (lead > 0) {
            int[] dims = new int[lead];
            for (int i = 0; i < lead; i++) dims[i] = i;
            r = r.sum(dims, false);
        }
        int count = 0;
        for (int i = 0; i < shape.length; i++) if (shape[i] == 1 && have[lead + i] != 1) count++;
        if (count > 0) {
            int[] dims = new int[count];
            for (int i = 0, j = 0; i < shape.length; i++) if (shape[i] == 1 && have[lead + i] != 1) dims[j++] = i;
            r = r.sum(dims, true);
        }
        return r;
    }

    /**
     * a @ b for a backward formula: outside createGraph, into a gradient storage the engine recycled
     * ({@link GradientPool}) when one of the product's size is kept, else a fresh one as {@code a.mm(b)}; same bits.
     */
    static Tensor mmReusing(Tensor a, Tensor b) {
        // intoRecycled leaves createGraph and non-float products to mm; these are mm's own conditions
        if (b.dtype() != a.dtype() || a.dim() != 2 || b.dim() != 2) return a.mm(b);
        int[] as = TensorInternals.shape(a), bs = TensorInternals.shape(b);
        if (as[1] != bs[0] || as[1] == 0) return a.mm(b);  // the GEMM writes nothing when k is 0: mm's zeros are needed
        return intoRecycled(a, new int[] {as[0], bs[1]}, out -> out == null ? a.mm(b) : dev.jgrad.internal.ops.LinearAlgebra.mmInto(a, b, out));
    }

    /**
     * A backward kernel's result of shape, like's dtype and device: outside createGraph written into a gradient storage
     * the engine recycled ({@link GradientPool}) when one of that size is kept (kernel gets it, and must overwrite every
     * element), else into a fresh one (kernel gets null); either way marked as made here, so it can be recycled later.
     */
    static Tensor intoRecycled(Tensor like, int[] shape, java.util.function.UnaryOperator<Tensor> kernel) {
        DType d = like.dtype();
        if (GradMode.isEnabled() || (d != DType.FLOAT32 && d != DType.FLOAT64)) return kernel.apply(null);
        return GradientPool.made(kernel.apply(GradientPool.take(like, shape, d)));
    }

    public static long[] toLong(int[] shape) {
        long[] r = new long[shape.length];
        for (int i = 0; i < shape.length; i++) r[i] = shape[i];
        return r;
    }

    /** The gradient of a reduction over dims, broadcast back over the input's shape. */
    public static Tensor expandReduced(Tensor g, int[] inputShape, int[] dims, boolean keepdim) {
        Tensor r = g;
        if (!keepdim && inputShape.length > 0) {
            int[] sorted = wrapped(dims, inputShape.length);
            java.util.Arrays.sort(sorted);
            for (int d : sorted) r = r.unsqueeze(d);
        }
        return r.expand(toLong(inputShape));
    }

    public static int[] wrapped(int[] dims, int ndim) {
        if (dims == null || dims.length == 0) {
            int[] all = new int[ndim];
            for (int i = 0; i < ndim; i++) all[i] = i;
            return all;
        }
        int[] r = new int[dims.length];
        for (int i = 0; i < dims.length; i++) r[i] = dims[i] < 0 ? dims[i] + ndim : dims[i];
        return r;
    }

    /** Re-inserts a reduced dim so a per-slice value broadcasts against the input. */
    public static Tensor keep(Tensor t, int dim, boolean keepdim, int ndim) {
        return keepdim || ndim == 0 ? t : t.unsqueeze(dim);
    }

    /** grad of select: zeros of the input's shape with grad at the selected index (its own op, so it can be differentiated). */
    public static Tensor selectBackward(Tensor grad, int[] inputShape, int dim, long index) {
        Tensor out;
        try (var guard = GradMode.setEnabled(false)) {
            out = grad.newZeros(toLong(inputShape));
            out.select(dim, index).copy_(grad);
        }
        return Derivatives.selectBackwardRow(out, grad, dim, index);
    }

    public static Tensor sliceBackward(Tensor grad, int[] inputShape, int dim, long start, long end, long step) {
        Tensor out;
        try (var guard = GradMode.setEnabled(false)) {
            out = grad.newZeros(toLong(inputShape));
            out.slice(dim, start, end, step).copy_(grad);
        }
        return Derivatives.sliceBackwardRow(out, grad, dim, start, end, step);
    }

    /** max(dim)/min(dim): the gradient goes to the selected positions only. */
    public static Tensor valueSelectingBackward(Tensor grad, int dim, Tensor indices, int[] inputShape, boolean keepdim) {
        int nd = inputShape.length;
        Tensor g = keep(grad, dim, keepdim, nd), idx = keep(indices, dim, keepdim, nd);
        if (nd == 0) return grad;
        return grad.newZeros(toLong(inputShape)).scatterAdd(dim, idx, g);
    }

    /** max()/min() over everything: the gradient is shared evenly among the tied extreme elements. */
    public static Tensor evenlyDistribute(Tensor grad, Tensor input, Tensor value) {
        Tensor mask = input.eq(value);
        if (input.isFloatingPoint() && Double.isNaN(value.item())) mask = input.ne(input);
        Tensor m = mask.to(grad.dtype());
        return m.mul(grad.div(m.sum()));
    }

    /** amax/amin along dims: like evenlyDistribute, per reduced slice. */
    public static Tensor evenlyDistributeDim(Tensor grad, Tensor input, Tensor value, int dim, boolean keepdim) {
        int nd = input.dim();
        Tensor v = keep(value, dim, keepdim, nd), g = keep(grad, dim, keepdim, nd);
        Tensor m = input.eq(v).to(grad.dtype());
        return m.mul(g.div(m.sum(dim, true)));
    }

    /**
     * prod: grad * (the product of all other elements). Without zeros that is result / input; with zeros
     * it is built from prefix and suffix products (PyTorch's prod_safe_zeros_backward), which stays
     * differentiable, so higher orders are right too.
     */
    public static Tensor prodBackward(Tensor grad, Tensor input, Tensor result, Integer dim, boolean keepdim) {
        if (input.dim() == 0) return grad;
        boolean anyZero = input.eq(0.0).any().itemBool();
        if (dim == null) {
            if (!anyZero) return grad.mul(result).div(input);
            long zeros = input.eq(0.0).sum().itemLong();
            if (zeros >= 2) return Torch.zerosLike(input);
            return grad.mul(othersProduct(input.reshape(-1), 0)).reshape(input.shape());
        }
        int nd = input.dim();
        Tensor g = keep(grad, dim, keepdim, nd);
        if (!anyZero) return g.mul(keep(result, dim, keepdim, nd)).div(input);
        return g.mul(othersProduct(input, dim));
    }

    /** For each position along dim, the product of the other slices: exclusive prefix times exclusive suffix products. */
    private static Tensor othersProduct(Tensor x, int dim) {
        List<Tensor> slices = x.unbind(dim);
        int r = slices.size();
        Tensor[] prefix = new Tensor[r], suffix = new Tensor[r];
        prefix[0] = Torch.onesLike(slices.get(0));
        for (int k = 1; k < r; k++) prefix[k] = prefix[k - 1].mul(slices.get(k - 1));
        suffix[r - 1] = Torch.onesLike(slices.get(r - 1));
        for (int k = r - 2; k >= 0; k--) suffix[k] = suffix[k + 1].mul(slices.get(k + 1));
        List<Tensor> out = new java.util.ArrayList<>(r);
        for (int k = 0; k < r; k++) out.add(prefix[k].mul(suffix[k]));
        return Torch.stack(out, dim);
    }

    /** The p-norm's gradient: grad * x * |x|^(p-2) / norm^(p-1), with the 0/0 cases set to 0. */
    public static Tensor normBackward(Tensor grad, Tensor input, Tensor norm, double p, int[] dims, boolean keepdim) {
        int[] shape = TensorInternals.shape(input);
        Tensor g = keepdim ? grad : unsqueezeAll(grad, dims, shape.length);
        Tensor n = keepdim ? norm : unsqueezeAll(norm, dims, shape.length);
        if (p == 0) return Torch.zerosLike(input);
        if (p == 1) return input.sign().mul(g);
        if (p == 2) {
            Tensor scale = g.div(n);
            return input.mul(Torch.where(n.eq(0.0), Torch.zerosLike(scale), scale));
        }
        if (Double.isInfinite(p)) {
            Tensor absX = input.abs();
            Tensor mask = absX.eq(n).to(input.dtype());
            int[] d = wrapped(dims, shape.length);
            Tensor count = d.length == shape.length ? mask.sum() : mask.sum(d, true);
            return input.sign().mul(mask).mul(g.div(count));
        }
        Tensor self = input.mul(input.abs().pow(p - 2));
        Tensor scale = g.div(n.pow(p - 1));
        return self.mul(Torch.where(n.eq(0.0), Torch.zerosLike(scale), scale));
    }

    private static Tensor unsqueezeAll(Tensor t, int[] dims, int ndim) {
        if (ndim == 0) return t;
        int[] d = wrapped(dims, ndim);
        if (d.length == ndim && TensorInternals.shape(t).length == 0) {
            Tensor r = t;
            for (int i = 0; i < ndim; i++) r = r.unsqueeze(0);
            return r;
        }
        java.util.Arrays.sort(d);
        Tensor r = t;
        for (int x : d) r = r.unsqueeze(x);
        return r;
    }

    /** prelu's weight shaped to broadcast over dim 1 of x. */
    public static Tensor preluWeight(Tensor weight, Tensor x) { return weight.reshape(preluWeightShape(weight, x)); }

    public static long[] preluWeightShape(Tensor weight, Tensor x) {
        if (weight.numel() == 1 || x.dim() < 2) return weight.numel() == 1 ? new long[0] : new long[] {weight.numel()};
        long[] shape = new long[x.dim() - 1];
        java.util.Arrays.fill(shape, 1);
        shape[0] = weight.numel();
        return shape;
    }

    /** var's gradient: 2 (self - mean) / (N - correction) times grad, grad unsqueezed back where keepdim dropped dims. */
    public static Tensor varBackward(Tensor grad, Tensor self, int[] dims, long correction, boolean keepdim) {
        int nd = self.dim();
        long n = 1;
        for (int d : dims) n *= nd == 0 ? 1 : self.size(d);
        Tensor g = grad;
        if (!keepdim && nd > 0) {
            int[] sorted = dims.clone();
            java.util.Arrays.sort(sorted);
            for (int d : sorted) g = g.unsqueeze(d);
        }
        return g.mul(2.0 / (n - correction)).mul(self.sub(self.mean(dims, true)));
    }

    /** sum over positions j >= i along dim: flip, running sum, flip back. */
    public static Tensor reversedCumsum(Tensor g, int dim) {
        return g.flip(dim).cumsum(dim).flip(dim);
    }

    /**
     * cumprod's gradient: input i feeds every output j >= i with d out_j / d x_i = prod_{k <= j, k != i} x_k.
     * Without zeros that is out_j / x_i (one reversed running sum); with a zero, the products are formed
     * directly over an (n, n) grid per line, which is exact but quadratic.
     */
    public static Tensor cumprodBackward(Tensor grad, Tensor self, Tensor result, int dim) {
        if (self.dim() == 0 || self.numel() == 0) return grad;
        boolean zeros;
        try (var guard = GradMode.setEnabled(false)) {
            zeros = !self.device().isMeta() && self.eq(0L).any().itemBool();
        }
        if (!zeros) return reversedCumsum(grad.mul(result), dim).div(self);
        long n = self.size(dim);
        Tensor x = self.movedim(dim, -1), g = grad.movedim(dim, -1);
        long[] grid = java.util.Arrays.copyOf(x.shape(), x.dim() + 1);
        grid[x.dim() - 1] = n;
        grid[x.dim()] = n;
        Tensor diag, after;
        try (var guard = GradMode.setEnabled(false)) {
            diag = Torch.eye(DType.BOOL, n, n).to(self.device());                        // [i][j]: j == i
            after = Torch.ones(DType.BOOL, n, n).triu(0).logicalNot().to(self.device());  // [i][j]: j < i
        }
        Tensor products = x.unsqueeze(-2).expand(grid).maskedFill(diag, 1.0).cumprod(-1);  // [.., i, j] = prod_{k<=j, k!=i} x_k
        Tensor terms = products.mul(g.unsqueeze(-2)).maskedFill(after, 0.0);
        return terms.sum(-1).movedim(-1, dim);
    }

    /** unfold's gradient: the window dim and the window's own dim made one (window w, element j at w * step + j), added into the input. */
    public static Tensor unfoldBackward(Tensor grad, int[] inputShape, int dim, long size, long step) {
        if (inputShape.length == 0) return grad.sum();
        long windows = grad.size(dim);
        Tensor g = grad.movedim(grad.dim() - 1, dim + 1);  // (..., windows, size, ...)
        long[] merged = new long[g.dim() - 1];
        for (int i = 0, k = 0; i < g.dim(); i++) {
            if (i == dim + 1) continue;
            merged[k++] = i == dim ? windows * size : g.size(i);
        }
        g = g.reshape(merged);
        long[] positions = new long[(int) (windows * size)];
        for (int w = 0; w < windows; w++) for (int j = 0; j < size; j++) positions[(int) (w * size + j)] = w * step + j;
        return NnDerivativeHelpers.indexAddInto(g, inputShape, dim, Torch.tensor(positions).to(grad.device()));
    }

    /** repeat's gradient: the tiles of each dim, split off as their own dims, summed away. */
    public static Tensor repeatBackward(Tensor grad, long[] repeats, int[] inputShape) {
        int pad = repeats.length - inputShape.length;
        long[] tiles = new long[2 * repeats.length];
        int[] tileDims = new int[repeats.length];
        for (int i = 0; i < repeats.length; i++) {
            tiles[2 * i] = repeats[i];
            tiles[2 * i + 1] = i < pad ? 1 : inputShape[i - pad];
            tileDims[i] = 2 * i;
        }
        return grad.reshape(tiles).sum(tileDims, false).reshape(toLong(inputShape));
    }

    /** diagonal's gradient: zeros of the input's shape with grad on that diagonal (its own op, so it can be differentiated). */
    public static Tensor diagonalBackward(Tensor grad, int[] inputShape, long offset, int dim1, int dim2) {
        Tensor out;
        try (var guard = GradMode.setEnabled(false)) {
            out = grad.newZeros(toLong(inputShape));
            out.diagonal(offset, dim1, dim2).copy_(grad);
        }
        return Derivatives.diagonalBackwardRow(out, grad, offset, dim1, dim2);
    }
}
