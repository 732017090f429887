package dev.jgrad;

import dev.jgrad.internal.ops.Decompositions;
import dev.jgrad.internal.ops.MatrixFunctions;
import java.util.List;

/**
 * The {@code torch.linalg} namespace: factorisations, solves and norms over the last two dims, batched over
 * any leading dims, for float32 and float64, each differentiable with PyTorch's formulas. Eigenvectors and
 * singular vectors are unique only up to sign: jgrad turns each so that its largest-magnitude entry is
 * positive (LAPACK, and so PyTorch, may pick the other sign); quantities that do not depend on the choice
 * (U diag(S) Vh, V diag(L) V^T, projections) agree.
 */
public final class Linalg {
    private Linalg() {}

    /** torch.return_types.linalg_slogdet: the sign of det (0 when singular) and log|det|. */
    public record Slogdet(Tensor sign, Tensor logabsdet) {
        @Override public String toString() { return "torch.return_types.linalg_slogdet(\nsign=" + sign + ",\nlogabsdet=" + logabsdet + ")"; }
    }

    /** torch.return_types.linalg_eigh: ascending eigenvalues and the eigenvectors as columns. */
    public record Eigh(Tensor eigenvalues, Tensor eigenvectors) {
        @Override public String toString() {
            return "torch.return_types.linalg_eigh(\neigenvalues=" + eigenvalues + ",\neigenvectors=" + eigenvectors + ")";
        }
    }

    /** torch.return_types.linalg_svd: A = U diag(S) Vh. */
    public record Svd(Tensor U, Tensor S, Tensor Vh) {
        @Override public String toString() { return "torch.return_types.linalg_svd(\nU=" + U + ",\nS=" + S + ",\nVh=" + Vh + ")"; }
    }

    /** torch.return_types.linalg_qr: A = Q R. */
    public record Qr(Tensor Q, Tensor R) {
        @Override public String toString() { return "torch.return_types.linalg_qr(\nQ=" + Q + ",\nR=" + R + ")"; }
    }

    // ---------------------------------------------------------------- inverse, determinants, solves

    /** The inverse of each square matrix; singular matrices are an error. */
    public static Tensor inv(Tensor A) { return Decompositions.inv(A); }

    public static Tensor det(Tensor A) { return Decompositions.det(A); }

    /** sign and log|det|, finite where det would under- or overflow. */
    public static Slogdet slogdet(Tensor A) {
        Tensor[] r = Decompositions.slogdet(A, "linalg.slogdet");
        return new Slogdet(r[0], r[1]);
    }

    /** X with A X = B; B may be a (batch of) vector(s); batch dims broadcast. */
    public static Tensor solve(Tensor A, Tensor B) { return Decompositions.solve(A, B); }

    // ---------------------------------------------------------------- factorisations

    /** The lower-triangular L with A = L L^H, from A's lower triangle. */
    public static Tensor cholesky(Tensor A) { return cholesky(A, false); }

    /** With upper: the upper-triangular U with A = U^H U, from A's upper triangle. */
    public static Tensor cholesky(Tensor A, boolean upper) { return Decompositions.cholesky(A, upper, "linalg.cholesky"); }

    /** Reduced QR. */
    public static Qr qr(Tensor A) { return qr(A, "reduced"); }

    /** mode "reduced", "r" (Q empty) or "complete" (square and wide matrices only). */
    public static Qr qr(Tensor A, String mode) {
        Tensor[] r = Decompositions.qr(A, mode);
        return new Qr(r[0], r[1]);
    }

    /** Eigenvalues (ascending) and eigenvectors of symmetric matrices, read from the lower triangle. */
    public static Eigh eigh(Tensor A) { return eigh(A, "L"); }

    /** UPLO "L" or "U": the triangle read. */
    public static Eigh eigh(Tensor A, String UPLO) {
        Tensor[] r = Decompositions.eigh(A, UPLO, true);
        return new Eigh(r[0], r[1]);
    }

    public static Tensor eigvalsh(Tensor A) { return eigvalsh(A, "L"); }

    public static Tensor eigvalsh(Tensor A, String UPLO) { return Decompositions.eigh(A, UPLO, false)[0]; }

    /** The full SVD (U m x m, Vh n x n). */
    public static Svd svd(Tensor A) { return svd(A, true); }

    /** fullMatrices false: the reduced SVD (U m x k, Vh k x n, k = min(m, n)). */
    public static Svd svd(Tensor A, boolean fullMatrices) {
        Tensor[] r = Decompositions.svd(A, fullMatrices, true, "linalg.svd");
        return new Svd(r[0], r[1], r[2]);
    }

