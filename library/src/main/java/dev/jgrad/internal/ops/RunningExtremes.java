package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.ValuesIndices;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import java.util.ArrayList;
import java.util.List;

/**
 * cummax, cummin and logcumsumexp: scans whose step is not a sum or product, run one slice of the dim at a time
 * with whole-tensor ops over the other dims (the dim is rarely long where these are used).
 */
public final class RunningExtremes {
    private RunningExtremes() {}

    /** Running maximum and the index where it was reached (the later one on ties; NaN, once seen, stays). */
    public static ValuesIndices cummax(Tensor self, int dim) { return extreme(self, dim, true); }

    public static ValuesIndices cummin(Tensor self, int dim) { return extreme(self, dim, false); }

    private static ValuesIndices extreme(Tensor self, int dim, boolean max) {
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        Tensor values, indices;
        try (var guard = GradMode.setEnabled(false)) {
            if (self.dim() == 0) {
                values = self.clone();
                indices = Torch.zerosLike(self, DType.INT64);
            } else {
                long n = self.size(d);
                List<Tensor> vs = new ArrayList<>(), is = new ArrayList<>();
                Tensor best = null, at = null;
                for (long k = 0; k < n; k++) {
                    Tensor x = self.select(d, k);
                    Tensor here = Torch.fullLike(x, (double) k).toLong();
                    if (best == null) {
                        best = x;
                        at = here;
                    } else {
                        Tensor take = max ? x.ge(best) : x.le(best);  // PyTorch: isnan(x) || (!isnan(best) && x op best)
                        if (x.isFloatingPoint()) take = x.isnan().logicalOr(best.isnan().logicalNot().logicalAnd(take));
                        best = Torch.where(take, x, best);
                        at = Torch.where(take, here, at);
                    }
                    vs.add(best);
                    is.add(at);
                }
                values = n == 0 ? self.clone() : Torch.stack(vs, d);
                indices = n == 0 ? Torch.zerosLike(self, DType.INT64) : Torch.stack(is, d);
            }
        }
        return new ValuesIndices(max ? "cummax" : "cummin", Derivatives.cumExtreme(values, self, d, indices, max), indices);
    }

    /** log(cumsum(exp(x))) as PyTorch's scan computes it: r_k = logaddexp(r_(k-1), x_k). */
    public static Tensor logcumsumexp(Tensor self, int dim) {
        if (!self.isFloatingPoint()) {
            throw new IllegalArgumentException("\"logcumsumexp_out_cpu\" not implemented for '" + self.dtype().scalarTypeName() + "'");
        }
        int d = Shapes.wrapDim(dim, Math.max(1, self.dim()));
        if (self.dim() == 0 || self.size(d) <= 1) return self.mul(1L);
        List<Tensor> out = new ArrayList<>();
        Tensor acc = self.select(d, 0);
        out.add(acc);
        for (long k = 1; k < self.size(d); k++) {
            acc = acc.logaddexp(self.select(d, k));
            out.add(acc);
        }
        return Torch.stack(out, d);
    }
}
