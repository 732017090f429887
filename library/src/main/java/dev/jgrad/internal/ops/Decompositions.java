package dev.jgrad.internal.ops;

import static dev.jgrad.internal.TensorInternals.*;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.autograd.GradMode;
import dev.jgrad.internal.autograd.Derivatives;
import dev.jgrad.internal.core.Shapes;
import java.util.Arrays;

/**
 * The factorisation-backed ops of torch.linalg (inv, det, slogdet, solve, cholesky, eigh, svd, qr): PyTorch's
 * argument checks and messages here, the factorisations are the backend's (luFactor, luSolve, cholesky, eigh,
 * svd, qr), and each result is handed to its {@link Derivatives} row.
 */
public final class Decompositions {
    private Decompositions() {}

    // ---------------------------------------------------------------- PyTorch's input checks

    /** "fn: The input tensor A must have at least 2 dimensions." */
    public static void matrices(Tensor a, String fn) {
        if (a.dim() < 2) throw new IllegalArgumentException(fn + ": The input tensor A must have at least 2 dimensions.");
    }

    /** squareCheckInputs: at least 2 dims, and square. */
    public static void square(Tensor a, String fn) {
        matrices(a, fn);
        long r = a.size(-2), c = a.size(-1);
        if (r != c) throw new IllegalArgumentException(fn + ": A must be batches of square matrices, but they are " + r + " by " + c + " matrices");
    }