    /** The singular values, descending. */
    public static Tensor svdvals(Tensor A) { return Decompositions.svd(A, false, false, "linalg.svd")[0]; }

    // ---------------------------------------------------------------- norms

    /** The 2-norm of all entries. */
    public static Tensor vectorNorm(Tensor x) { return vectorNorm(x, 2, null, false); }

    public static Tensor vectorNorm(Tensor x, double ord) { return vectorNorm(x, ord, null, false); }

    /** The ord-norm (any real ord, inf and -inf included) over dim (null: all dims). */
    public static Tensor vectorNorm(Tensor x, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.vectorNorm(x, ord, dim, keepdim); }

    /** The Frobenius norm over the last two dims. */
    public static Tensor matrixNorm(Tensor A) { return matrixNorm(A, "fro"); }

    /** ord 2, -2, 1, -1, inf, -inf over the last two dims. */
    public static Tensor matrixNorm(Tensor A, double ord) { return matrixNorm(A, ord, new int[] {-2, -1}, false); }

    /** ord "fro" or "nuc" over the last two dims. */
    public static Tensor matrixNorm(Tensor A, String ord) { return matrixNorm(A, ord, new int[] {-2, -1}, false); }

    public static Tensor matrixNorm(Tensor A, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.matrixNorm(A, ord, dim, keepdim); }

    public static Tensor matrixNorm(Tensor A, String ord, int[] dim, boolean keepdim) { return MatrixFunctions.matrixNorm(A, ord, dim, keepdim); }

    /** The 2-norm of all entries (ord None, dim None). */
    public static Tensor norm(Tensor A) { return MatrixFunctions.norm(A, (Double) null, null, false); }

    /** A vector norm of a 1-d input, a matrix norm of a 2-d one. */
    public static Tensor norm(Tensor A, double ord) { return MatrixFunctions.norm(A, (Double) ord, null, false); }

    public static Tensor norm(Tensor A, String ord) { return MatrixFunctions.norm(A, ord, null, false); }

    /** ord None over dim (one dim or two): the 2-norm of those entries. */
    public static Tensor norm(Tensor A, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, (Double) null, dim, keepdim); }

    /** A vector norm over one dim, a matrix norm over two (dim null: by A's dims). */
    public static Tensor norm(Tensor A, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, (Double) ord, dim, keepdim); }

    public static Tensor norm(Tensor A, String ord, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, ord, dim, keepdim); }

    // ---------------------------------------------------------------- built on the factorisations

    /** The Moore-Penrose pseudo-inverse, dropping singular values below eps * max(m, n) * the largest. */
    public static Tensor pinv(Tensor A) { return MatrixFunctions.pinv(A, null, null, false); }

    /** With hermitian, from the eigendecomposition of the (symmetric) A. */
    public static Tensor pinv(Tensor A, boolean hermitian) { return MatrixFunctions.pinv(A, null, null, hermitian); }

    /** atol and rtol as PyTorch's keywords (null: not given). */
    public static Tensor pinv(Tensor A, Double atol, Double rtol, boolean hermitian) { return MatrixFunctions.pinv(A, atol, rtol, hermitian); }

    /** The number of singular values above eps * max(m, n) * the largest (int64). */
    public static Tensor matrixRank(Tensor A) { return MatrixFunctions.matrixRank(A, null, null, false); }

    public static Tensor matrixRank(Tensor A, boolean hermitian) { return MatrixFunctions.matrixRank(A, null, null, hermitian); }

    public static Tensor matrixRank(Tensor A, Double atol, Double rtol, boolean hermitian) { return MatrixFunctions.matrixRank(A, atol, rtol, hermitian); }

    /** A^n for any integer n (the inverse's power for n < 0, the identity for 0). */
    public static Tensor matrixPower(Tensor A, long n) { return MatrixFunctions.matrixPower(A, n); }

    /** The cross product along the last dim (size 3); inputs broadcast. */
    public static Tensor cross(Tensor input, Tensor other) { return cross(input, other, -1); }

    public static Tensor cross(Tensor input, Tensor other, int dim) { return MatrixFunctions.cross(input, other, dim); }

    /** The product of the chain in its cheapest order; the first and last may be vectors. */
    public static Tensor multiDot(List<Tensor> tensors) { return MatrixFunctions.multiDot(tensors); }
}
