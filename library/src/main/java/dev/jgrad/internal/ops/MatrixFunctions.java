package dev.jgrad.internal.ops;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Checks;
import dev.jgrad.internal.core.Shapes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The torch.linalg functions PyTorch builds from other ops (norms, pinv, matrix_rank, matrix_power, cross,
 * multi_dot), composed as PyTorch composes them so that results, grad_fn names and messages match.
 */
public final class MatrixFunctions {
    private MatrixFunctions() {}

    /** A double as C++'s ostream prints it in messages: 6 significant digits, "inf", "nan". */
    static String fmt(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        return new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- norms

    /** linalg.vector_norm: the ord-norm over dims (null: all), any real ord. */
    public static Tensor vectorNorm(Tensor x, double ord, int[] dims, boolean keepdim) {
        if (!x.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException("linalg.vector_norm: Expected a floating point or complex tensor as input. Got "
                    + x.dtype().scalarTypeName());
        }
        if (x.numel() == 0 && (ord < 0 || ord == Double.POSITIVE_INFINITY)) {
            if (dims == null || dims.length == 0) {
                throw new IllegalArgumentException("linalg.vector_norm cannot compute the " + fmt(ord)
                        + " norm on an empty tensor because the operation does not have an identity");
            }
            for (int d : dims) {
                if (x.size(d) == 0) {
                    throw new IllegalArgumentException("linalg.vector_norm cannot compute the " + fmt(ord) + " norm on the dimension " + d
                            + "because this dimension is empty and the operation does not have an identity");
                }
            }
        }
        Tensor r = Reductions.normNoGrad(x, ord, dims, keepdim);
        return Derivatives.linalgVectorNorm(r, x, ord, dims, keepdim);
    }

    /** The two matrix dims wrapped, checked as _linalg_matrix_norm_checks does. */
    private static int[] matrixDims(Tensor a, int[] dim) {
        Decompositions.matrices(a, "linalg.matrix_norm");
        Decompositions.floating(a, "linalg.matrix_norm");
        if (dim.length != 2) throw new IllegalArgumentException("linalg.matrix_norm: dim must be a 2-tuple. Got " + Shapes.format(dim));
        int d0 = Shapes.wrapDim(dim[0], a.dim()), d1 = Shapes.wrapDim(dim[1], a.dim());
        if (d0 == d1) throw new IllegalArgumentException("linalg.matrix_norm: dims must be different. Got (" + d0 + ", " + d1 + ")");
        return new int[] {d0, d1};
    }

    /** linalg.matrix_norm with ord 2, -2 (from the singular values), 1, -1, inf, -inf (max/min of column/row sums). */
    public static Tensor matrixNorm(Tensor a, double ord, int[] dim, boolean keepdim) {
        double abs = Math.abs(ord);
        if (abs != 2 && abs != 1 && abs != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("linalg.matrix_norm: Order " + fmt(ord) + " not supported.");
        }
        int[] d = matrixDims(a, dim);
        if (abs == 2) {
            int[] perm = backshift(d[0], d[1], a.dim());
            Tensor sv = Decompositions.svd(a.permute(perm), false, false, "linalg.svd")[0];
            Tensor r = ord > 0 ? sv.amax(-1, keepdim) : sv.amin(-1, keepdim);
            return keepdim ? r.unsqueeze(-1).permute(inverse(perm)) : r;
        }
        int d0 = d[0], d1 = d[1];
        if (abs == Double.POSITIVE_INFINITY) {
            d0 = d[1];
            d1 = d[0];
        }
        if (!keepdim && d0 < d1) d1--;
        Tensor sums = vectorNorm(a, 1, new int[] {d0}, keepdim);
        return ord > 0 ? sums.amax(d1, keepdim) : sums.amin(d1, keepdim);
    }

    /** linalg.matrix_norm with ord "fro" (the 2-norm of the entries) or "nuc" (the sum of the singular values). */
    public static Tensor matrixNorm(Tensor a, String ord, int[] dim, boolean keepdim) {
        if (!ord.equals("fro") && !ord.equals("nuc")) throw new IllegalArgumentException("linalg.matrix_norm: Order " + ord + " not supported.");
        int[] d = matrixDims(a, dim);
        if (ord.equals("fro")) return vectorNorm(a, 2, d, keepdim);
        int[] perm = backshift(d[0], d[1], a.dim());
        Tensor r = Decompositions.svd(a.permute(perm), false, false, "linalg.svd")[0].sum(new int[] {-1}, keepdim);
        return keepdim ? r.unsqueeze(-1).permute(inverse(perm)) : r;
    }

    /** The dims other than d0 and d1 in order, then d0, d1. */
    private static int[] backshift(int d0, int d1, int ndim) {
        int[] p = new int[ndim];
        int j = 0;
        for (int i = 0; i < ndim; i++) if (i != d0 && i != d1) p[j++] = i;
        p[ndim - 2] = d0;
        p[ndim - 1] = d1;
        return p;
    }

    private static int[] inverse(int[] p) {
        int[] r = new int[p.length];
        for (int i = 0; i < p.length; i++) r[p[i]] = i;
        return r;
    }

    /** linalg.norm with a numeric ord (NaN: none): a matrix norm over 2 dims, else a vector norm. */
    public static Tensor norm(Tensor x, Double ord, int[] dim, boolean keepdim) {
        if (dim != null) {
            if (dim.length != 1 && dim.length != 2) {
                throw new IllegalArgumentException("linalg.norm: If dim is specified, it must be of length 1 or 2. Got " + Shapes.format(dim));
            }
        } else if (ord != null && x.dim() != 1 && x.dim() != 2) {
            throw new IllegalArgumentException("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got " + x.dim() + "D.");
        }
        if (ord != null && ((dim != null && dim.length == 2) || (dim == null && x.dim() == 2))) {
            return matrixNorm(x, ord, dim != null ? dim : new int[] {0, 1}, keepdim);
        }
        return vectorNorm(x, ord == null ? 2 : ord, dim, keepdim);
    }

    /** linalg.norm with "fro" or "nuc": always a matrix norm. */
    public static Tensor norm(Tensor x, String ord, int[] dim, boolean keepdim) {
        if (dim != null) {
            if (dim.length != 1 && dim.length != 2) {
                throw new IllegalArgumentException("linalg.norm: If dim is specified, it mut be of length 1 or 2. Got " + Shapes.format(dim));
            }
        } else if (x.dim() != 1 && x.dim() != 2) {
            throw new IllegalArgumentException("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got " + x.dim() + "D.");
        }
        return matrixNorm(x, ord, dim != null ? dim : new int[] {0, 1}, keepdim);
    }

    // ---------------------------------------------------------------- pinv, matrix_rank, matrix_power

    /** get_atol_rtol: rtol defaults to eps * max(m, n) unless a positive atol was given. */
    private static double rtol(Tensor a, Double atol, Double rtol) {
        if (rtol != null) return rtol;
        if (atol != null && atol > 0) return 0;
        double eps = a.dtype() == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
        return eps * Math.max(a.size(-2), a.size(-1));
    }

    /** linalg.pinv: V diag(1/S where S > max(atol, rtol * S_max)) U^H, or from eigh when hermitian. */
    public static Tensor pinv(Tensor a, Double atol, Double rtol, boolean hermitian) {
        if (a.dim() < 2 || (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64)) {
            throw new IllegalArgumentException("linalg.pinv(" + a.dtype().scalarTypeName() + "{" + Shapes.format(a.shape())
                    + "}): expected a tensor with 2 or more dimensions of float, double, cfloat or cdouble types");
        }
        double at = atol == null ? 0 : atol, rt = rtol(a, atol, rtol);
        Tensor result;
        try (var guard = GradMode.setEnabled(false)) {
            if (a.numel() == 0) {
                long[] s = a.shape().clone();
                s[s.length - 2] = a.size(-1);
                s[s.length - 1] = a.size(-2);
                result = a.newZeros(s);
            } else if (!hermitian) {
                Tensor[] usv = Decompositions.svd(a, false, true, "linalg.svd");
                Tensor s = usv[1];
                Tensor tol = s.narrow(-1, 0, 1).mul(rt).clampMin(at);
                Tensor sInv = Torch.where(s.gt(tol), s.reciprocal(), Torch.zerosLike(s));
                result = usv[2].mT().mul(sInv.unsqueeze(-2)).matmul(usv[0].mT());
            } else {
                Tensor[] wv = Decompositions.eigh(a, "L", true);
                Tensor sAbs = wv[0].abs();
                Tensor tol = sAbs.amax(-1, true).mul(rt).clampMin(at);
                Tensor sInv = Torch.where(sAbs.gt(tol), wv[0].reciprocal(), Torch.zerosLike(sAbs));
                result = wv[1].mul(sInv.unsqueeze(-2)).matmul(wv[1].mT());
            }
        }
        return Derivatives.linalgPinv(result, a);
    }

    /** linalg.matrix_rank: the number of singular values (|eigenvalues| when hermitian) above max(atol, rtol * largest). */
    public static Tensor matrixRank(Tensor a, Double atol, Double rtol, boolean hermitian) {
        if (a.dim() < 2) throw new IllegalArgumentException("torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions.");
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("This function doesn't handle types other than float and double");
        }
        double at = atol == null ? 0 : atol, rt = rtol(a, atol, rtol);
        try (var guard = GradMode.setEnabled(false)) {
            Tensor s = hermitian ? Decompositions.eigh(a, "L", false)[0].abs() : Decompositions.svd(a, false, false, "linalg.svd")[0];
            if (s.size(-1) == 0) return Torch.zeros(DType.INT64, a.device(), Decompositions.longs(Arrays.copyOf(dev.jgrad.internal.TensorInternals.shape(s), s.dim() - 1)));
            Tensor tol = s.amax(-1, true).mul(rt).clampMin(at);
            return s.gt(tol).sum(-1);
        }
    }

