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

    /**
     * torch.return_types.linalg_slogdet: the sign of det (0 when singular) and log|det|.
     *
     * @param sign the sign of each determinant (-1, 0 or 1), shape A.shape[:-2]
     * @param logabsdet the log of each |det| (-inf when singular), shape A.shape[:-2]
     */
    public record Slogdet(Tensor sign, Tensor logabsdet) {
        @Override public String toString() { return "torch.return_types.linalg_slogdet(\nsign=" + sign + ",\nlogabsdet=" + logabsdet + ")"; }
    }

    /**
     * torch.return_types.linalg_eigh: ascending eigenvalues and the eigenvectors as columns.
     *
     * @param eigenvalues the eigenvalues (*, n), ascending
     * @param eigenvectors the orthonormal eigenvectors as the columns of (*, n, n)
     */
    public record Eigh(Tensor eigenvalues, Tensor eigenvectors) {
        @Override public String toString() {
            return "torch.return_types.linalg_eigh(\neigenvalues=" + eigenvalues + ",\neigenvectors=" + eigenvectors + ")";
        }
    }

    /**
     * torch.return_types.linalg_svd: A = U diag(S) Vh.
     *
     * @param U the left singular vectors as columns, (*, m, m) or (*, m, k)
     * @param S the singular values (*, k), descending, k = min(m, n)
     * @param Vh the right singular vectors as rows, (*, n, n) or (*, k, n)
     */
    public record Svd(Tensor U, Tensor S, Tensor Vh) {
        @Override public String toString() { return "torch.return_types.linalg_svd(\nU=" + U + ",\nS=" + S + ",\nVh=" + Vh + ")"; }
    }

    /**
     * torch.return_types.linalg_qr: A = Q R.
     *
     * @param Q the matrix with orthonormal columns (empty in mode "r")
     * @param R the upper-triangular factor
     */
    public record Qr(Tensor Q, Tensor R) {
        @Override public String toString() { return "torch.return_types.linalg_qr(\nQ=" + Q + ",\nR=" + R + ")"; }
    }

    // ---------------------------------------------------------------- inverse, determinants, solves

    /**
     * The inverse of each square matrix; singular matrices are an error.
     *
     * <p>PyTorch: {@code torch.linalg.inv}.
     *
     * @param A the matrix (*, n, n): a square matrix or a batch of them, float32 or float64
     * @return the inverses, A's shape
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.inv: A must be batches of
     *     square matrices, but they are m by n matrices") or is not float32 or float64
     * @throws IllegalArgumentException if a matrix is singular ("linalg.inv: The diagonal element i is zero, the
     *     inversion could not be completed because the input matrix is singular.")
     */
    public static Tensor inv(Tensor A) { return Decompositions.inv(A); }

    /**
     * {@code torch.linalg.det(A)}: the determinant of each square matrix in the last two dims, shape A.shape[:-2].
     *
     * @param A the matrix (*, n, n): a square matrix or a batch of them, float32 or float64
     * @return the determinants, shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.det: A must be batches of
     *     square matrices, but they are m by n matrices") or is not float32 or float64
     */
    public static Tensor det(Tensor A) { return Decompositions.det(A); }

    /**
     * sign and log|det|, finite where det would under- or overflow.
     *
     * <p>PyTorch: {@code torch.linalg.slogdet}.
     *
     * @param A the matrix (*, n, n): a square matrix or a batch of them, float32 or float64
     * @return the signs and log|det|, each of shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.slogdet: A must be batches of
     *     square matrices, but they are m by n matrices") or is not float32 or float64
     */
    public static Slogdet slogdet(Tensor A) {
        Tensor[] r = Decompositions.slogdet(A, "linalg.slogdet");
        return new Slogdet(r[0], r[1]);
    }

    /**
     * X with A X = B; B may be a (batch of) vector(s); batch dims broadcast.
     *
     * <p>PyTorch: {@code torch.linalg.solve}.
     *
     * @param A the matrix (*, n, n): a square matrix or a batch of them, float32 or float64
     * @param B the right-hand side (*, n, k), or (*, n) for vectors; batch dims broadcast with A's
     * @return X: the broadcast batch shape with B's trailing shape
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.solve: A must be batches of
     *     square matrices, but they are m by n matrices") or is not float32 or float64
     * @throws IllegalArgumentException if A and B differ in dtype or their shapes do not fit ("linalg.solve:
     *     Incompatible shapes of A and B for the equation AX = B (...)"), or A is singular ("torch.linalg.solve: The solver
     *     failed because the input matrix is singular.")
     */
    public static Tensor solve(Tensor A, Tensor B) { return Decompositions.solve(A, B); }

    // ---------------------------------------------------------------- factorisations

    /**
     * The lower-triangular L with A = L L^H, from A's lower triangle.
     *
     * <p>PyTorch: {@code torch.linalg.cholesky}.
     *
     * @param A the symmetric positive-definite matrix (*, n, n), float32 or float64
     * @return the triangular factor, A's shape
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.cholesky: A must be batches
     *     of square matrices, but they are m by n matrices") or is not float32 or float64
     * @throws IllegalArgumentException if a matrix is not positive-definite ("linalg.cholesky: The factorization could
     *     not be completed because the input is not positive-definite (the leading minor of order i is not
     *     positive-definite).")
     */
    public static Tensor cholesky(Tensor A) { return cholesky(A, false); }

    /**
     * With upper: the upper-triangular U with A = U^H U, from A's upper triangle.
     *
     * <p>PyTorch: {@code torch.linalg.cholesky}.
     *
     * @param A the symmetric positive-definite matrix (*, n, n), float32 or float64
     * @param upper whether to return the upper factor U instead of L
     * @return the triangular factor, A's shape
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.cholesky: A must be batches
     *     of square matrices, but they are m by n matrices") or is not float32 or float64
     * @throws IllegalArgumentException if a matrix is not positive-definite ("linalg.cholesky: The factorization could
     *     not be completed because the input is not positive-definite (the leading minor of order i is not
     *     positive-definite).")
     */
    public static Tensor cholesky(Tensor A, boolean upper) { return Decompositions.cholesky(A, upper, "linalg.cholesky"); }

    /**
     * Reduced QR.
     *
     * <p>PyTorch: {@code torch.linalg.qr}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @return Q (*, m, k) and R (*, k, n) with k = min(m, n) for "reduced"; Q (*, m, m) and R (*, m, n) for "complete";
     *     Q empty for "r"
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Qr qr(Tensor A) { return qr(A, "reduced"); }

    /**
     * mode "reduced", "r" (Q empty) or "complete" (square and wide matrices only).
     *
     * <p>PyTorch: {@code torch.linalg.qr}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param mode "reduced", "r" or "complete"
     * @return Q (*, m, k) and R (*, k, n) with k = min(m, n) for "reduced"; Q (*, m, m) and R (*, m, n) for "complete";
     *     Q empty for "r"
     * @throws IllegalArgumentException for another mode ("qr received unrecognized mode 'm' but expected one of
     *     'reduced' (default), 'r', or 'complete'") or A of fewer than 2 dims or another dtype
     * @throws UnsupportedOperationException for mode "complete" on a tall matrix (m &gt; n)
     */
    public static Qr qr(Tensor A, String mode) {
        Tensor[] r = Decompositions.qr(A, mode);
        return new Qr(r[0], r[1]);
    }

    /**
     * Eigenvalues (ascending) and eigenvectors of symmetric matrices, read from the lower triangle.
     *
     * <p>PyTorch: {@code torch.linalg.eigh}.
     *
     * @param A the symmetric matrix (*, n, n), float32 or float64
     * @return the eigenvalues (*, n), ascending, and the eigenvectors (*, n, n) as columns
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.eigh: A must be batches of
     *     square matrices, but they are m by n matrices") or is not float32 or float64
     */
    public static Eigh eigh(Tensor A) { return eigh(A, "L"); }

    /**
     * UPLO "L" or "U": the triangle read.
     *
     * <p>PyTorch: {@code torch.linalg.eigh}.
     *
     * @param A the symmetric matrix (*, n, n), float32 or float64
     * @param UPLO "L" or "U": the triangle read
     * @return the eigenvalues (*, n), ascending, and the eigenvectors (*, n, n) as columns
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.eigh: A must be batches of
     *     square matrices, but they are m by n matrices") or is not float32 or float64
     * @throws IllegalArgumentException if UPLO is not "L" or "U" ("Expected UPLO argument to be 'L' or 'U', but got x")
     */
    public static Eigh eigh(Tensor A, String UPLO) {
        Tensor[] r = Decompositions.eigh(A, UPLO, true);
        return new Eigh(r[0], r[1]);
    }

    /**
     * {@code torch.linalg.eigvalsh(A)}: the eigenvalues, ascending, of each symmetric matrix, read from its lower
     * triangle.
     *
     * @param A the symmetric matrix (*, n, n), float32 or float64
     * @return the eigenvalues (*, n), ascending
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.eigvalsh: A must be batches
     *     of square matrices, but they are m by n matrices") or is not float32 or float64
     */
    public static Tensor eigvalsh(Tensor A) { return eigvalsh(A, "L"); }

    /**
     * {@code torch.linalg.eigvalsh(A, UPLO)}: the eigenvalues, ascending, reading the lower ("L") or upper ("U")
     * triangle.
     *
     * @param A the symmetric matrix (*, n, n), float32 or float64
     * @param UPLO "L" or "U": the triangle read
     * @return the eigenvalues (*, n), ascending
     * @throws IllegalArgumentException if A has fewer than 2 dims, is not square ("linalg.eigvalsh: A must be batches
     *     of square matrices, but they are m by n matrices") or is not float32 or float64
     * @throws IllegalArgumentException if UPLO is not "L" or "U" ("Expected UPLO argument to be 'L' or 'U', but got x")
     */
    public static Tensor eigvalsh(Tensor A, String UPLO) { return Decompositions.eigh(A, UPLO, false)[0]; }

    /**
     * The full SVD (U m x m, Vh n x n).
     *
     * <p>PyTorch: {@code torch.linalg.svd}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @return U, S and Vh: (*, m, m), (*, k) and (*, n, n) for full matrices, (*, m, k), (*, k) and (*, k, n) reduced,
     *     k = min(m, n); S descending
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Svd svd(Tensor A) { return svd(A, true); }

    /**
     * fullMatrices false: the reduced SVD (U m x k, Vh k x n, k = min(m, n)).
     *
     * <p>PyTorch: {@code torch.linalg.svd}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param fullMatrices whether U and Vh are square (else the reduced SVD)
     * @return U, S and Vh: (*, m, m), (*, k) and (*, n, n) for full matrices, (*, m, k), (*, k) and (*, k, n) reduced,
     *     k = min(m, n); S descending
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Svd svd(Tensor A, boolean fullMatrices) {
        Tensor[] r = Decompositions.svd(A, fullMatrices, true, "linalg.svd");
        return new Svd(r[0], r[1], r[2]);
    }

    /**
     * The singular values, descending.
     *
     * <p>PyTorch: {@code torch.linalg.svdvals}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @return the singular values (*, min(m, n)), descending
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Tensor svdvals(Tensor A) { return Decompositions.svd(A, false, false, "linalg.svd")[0]; }

    // ---------------------------------------------------------------- norms

    /**
     * The 2-norm of all entries.
     *
     * <p>PyTorch: {@code torch.linalg.vector_norm}.
     *
     * @param x the input tensor (any shape), floating
     * @return the 2-norm of all elements, 0-dim
     * @throws IllegalArgumentException if x is not floating ("linalg.vector_norm: Expected a floating point or complex
     *     tensor as input. Got Long")
     */
    public static Tensor vectorNorm(Tensor x) { return vectorNorm(x, 2, null, false); }

    /**
     * {@code torch.linalg.vector_norm(x, ord)}: the ord-norm of all elements, as a 0-dim tensor.
     *
     * @param x the input tensor (any shape), floating
     * @param ord the order: any real number, inf or -inf (0 counts the non-zeros)
     * @return the norm: 0-dim over all elements, else x's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if x is not floating ("linalg.vector_norm: Expected a floating point or complex
     *     tensor as input. Got Long") or a negative ord meets an empty dim ("linalg.vector_norm cannot compute the -1 norm
     *     on an empty tensor ...")
     */
    public static Tensor vectorNorm(Tensor x, double ord) { return vectorNorm(x, ord, null, false); }

    /**
     * The ord-norm (any real ord, inf and -inf included) over dim (null: all dims).
     *
     * <p>PyTorch: {@code torch.linalg.vector_norm}.
     *
     * @param x the input tensor (any shape), floating
     * @param ord the order: any real number, inf or -inf (0 counts the non-zeros)
     * @param dim the dims to reduce (null: all)
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the norm: 0-dim over all elements, else x's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if x is not floating ("linalg.vector_norm: Expected a floating point or complex
     *     tensor as input. Got Long") or a negative ord meets an empty dim ("linalg.vector_norm cannot compute the -1 norm
     *     on an empty tensor ...")
     */
    public static Tensor vectorNorm(Tensor x, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.vectorNorm(x, ord, dim, keepdim); }

    /**
     * The Frobenius norm over the last two dims.
     *
     * <p>PyTorch: {@code torch.linalg.matrix_norm}.
     *
     * @param A the matrix (*, m, n), floating
     * @return the norms, A's shape without the two dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if A has fewer than 2 dims
     */
    public static Tensor matrixNorm(Tensor A) { return matrixNorm(A, "fro"); }

    /**
     * ord 2, -2, 1, -1, inf, -inf over the last two dims.
     *
     * <p>PyTorch: {@code torch.linalg.matrix_norm}.
     *
     * @param A the matrix (*, m, n), floating
     * @param ord 2, -2, 1, -1, inf or -inf
     * @return the norms, A's shape without the two dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if ord is not supported ("linalg.matrix_norm: Order x not supported.") or A has
     *     fewer than 2 dims
     */
    public static Tensor matrixNorm(Tensor A, double ord) { return matrixNorm(A, ord, new int[] {-2, -1}, false); }

    /**
     * ord "fro" or "nuc" over the last two dims.
     *
     * <p>PyTorch: {@code torch.linalg.matrix_norm}.
     *
     * @param A the matrix (*, m, n), floating
     * @param ord "fro" or "nuc"
     * @return the norms, A's shape without the two dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if ord is not supported ("linalg.matrix_norm: Order x not supported.") or A has
     *     fewer than 2 dims
     */
    public static Tensor matrixNorm(Tensor A, String ord) { return matrixNorm(A, ord, new int[] {-2, -1}, false); }

    /**
     * {@code torch.linalg.matrix_norm(A, ord, dim, keepdim)} for a numeric ord (1, -1, 2, -2, inf, -inf) over the two
     * dims.
     *
     * @param A the matrix (*, m, n), floating
     * @param ord 2, -2, 1, -1, inf or -inf
     * @param dim the two dims holding the matrices
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the norms, A's shape without the two dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if ord is not supported ("linalg.matrix_norm: Order x not supported."), dim does
     *     not name two different dims, or A has fewer than 2 dims
     */
    public static Tensor matrixNorm(Tensor A, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.matrixNorm(A, ord, dim, keepdim); }

    /**
     * {@code torch.linalg.matrix_norm(A, ord, dim, keepdim)} for ord "fro" or "nuc" over the two dims.
     *
     * @param A the matrix (*, m, n), floating
     * @param ord "fro" or "nuc"
     * @param dim the two dims holding the matrices
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the norms, A's shape without the two dims (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if ord is not supported ("linalg.matrix_norm: Order x not supported."), dim does
     *     not name two different dims, or A has fewer than 2 dims
     */
    public static Tensor matrixNorm(Tensor A, String ord, int[] dim, boolean keepdim) { return MatrixFunctions.matrixNorm(A, ord, dim, keepdim); }

    /**
     * The 2-norm of all entries (ord None, dim None).
     *
     * <p>PyTorch: {@code torch.linalg.norm}.
     *
     * @param A the input tensor, floating
     * @return the 2-norm of all elements, 0-dim
     */
    public static Tensor norm(Tensor A) { return MatrixFunctions.norm(A, (Double) null, null, false); }

    /**
     * A vector norm of a 1-d input, a matrix norm of a 2-d one.
     *
     * <p>PyTorch: {@code torch.linalg.norm}.
     *
     * @param A the 1-d or 2-d input, floating
     * @param ord the order: a vector order for one dim, 2, -2, 1, -1, inf or -inf for two
     * @return the norm: 0-dim without dim, else A's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if A is not 1-d or 2-d ("linalg.norm: If dim is not specified but ord is, the
     *     input must be 1D or 2D. Got 3D.") or ord is not supported
     */
    public static Tensor norm(Tensor A, double ord) { return MatrixFunctions.norm(A, (Double) ord, null, false); }

    /**
     * {@code torch.linalg.norm(A, ord)} for ord "fro" or "nuc" of a matrix (or batch of matrices).
     *
     * @param A the input tensor, floating
     * @param ord "fro" or "nuc"
     * @return the norm: 0-dim without dim, else A's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if A has fewer than 2 dims or ord is not "fro" or "nuc"
     */
    public static Tensor norm(Tensor A, String ord) { return MatrixFunctions.norm(A, ord, null, false); }

    /**
     * ord None over dim (one dim or two): the 2-norm of those entries.
     *
     * <p>PyTorch: {@code torch.linalg.norm}.
     *
     * @param A the input tensor, floating
     * @param dim one dim (a vector norm) or two (a matrix norm); null: all of A
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the norm: 0-dim without dim, else A's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if dim has another length than 1 or 2 ("linalg.norm: If dim is specified, it
     *     must be of length 1 or 2. Got [...]")
     */
    public static Tensor norm(Tensor A, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, (Double) null, dim, keepdim); }

    /**
     * A vector norm over one dim, a matrix norm over two (dim null: by A's dims).
     *
     * <p>PyTorch: {@code torch.linalg.norm}.
     *
     * @param A the input tensor, floating
     * @param ord the order: a vector order for one dim, 2, -2, 1, -1, inf or -inf for two
     * @param dim one dim (a vector norm) or two (a matrix norm); null: all of A
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the norm: 0-dim without dim, else A's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if dim has another length than 1 or 2 ("linalg.norm: If dim is specified, it
     *     must be of length 1 or 2. Got [...]"), or ord is given without dim for input that is not 1-d or 2-d
     *     ("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got nD.")
     */
    public static Tensor norm(Tensor A, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, (Double) ord, dim, keepdim); }

    /**
     * {@code torch.linalg.norm(A, ord, dim, keepdim)} for ord "fro" or "nuc" over the two dims given.
     *
     * @param A the input tensor, floating
     * @param ord "fro" or "nuc"
     * @param dim the two dims holding the matrices
     * @param keepdim whether the reduced dims are kept with size 1
     * @return the norm: 0-dim without dim, else A's shape without dim (kept with size 1 under keepdim)
     * @throws IllegalArgumentException if dim has another length than 1 or 2 ("linalg.norm: If dim is specified, it
     *     must be of length 1 or 2. Got [...]"), or ord is given without dim for input that is not 1-d or 2-d
     *     ("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got nD.")
     */
    public static Tensor norm(Tensor A, String ord, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, ord, dim, keepdim); }

    // ---------------------------------------------------------------- built on the factorisations

    /**
     * The Moore-Penrose pseudo-inverse, dropping singular values below eps * max(m, n) * the largest.
     *
     * <p>PyTorch: {@code torch.linalg.pinv}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @return the pseudo-inverses (*, n, m)
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Tensor pinv(Tensor A) { return MatrixFunctions.pinv(A, null, null, false); }

    /**
     * With hermitian, from the eigendecomposition of the (symmetric) A.
     *
     * <p>PyTorch: {@code torch.linalg.pinv}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param hermitian whether A is symmetric (then the eigendecomposition is used)
     * @return the pseudo-inverses (*, n, m)
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Tensor pinv(Tensor A, boolean hermitian) { return MatrixFunctions.pinv(A, null, null, hermitian); }

    /**
     * atol and rtol as PyTorch's keywords (null: not given).
     *
     * <p>PyTorch: {@code torch.linalg.pinv}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param atol the absolute tolerance for singular values (null: not given)
     * @param rtol the relative tolerance, times the largest singular value (null: PyTorch's default when atol is also
     *     null)
     * @param hermitian whether A is symmetric (then the eigendecomposition is used)
     * @return the pseudo-inverses (*, n, m)
     * @throws IllegalArgumentException if A has fewer than 2 dims or is not float32 or float64
     */
    public static Tensor pinv(Tensor A, Double atol, Double rtol, boolean hermitian) { return MatrixFunctions.pinv(A, atol, rtol, hermitian); }

    /**
     * The number of singular values above eps * max(m, n) * the largest (int64).
     *
     * <p>PyTorch: {@code torch.linalg.matrix_rank}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @return the ranks, int64, shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims ("torch.linalg.matrix_rank: The input tensor input
     *     must have at least 2 dimensions.") or is not float32 or float64
     */
    public static Tensor matrixRank(Tensor A) { return MatrixFunctions.matrixRank(A, null, null, false); }

    /**
     * {@code torch.linalg.matrix_rank(A, hermitian=hermitian)}: with hermitian, the eigenvalues of a symmetric A
     * stand for the singular values.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param hermitian whether A is symmetric (then the eigendecomposition is used)
     * @return the ranks, int64, shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims ("torch.linalg.matrix_rank: The input tensor input
     *     must have at least 2 dimensions.") or is not float32 or float64
     */
    public static Tensor matrixRank(Tensor A, boolean hermitian) { return MatrixFunctions.matrixRank(A, null, null, hermitian); }

    /**
     * {@code torch.linalg.matrix_rank(A, atol, rtol, hermitian)}: singular values above max(atol, rtol * the largest)
     * count (null: PyTorch's defaults).
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param atol the absolute tolerance for singular values (null: not given)
     * @param rtol the relative tolerance, times the largest singular value (null: PyTorch's default when atol is also
     *     null)
     * @param hermitian whether A is symmetric (then the eigendecomposition is used)
     * @return the ranks, int64, shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims ("torch.linalg.matrix_rank: The input tensor input
     *     must have at least 2 dimensions.") or is not float32 or float64
     */
    public static Tensor matrixRank(Tensor A, Double atol, Double rtol, boolean hermitian) { return MatrixFunctions.matrixRank(A, atol, rtol, hermitian); }

    /**
     * A^n for any integer n (the inverse's power for n &lt; 0, the identity for 0).
     *
     * <p>PyTorch: {@code torch.linalg.matrix_power}.
     *
     * @param A the square matrix (*, n, n), floating (n &lt; 0 needs invertible matrices)
     * @param n the exponent, any integer
     * @return A^n, A's shape
     * @throws IllegalArgumentException if A is not a batch of square matrices, or n &lt; 0 and a matrix is singular
     */
    public static Tensor matrixPower(Tensor A, long n) { return MatrixFunctions.matrixPower(A, n); }

    /**
     * The cross product along the last dim (size 3); inputs broadcast.
     *
     * <p>PyTorch: {@code torch.linalg.cross}.
     *
     * @param input the first vectors, with size 3 along dim
     * @param other the second vectors, same rank, broadcastable with input
     * @return the cross products: the broadcast shape
     * @throws IllegalArgumentException if the inputs differ in rank ("linalg.cross: inputs must have the same number of
     *     dimensions."), dim is not of size 3 ("linalg.cross: inputs dimension d must have length 3. Got m and n") or the
     *     dtypes differ
     */
    public static Tensor cross(Tensor input, Tensor other) { return cross(input, other, -1); }

    /**
     * {@code torch.linalg.cross(input, other, dim)}: the cross product along dim, which must have size 3; inputs
     * broadcast.
     *
     * @param input the first vectors, with size 3 along dim
     * @param other the second vectors, same rank, broadcastable with input
     * @param dim the dimension of size 3
     * @return the cross products: the broadcast shape
     * @throws IllegalArgumentException if the inputs differ in rank ("linalg.cross: inputs must have the same number of
     *     dimensions."), dim is not of size 3 ("linalg.cross: inputs dimension d must have length 3. Got m and n") or the
     *     dtypes differ
     */
    public static Tensor cross(Tensor input, Tensor other, int dim) { return MatrixFunctions.cross(input, other, dim); }

    /**
     * The product of the chain in its cheapest order; the first and last may be vectors.
     *
     * <p>PyTorch: {@code torch.linalg.multi_dot}.
     *
     * @param tensors at least 2 tensors: 2-d matrices, the first and last may be 1-d
     * @return the product: (m, n), or with a 1-d first or last tensor that dim dropped
     * @throws IllegalArgumentException for fewer than 2 tensors ("multi_dot(): expected at least 2 tensors but got n"),
     *     inner tensors that are not 2-d, mixed dtypes or shapes that cannot be multiplied
     */
    public static Tensor multiDot(List<Tensor> tensors) { return MatrixFunctions.multiDot(tensors); }

    /**
     * {@code torch.linalg.lstsq}'s result; with the default gelsy driver residuals and singular values are empty.
     *
     * @param solution the least-squares solution X
     * @param residuals the squared residuals (empty with gelsy)
     * @param rank the int64 rank of A
     * @param singularValues the singular values of A (empty with gelsy)
     */
    public record Lstsq(Tensor solution, Tensor residuals, Tensor rank, Tensor singularValues) {
        @Override public String toString() {
            return "torch.return_types.linalg_lstsq(\nsolution=" + solution + ",\nresiduals=" + residuals + ",\nrank=" + rank
                    + ",\nsingular_values=" + singularValues + ")";
        }
    }

    /**
     * The least-squares (minimum-norm when rank-deficient) solution of A X = B, through the pseudo-inverse.
     *
     * <p>PyTorch: {@code torch.linalg.lstsq}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param B the right-hand side (*, m, k), or (*, m)
     * @return the solution (*, n, k) (or (*, n) for vector B), the int64 rank of A, and empty residuals and singular
     *     values (as PyTorch's default gelsy driver gives them)
     * @throws IllegalArgumentException if A has fewer than 2 dims ("torch.linalg.lstsq: input must have at least 2
     *     dimensions.") or the row counts differ ("torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
     */
    public static Lstsq lstsq(Tensor A, Tensor B) {
        if (A.dim() < 2) throw new IllegalArgumentException("torch.linalg.lstsq: input must have at least 2 dimensions.");
        boolean vector = B.dim() == A.dim() - 1;
        Tensor b = vector ? B.unsqueeze(-1) : B;
        if (A.size(-2) != b.size(-2)) {
            throw new IllegalArgumentException("torch.linalg.lstsq: input.size(-2) should match other.size(-2)");
        }
        Tensor x = pinv(A).matmul(b);
        Tensor empty = Torch.zeros(A.dtype(), A.device(), 0);
        return new Lstsq(vector ? x.squeeze(-1) : x, empty, matrixRank(A.detach()), empty);
    }

    /**
     * Solves A X = B (left) or X A = B (right) for triangular A; unitriangular takes A's diagonal as ones.
     *
     * <p>PyTorch: {@code torch.linalg.solve_triangular}.
     *
     * @param A the triangular matrix (*, n, n), float32 or float64
     * @param B the right-hand side (*, n, k) (or (*, k, n) when right)
     * @param upper whether A is upper triangular (else lower)
     * @param left whether to solve A X = B (else X A = B)
     * @param unitriangular whether A's diagonal is taken as ones
     * @return X, the broadcast batch shape with B's trailing shape
     * @throws IllegalArgumentException if A is not a batch of square matrices, the shapes do not fit or the dtypes
     *     differ
     */
    public static Tensor solveTriangular(Tensor A, Tensor B, boolean upper, boolean left, boolean unitriangular) {
        Tensor T = upper ? A.triu() : A.tril();
        if (unitriangular) {
            Tensor ones = Torch.eye(A.size(-1)).to(A.dtype());
            T = T.sub(T.diagonal(0, -2, -1).diagEmbed()).add(ones);
        }
        return left ? solve(T, B) : solve(T.mT(), B.mT()).mT();
    }

    /**
     * {@code torch.linalg.solve_triangular(A, B, upper=upper)}: X with A X = B for triangular A (left, non-unit
     * diagonal).
     *
     * @param A the triangular matrix (*, n, n), float32 or float64
     * @param B the right-hand side (*, n, k) (or (*, k, n) when right)
     * @param upper whether A is upper triangular (else lower)
     * @return X, the broadcast batch shape with B's trailing shape
     * @throws IllegalArgumentException if A is not a batch of square matrices, the shapes do not fit or the dtypes
     *     differ
     */
    public static Tensor solveTriangular(Tensor A, Tensor B, boolean upper) { return solveTriangular(A, B, upper, true, false); }

    /**
     * The diagonal of the last two dims ({@code torch.linalg.diagonal}).
     *
     * @param A the input, at least 2-d
     * @return a view of the diagonals: A's shape without dim1 and dim2, plus the diagonal length last
     * @throws IllegalArgumentException if A has fewer than 2 dims
     */
    public static Tensor diagonal(Tensor A) { return A.diagonal(0, -2, -1); }

    /**
     * {@code torch.linalg.diagonal(A, offset, dim1, dim2)}.
     *
     * @param A the input, at least 2-d
     * @param offset the diagonal: 0 the main one, positive above, negative below
     * @param dim1 the first dim of the matrices
     * @param dim2 the second dim of the matrices
     * @return a view of the diagonals: A's shape without dim1 and dim2, plus the diagonal length last
     * @throws IllegalArgumentException if A has fewer than 2 dims or dim1 and dim2 are the same dim ("diagonal
     *     dimensions cannot be identical d, d")
     */
    public static Tensor diagonal(Tensor A, long offset, int dim1, int dim2) { return A.diagonal(offset, dim1, dim2); }

    /**
     * {@code torch.linalg.matmul(a, b)}, an alias of {@code torch.matmul}.
     *
     * @param a the first operand (1-d or more)
     * @param b the second operand (1-d or more)
     * @return the product, with torch.matmul's shape rules
     * @throws IllegalArgumentException if the shapes cannot be multiplied (PyTorch's message, e.g. "mat1 and mat2
     *     shapes cannot be multiplied (2x3 and 4x5)")
     */
    public static Tensor matmul(Tensor a, Tensor b) { return a.matmul(b); }

    /**
     * The dot product along dim (broadcast).
     *
     * <p>PyTorch: {@code torch.linalg.vecdot}.
     *
     * @param x the first vectors
     * @param y the second vectors, broadcastable with x
     * @param dim the dimension of the vectors (negative counts from the end)
     * @return the dot products: the broadcast shape without dim
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public static Tensor vecdot(Tensor x, Tensor y, int dim) { return x.mul(y).sum(dim); }

    /**
     * {@code torch.linalg.vecdot(x, y)}: the dot product along the last dim.
     *
     * @param x the first vectors
     * @param y the second vectors, broadcastable with x
     * @return the dot products: the broadcast shape without dim
     * @throws IllegalArgumentException if the shapes do not broadcast
     */
    public static Tensor vecdot(Tensor x, Tensor y) { return vecdot(x, y, -1); }

    /**
     * The Vandermonde matrix with increasing powers x^0 .. x^(n-1) (n defaults to x's length).
     *
     * <p>PyTorch: {@code torch.linalg.vander}.
     *
     * @param x the points: a tensor of at least 1 dim
     * @param n the number of columns (null: x's last dim)
     * @return the Vandermonde matrices x.shape + (n)
     * @throws IllegalArgumentException if n is not positive ("N must be greater than 1.")
     */
    public static Tensor vander(Tensor x, Integer n) {
        long cols = n == null ? x.size(-1) : n;
        if (cols <= 0) throw new IllegalArgumentException("N must be greater than 1.");
        if (cols == 1) return Torch.onesLike(x.unsqueeze(-1));
        Tensor powers = x.unsqueeze(-1).expand(concat(x.shape(), cols - 1)).cumprod(-1);
        return Torch.cat(List.of(Torch.onesLike(x.unsqueeze(-1)).to(powers.dtype()), powers), -1);
    }

    /**
     * {@code torch.linalg.vander(x)}: the square Vandermonde matrix of x's last dim.
     *
     * @param x the points: a tensor of at least 1 dim
     * @return the Vandermonde matrices x.shape + (n)
     * @throws IllegalArgumentException if x's last dim is empty ("N must be greater than 1.")
     */
    public static Tensor vander(Tensor x) { return vander(x, null); }

    private static long[] concat(long[] shape, long last) {
        long[] r = java.util.Arrays.copyOf(shape, shape.length + 1);
        r[shape.length] = last;
        return r;
    }

    /**
     * The 2-norm condition number: largest over smallest singular value.
     *
     * <p>PyTorch: {@code torch.linalg.cond}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @return the condition numbers, shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims or, with ord, is not square or invertible
     */
    public static Tensor cond(Tensor A) {
        Tensor s = svdvals(A);
        return s.narrow(-1, 0, 1).div(s.narrow(-1, s.size(-1) - 1, 1)).squeeze(-1);
    }

    /**
     * The condition number in a matrix norm: norm(A) * norm(inv(A)).
     *
     * <p>PyTorch: {@code torch.linalg.cond}.
     *
     * @param A the matrix (*, m, n), or a batch of them, float32 or float64
     * @param ord "fro" or "nuc" (A square and invertible)
     * @return the condition numbers, shape A.shape[:-2]
     * @throws IllegalArgumentException if A has fewer than 2 dims or, with ord, is not square or invertible
     */
    public static Tensor cond(Tensor A, String ord) { return matrixNorm(A, ord).mul(matrixNorm(inv(A), ord)); }

    /**
     * e^A by scaling and squaring: A / 2^s with its norm below 1/2, an 18-term Taylor series, then s squarings
     * (PyTorch chooses its polynomial degree by norm; the values agree to rounding).
     *
     * <p>PyTorch: {@code torch.linalg.matrix_exp}.
     *
     * @param A the square matrix (*, n, n), floating
     * @return e^A, A's shape
     * @throws IllegalArgumentException if A is not a batch of square matrices ("linalg.matrix_exp: A must be batches of
     *     square matrices, but they are m by n matrices")
     */
    public static Tensor matrixExp(Tensor A) {
        if (A.dim() < 2 || A.size(-1) != A.size(-2)) {
            throw new IllegalArgumentException("linalg.matrix_exp: A must be batches of square matrices, but they are "
                    + (A.dim() < 2 ? "" : A.size(-2) + " by " + A.size(-1) + " matrices"));
        }
        double norm;
        try (var g = Torch.noGrad()) {
            norm = A.numel() == 0 ? 0 : matrixNorm(A, 1.0).max().item();
        }
        int s = norm <= 0.5 ? 0 : (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2));
        Tensor x = s == 0 ? A : A.div(Math.pow(2, s));
        Tensor eye = Torch.eye(A.size(-1)).to(A.dtype()).expand(A.shape());
        Tensor term = eye, sum = eye;
        for (int k = 1; k <= 18; k++) {
            term = term.matmul(x).div((double) k);
            sum = sum.add(term);
        }
        for (int i = 0; i < s; i++) sum = sum.matmul(sum);
        return sum;
    }

    /**
     * The tensor inverse: A reshaped to a matrix of its first ind dims by the rest, inverted, reshaped back.
     *
     * <p>PyTorch: {@code torch.linalg.tensorinv}.
     *
     * @param A the tensor, with prod(A.shape[:ind]) == prod(A.shape[ind:])
     * @param ind the number of leading dims that form the rows, at least 1
     * @return the inverse, of shape A.shape[ind:] + A.shape[:ind]
     * @throws IllegalArgumentException if ind is not positive, the products differ ("Expected self to satisfy the
     *     requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), but got ..."), or the matrix is singular
     */
    public static Tensor tensorinv(Tensor A, int ind) {
        if (ind <= 0) throw new IllegalArgumentException("Expected a strictly positive integer for 'ind', but got " + ind);
        long[] shape = A.shape();
        long rows = 1, cols = 1;
        for (int i = 0; i < shape.length; i++) if (i < ind) rows *= shape[i]; else cols *= shape[i];
        if (rows != cols) {
            throw new IllegalArgumentException("Expected self to satisfy the requirement prod(self.shape[ind:]) == prod(self.shape[:ind]), but got "
                    + cols + " != " + rows);
        }
        long[] out = new long[shape.length];
        System.arraycopy(shape, ind, out, 0, shape.length - ind);
        System.arraycopy(shape, 0, out, shape.length - ind, ind);
        return inv(A.reshape(rows, cols)).reshape(out);
    }

    /**
     * {@code torch.linalg.tensorinv(A)}, with ind 2.
     *
     * @param A the tensor, with prod(A.shape[:ind]) == prod(A.shape[ind:])
     * @return the inverse, of shape A.shape[ind:] + A.shape[:ind]
     * @throws IllegalArgumentException if the products differ ("Expected self to satisfy the requirement
     *     prod(self.shape[ind:]) == prod(self.shape[:ind]), but got ...") or the matrix is singular
     */
    public static Tensor tensorinv(Tensor A) { return tensorinv(A, 2); }

    /**
     * Solves tensordot(A, X, B.dim()) = B for X.
     *
     * <p>PyTorch: {@code torch.linalg.tensorsolve}.
     *
     * @param A the tensor, whose leading dims are B's shape
     * @param B the right-hand side
     * @return X of shape A.shape[B.dim():]
     * @throws IllegalArgumentException if the products do not match ("Expected self to satisfy the requirement
     *     prod(self.shape[other.ndim:]) == prod(self.shape[:other.ndim]), but got ...") or the system is singular
     */
    public static Tensor tensorsolve(Tensor A, Tensor B) {
        long[] shape = A.shape();
        int nb = B.dim();
        long rows = B.numel(), cols = 1;
        long[] xShape = new long[shape.length - nb];
        for (int i = nb; i < shape.length; i++) {
            cols *= shape[i];
            xShape[i - nb] = shape[i];
        }
        if (rows != cols) {
            throw new IllegalArgumentException("Expected self to satisfy the requirement prod(self.shape[other.ndim:]) == prod(self.shape[:other.ndim]), but got "
                    + cols + " != " + rows);
        }
        return solve(A.reshape(rows, cols), B.reshape(rows)).reshape(xShape);
    }
}