    /** checkFloatingOrComplex: float32 and float64 only. */
    public static void floating(Tensor a, String fn) {
        DType t = a.dtype();
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException(fn + ": Expected a floating point or complex tensor as input. Got " + t.scalarTypeName());
        }
        if (t != DType.FLOAT32 && t != DType.FLOAT64) throw new IllegalArgumentException(fn + ": Low precision dtypes not supported. Got " + t.scalarTypeName());
    }

    /** Throws prefix + (batch element) + message(info) for the first batch element whose info is not 0; meta tensors have no values. */
    private static void checkInfo(Tensor info, boolean batched, String prefix, java.util.function.LongFunction<String> message) {
        if (info.device().isMeta() || info.numel() == 0 || !info.ne(0L).any().itemBool()) return;
        Tensor flat = info.reshape(-1);
        for (int b = 0; b < flat.numel(); b++) {
            long v = (long) flat.select(0, b).item();
            if (v != 0) throw new IllegalArgumentException(prefix + (batched ? "(Batch element " + b + "): " : "") + message.apply(v));
        }
    }

    static long[] longs(int[] s) {
        long[] r = new long[s.length];
        for (int i = 0; i < s.length; i++) r[i] = s[i];
        return r;
    }

    /** The n x n identity in like's dtype and device. */
    public static Tensor eye(Tensor like, long n) {
        Tensor e = like.newZeros(n, n);
        e.diagonal().fill_(1.0);
        return e;
    }

    // ---------------------------------------------------------------- LU and its solves

    /** LU with partial pivoting of each matrix of a (..., n, n): lu, 1-based int32 pivots, int32 info. */
    public record Lu(Tensor lu, Tensor pivots, Tensor info) {}

    public static Lu lu(Tensor a) {
        int[] s = shape(a);
        int nd = s.length;
        Tensor lu = Dispatch.empty(a, s, a.dtype());
        Tensor piv = Dispatch.empty(a, Arrays.copyOf(s, nd - 1), DType.INT32);
        Tensor info = Dispatch.empty(a, Arrays.copyOf(s, nd - 2), DType.INT32);
        if (numel(a) > 0) Dispatch.backend(a).luFactor(Dispatch.view(a), Dispatch.view(lu), Dispatch.view(piv), Dispatch.view(info));
        return new Lu(lu, piv, info);
    }

    /** A^-1 b from A's factors; b (..., n, k) has the factors' batch dims. */
    public static Tensor luSolve(Lu f, Tensor b) {
        Tensor x = Dispatch.empty(b, shape(b), b.dtype());
        if (numel(x) > 0) {
            Dispatch.backend(b).luSolve(Dispatch.view(f.lu()), Dispatch.view(f.pivots()), Dispatch.view(b.contiguous()), Dispatch.view(x));
        }
        return x;
    }

    // ---------------------------------------------------------------- inv, det, slogdet, solve

    /** torch.linalg.inv (and torch.inverse): LU, then the solve against the identity. */
    public static Tensor inv(Tensor a) {
        square(a, "linalg.inv");
        floating(a, "linalg.inv");
        Lu f = lu(a.detach());
        checkInfo(f.info(), a.dim() > 2, "linalg.inv: ",
                i -> "The diagonal element " + i + " is zero, the inversion could not be completed because the input matrix is singular.");
        Tensor eye = eye(a, a.size(-1)).expand(a.shape()).contiguous();
        return Derivatives.linalgInv(luSolve(f, eye), a);
    }

    /** (-1)^(number of row swaps) of each factorisation, in dtype. */
    private static Tensor permutationSign(Lu f, DType dtype) {
        long n = f.pivots().size(-1);
        Tensor rows = Torch.arange(1, n + 1).to(f.pivots().device());
        Tensor odd = f.pivots().to(DType.INT64).ne(rows).sum(-1).remainder(2L).eq(1L);
        return Torch.where(odd, Torch.scalarTensor(-1.0, dtype).to(odd.device()), Torch.scalarTensor(1.0, dtype).to(odd.device()));
    }

    /** torch.linalg.det: the product of U's diagonal times the permutation's sign. */
    public static Tensor det(Tensor a) {
        square(a, "linalg.det");
        floating(a, "linalg.det");
        Lu f = lu(a.detach());
        Tensor det = f.lu().diagonal(0, -2, -1).prod(-1).mul(permutationSign(f, a.dtype()));
        return Derivatives.linalgDet(det, a);
    }

    /** torch.linalg.slogdet: [sign, log|det|] (sign 0 and -inf for a singular matrix); only logabsdet is differentiable. */
    public static Tensor[] slogdet(Tensor a, String fn) {
        square(a, fn);
        floating(a, fn);
        Lu f = lu(a.detach());
        Tensor diag = f.lu().diagonal(0, -2, -1);
        Tensor sign = diag.sign().prod(-1).mul(permutationSign(f, a.dtype()));
        Tensor logabsdet = diag.abs().log().sum(-1);
        return new Tensor[] {sign, Derivatives.linalgSlogdet(logabsdet, a)};
    }

    /** PyTorch's rule for B being a (batch of) vector(s): 1-d, or A's shape without its last dim. */
    public static boolean vectorRhs(Tensor a, Tensor b) {
        if (b.dim() == 1) return true;
        return a.dim() - 1 == b.dim() && Arrays.equals(b.shape(), Arrays.copyOf(a.shape(), a.dim() - 1));
    }

    /** torch.linalg.solve(A, B): X with A X = B, batch dims broadcast, B a matrix or a vector. */
    public static Tensor solve(Tensor a, Tensor b) {
        square(a, "linalg.solve");
        floating(a, "linalg.solve");
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("linalg.solve: Expected A and B to have the same dtype, but found A of type "
                    + a.dtype().scalarTypeName() + " and B of type " + b.dtype().scalarTypeName() + " instead");
        }
        boolean vector = vectorRhs(a, b);
        Tensor bm = vector ? b.unsqueeze(-1) : b;
        long n = a.size(-1);
        if (bm.size(-2) != n) {
            throw new IllegalArgumentException("linalg.solve: Incompatible shapes of A and B for the equation AX = B (" + n + "x" + n + " and "
                    + bm.size(-2) + "x" + bm.size(-1) + ")");
        }
        int[] batch = Shapes.broadcast(Arrays.copyOf(shape(a), a.dim() - 2), Arrays.copyOf(shape(bm), bm.dim() - 2));
        long[] as = Arrays.copyOf(longs(batch), batch.length + 2), bs = as.clone();
        as[batch.length] = as[batch.length + 1] = n;
        bs[batch.length] = n;
        bs[batch.length + 1] = bm.size(-1);
        Lu f = lu(a.detach().expand(as).contiguous());
        checkInfo(f.info(), batch.length > 0, "torch.linalg.solve: ", i -> "The solver failed because the input matrix is singular.");
        Tensor x = luSolve(f, bm.detach().expand(bs).contiguous());
        return Derivatives.linalgSolve(vector ? x.squeeze(-1) : x, a, b, vector);
    }

    // ---------------------------------------------------------------- cholesky, eigh, svd, qr

    /** torch.linalg.cholesky (fn "linalg.cholesky") and the deprecated torch.cholesky (fn "cholesky"). */
    public static Tensor cholesky(Tensor a, boolean upper, String fn) {
        square(a, fn);
        floating(a, fn);
        Tensor out = Dispatch.empty(a, shape(a), a.dtype());
        Tensor info = Dispatch.empty(a, Arrays.copyOf(shape(a), a.dim() - 2), DType.INT32);
        if (numel(a) > 0) Dispatch.backend(a).cholesky(Dispatch.view(a), upper, Dispatch.view(out), Dispatch.view(info));
        checkInfo(info, a.dim() > 2, fn + ": ", i -> "The factorization could not be completed because the input is not positive-definite "
                + "(the leading minor of order " + i + " is not positive-definite).");
        return Derivatives.linalgCholesky(out, a, upper, fn.equals("cholesky") ? "CholeskyBackward0" : "LinalgCholeskyExBackward0");
    }

    private static boolean upper(String uplo) {
        if (!uplo.equals("L") && !uplo.equals("U")) {
            throw new IllegalArgumentException("Expected UPLO argument to be 'L' or 'U', but got " + uplo);
        }
        return uplo.equals("U");
    }

    /** torch.linalg.eigh: [eigenvalues ascending, eigenvectors as columns]; with vectors false only the values (eigvalsh). */
    public static Tensor[] eigh(Tensor a, String uplo, boolean vectors) {
        square(a, "linalg.eigh");
        boolean up = upper(uplo);
        if (a.dtype() != DType.FLOAT32 && a.dtype() != DType.FLOAT64) {
            throw new IllegalArgumentException("\"linalg_eigh_cpu\" not implemented for '" + a.dtype().scalarTypeName() + "'");
        }
        boolean grad = a.requiresGrad() && GradMode.isEnabled();
        int[] s = shape(a);
        Tensor w = Dispatch.empty(a, Arrays.copyOf(s, s.length - 1), a.dtype());
        Tensor v = vectors || grad ? Dispatch.empty(a, s, a.dtype()) : null;
        if (numel(a) > 0) Dispatch.backend(a).eigh(Dispatch.view(a), up, Dispatch.view(w), Dispatch.view(v));
        return Derivatives.linalgEigh(w, v, a, vectors);
    }

    /** torch.linalg.svd: [U, S, Vh], full or reduced; with uv false only S (svdvals). */
    public static Tensor[] svd(Tensor a, boolean fullMatrices, boolean uv, String fn) {
        matrices(a, fn);
        floating(a, fn);
        boolean grad = a.requiresGrad() && GradMode.isEnabled();
        int[] s = shape(a);
        int nd = s.length, m = s[nd - 2], n = s[nd - 1], k = Math.min(m, n);
        boolean full = fullMatrices && uv;
        int[] sShape = Arrays.copyOf(s, nd - 1), uShape = s.clone(), vShape = s.clone();
        sShape[nd - 2] = k;
        uShape[nd - 1] = full ? m : k;
        vShape[nd - 2] = full ? n : k;
        Tensor sv = Dispatch.empty(a, sShape, a.dtype());
        Tensor u = uv || grad ? Dispatch.empty(a, uShape, a.dtype()) : null, vh = uv || grad ? Dispatch.empty(a, vShape, a.dtype()) : null;
        if (numel(a) > 0) Dispatch.backend(a).svd(Dispatch.view(a), Dispatch.view(u), Dispatch.view(sv), Dispatch.view(vh));
        return Derivatives.linalgSvd(u, sv, vh, a, full, uv);
    }

    /** torch.linalg.qr, modes "reduced" and "r" (R only, Q empty): [Q, R]. */
    public static Tensor[] qr(Tensor a, String mode) {
        matrices(a, "linalg.qr");
        floating(a, "linalg.qr");
        if (!mode.equals("reduced") && !mode.equals("r") && !mode.equals("complete")) {
            throw new IllegalArgumentException("qr received unrecognized mode '" + mode + "' but expected one of 'reduced' (default), 'r', or 'complete'");
        }
        int[] s = shape(a);
        int nd = s.length, m = s[nd - 2], n = s[nd - 1], k = Math.min(m, n);
        if (mode.equals("complete") && m > n) {
            throw new UnsupportedOperationException("jgrad: linalg.qr mode 'complete' is supported for matrices with nrows <= ncols only");
        }
        int[] qs = s.clone(), rs = s.clone();
        qs[nd - 1] = k;
        rs[nd - 2] = k;
        Tensor q = Dispatch.empty(a, qs, a.dtype()), r = Dispatch.empty(a, rs, a.dtype());
        if (numel(a) > 0) Dispatch.backend(a).qr(Dispatch.view(a), Dispatch.view(q), Dispatch.view(r));
        if (mode.equals("r")) {
            if (a.requiresGrad() && GradMode.isEnabled()) {
                throw new IllegalArgumentException("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. "
                        + "Please use linalg.qr(A, mode='reduced') if you are going to differentiate through linalg.qr.");
            }
            return new Tensor[] {Dispatch.empty(a, new int[] {0}, a.dtype()), r};
        }
        return Derivatives.linalgQr(q, r, a);
    }
}