    /** linalg.matrix_power: the identity for n = 0, inv(A)^|n| for n < 0, else by binary powering as PyTorch multiplies. */
    public static Tensor matrixPower(Tensor a, long n) {
        Decompositions.square(a, "linalg.matrix_power");
        if (n == 0) return Decompositions.eye(a, a.size(-1)).expand(a.shape()).contiguous();
        if (n == -1) return Decompositions.inv(a);  // the inverse itself, as PyTorch returns it (no clone)
        if (n < 0) {
            a = Decompositions.inv(a);
            n = -n;
        }
        if (n == 1) return a.clone();
        if (n == 2) return a.matmul(a);
        if (n == 3) return a.matmul(a).matmul(a);
        Tensor z = null, result = null;
        while (n > 0) {
            long bit = n % 2;
            n /= 2;
            z = z == null ? a : z.matmul(z);
            if (bit == 1) {
                if (n == 0) return result == null ? z : result.matmul(z);
                result = result == null ? z : result.matmul(z);
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- cross, multi_dot

    /** torch.cross without dim: the first dim of size 3. */
    public static int defaultCrossDim(Tensor input) {
        for (int d = 0; d < input.dim(); d++) if (input.size(d) == 3) return d;
        throw new IllegalArgumentException("no dimension of size 3 in input");
    }

    /** linalg.cross along dim (inputs broadcast): a1 b2 - a2 b1, a2 b0 - a0 b2, a0 b1 - a1 b0. */
    public static Tensor cross(Tensor a, Tensor b, int dim) {
        if (a.dim() != b.dim()) throw new IllegalArgumentException("linalg.cross: inputs must have the same number of dimensions.");
        if (a.size(dim) != 3 || b.size(dim) != 3) {
            throw new IllegalArgumentException("linalg.cross: inputs dimension " + dim + " must have length 3. Got " + a.size(dim) + " and " + b.size(dim));
        }
        int[] shape = Shapes.broadcast(dev.jgrad.internal.TensorInternals.shape(a), dev.jgrad.internal.TensorInternals.shape(b));
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("expected scalar type " + a.dtype().scalarTypeName() + " but found " + b.dtype().scalarTypeName());
        }
        int d = Shapes.wrapDim(dim, shape.length);
        Tensor r;
        try (var guard = GradMode.setEnabled(false)) {
            long[] s = Decompositions.longs(shape);
            Tensor x = a.expand(s), y = b.expand(s);
            Tensor x0 = x.narrow(d, 0, 1), x1 = x.narrow(d, 1, 1), x2 = x.narrow(d, 2, 1);
            Tensor y0 = y.narrow(d, 0, 1), y1 = y.narrow(d, 1, 1), y2 = y.narrow(d, 2, 1);
            r = Torch.cat(List.of(x1.mul(y2).sub(x2.mul(y1)), x2.mul(y0).sub(x0.mul(y2)), x0.mul(y1).sub(x1.mul(y0))), d);
        }
        return Derivatives.linalgCross(r, a, b, d);
    }

    /** linalg.multi_dot: the chain in the cheapest order (PyTorch's matrix-chain order), 1-d ends as row/column vectors. */
    public static Tensor multiDot(List<Tensor> tensors) {
        int n = tensors.size();
        if (n < 2) throw new IllegalArgumentException("multi_dot(): expected at least 2 tensors but got " + n);
        int firstDim = tensors.get(0).dim(), lastDim = tensors.get(n - 1).dim();
        if (firstDim != 1 && firstDim != 2) throw new IllegalArgumentException("multi_dot(): the first tensor must be 1D or 2D but got " + firstDim + "D");
        for (int i = 1; i < n - 1; i++) {
            if (tensors.get(i).dim() != 2) throw new IllegalArgumentException("multi_dot(): tensor " + i + " must be 2D but got " + tensors.get(i).dim() + "D");
        }
        if (lastDim != 1 && lastDim != 2) throw new IllegalArgumentException("multi_dot(): the last tensor must be 1D or 2D but got " + lastDim + "D");
        DType t = tensors.get(0).dtype();
        for (int i = 1; i < n; i++) {
            if (tensors.get(i).dtype() != t) {
                throw new IllegalArgumentException("multi_dot(): all tensors must have be the same dtype but tensor 0 is " + Checks.cppTypeName(t)
                        + " and tensor " + i + " " + Checks.cppTypeName(tensors.get(i).dtype()));
            }
        }
        List<Tensor> m = new ArrayList<>(tensors);
        if (firstDim == 1) m.set(0, m.get(0).unsqueeze(0));
        if (lastDim == 1) m.set(n - 1, m.get(n - 1).unsqueeze(-1));
        for (int i = 0; i < n - 1; i++) {
            if (m.get(i).size(1) != m.get(i + 1).size(0)) {
                throw new IllegalArgumentException("multi_dot(): tensors " + i + " and " + (i + 1) + " with shapes " + Shapes.format(m.get(i).shape())
                        + " and " + Shapes.format(m.get(i + 1).shape()) + " cannot be multiplied");
            }
        }
        Tensor r;
        if (n == 2) {
            r = m.get(0).mm(m.get(1));
        } else if (n == 3) {
            long a = m.get(0).size(0), b = m.get(1).size(0), c = m.get(2).size(0), d = m.get(2).size(1);
            long cost1 = (a * c) * (b + d), cost2 = (b * d) * (a + c);
            r = cost1 > cost2 ? m.get(0).mm(m.get(1).mm(m.get(2))) : m.get(0).mm(m.get(1)).mm(m.get(2));
        } else {
            r = chain(m, chainOrder(m), 0, n - 1);
        }
        if (firstDim == 1 && lastDim == 1) return r.view();
        if (firstDim == 1) return r.view(r.size(1));
        if (lastDim == 1) return r.view(r.size(0));
        return r.view(r.size(0), r.size(1));
    }

    /** matrix_chain_order: s[i][j] the split of the cheapest product of matrices i..j (first strict minimum). */
    private static int[][] chainOrder(List<Tensor> m) {
        int n = m.size();
        long[] p = new long[n + 1];
        for (int i = 0; i < n; i++) p[i] = m.get(i).size(0);
        p[n] = m.get(n - 1).size(1);
        long[][] cost = new long[n][n];
        int[][] s = new int[n][n];
        for (int l = 1; l < n; l++) {
            for (int i = 0; i < n - l; i++) {
                int j = i + l;
                cost[i][j] = Long.MAX_VALUE;
                for (int k = i; k < j; k++) {
                    long q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1];
                    if (q < cost[i][j]) {
                        cost[i][j] = q;
                        s[i][j] = k;
                    }
                }
            }
        }
        return s;
    }

    private static Tensor chain(List<Tensor> m, int[][] s, int i, int j) {
        if (i == j) return m.get(i);
        return chain(m, s, i, s[i][j]).mm(chain(m, s, s[i][j] + 1, j));
    }
}
