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

    /**
     * {@code torch.linalg.det(A)}: the determinant of each square matrix in the last two dims, shape A.shape[:-2].
     */
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

    /**
     * {@code torch.linalg.eigvalsh(A)}: the eigenvalues, ascending, of each symmetric matrix, read from its lower
     * triangle.
     */
    public static Tensor eigvalsh(Tensor A) { return eigvalsh(A, "L"); }

    /**
     * {@code torch.linalg.eigvalsh(A, UPLO)}: the eigenvalues, ascending, reading the lower ("L") or upper ("U")
     * triangle.
     */
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

    /** {@code torch.linalg.vector_norm(x, ord)}: the ord-norm of all elements, as a 0-dim tensor. */
    public static Tensor vectorNorm(Tensor x, double ord) { return vectorNorm(x, ord, null, false); }

    /** The ord-norm (any real ord, inf and -inf included) over dim (null: all dims). */
    public static Tensor vectorNorm(Tensor x, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.vectorNorm(x, ord, dim, keepdim); }

    /** The Frobenius norm over the last two dims. */
    public static Tensor matrixNorm(Tensor A) { return matrixNorm(A, "fro"); }

    /** ord 2, -2, 1, -1, inf, -inf over the last two dims. */
    public static Tensor matrixNorm(Tensor A, double ord) { return matrixNorm(A, ord, new int[] {-2, -1}, false); }

    /** ord "fro" or "nuc" over the last two dims. */
    public static Tensor matrixNorm(Tensor A, String ord) { return matrixNorm(A, ord, new int[] {-2, -1}, false); }

    /**
     * {@code torch.linalg.matrix_norm(A, ord, dim, keepdim)} for a numeric ord (1, -1, 2, -2, inf, -inf) over the two
     * dims.
     */
    public static Tensor matrixNorm(Tensor A, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.matrixNorm(A, ord, dim, keepdim); }

    /** {@code torch.linalg.matrix_norm(A, ord, dim, keepdim)} for ord "fro" or "nuc" over the two dims. */
    public static Tensor matrixNorm(Tensor A, String ord, int[] dim, boolean keepdim) { return MatrixFunctions.matrixNorm(A, ord, dim, keepdim); }

    /** The 2-norm of all entries (ord None, dim None). */
    public static Tensor norm(Tensor A) { return MatrixFunctions.norm(A, (Double) null, null, false); }

    /** A vector norm of a 1-d input, a matrix norm of a 2-d one. */
    public static Tensor norm(Tensor A, double ord) { return MatrixFunctions.norm(A, (Double) ord, null, false); }

    /** {@code torch.linalg.norm(A, ord)} for ord "fro" or "nuc" of a matrix (or batch of matrices). */
    public static Tensor norm(Tensor A, String ord) { return MatrixFunctions.norm(A, ord, null, false); }

    /** ord None over dim (one dim or two): the 2-norm of those entries. */
    public static Tensor norm(Tensor A, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, (Double) null, dim, keepdim); }

    /** A vector norm over one dim, a matrix norm over two (dim null: by A's dims). */
    public static Tensor norm(Tensor A, double ord, int[] dim, boolean keepdim) { return MatrixFunctions.norm(A, (Double) ord, dim, keepdim); }

    /** {@code torch.linalg.norm(A, ord, dim, keepdim)} for ord "fro" or "nuc" over the two dims given. */
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

    /**
     * {@code torch.linalg.matrix_rank(A, hermitian=hermitian)}: with hermitian, the eigenvalues of a symmetric A
     * stand for the singular values.
     */
    public static Tensor matrixRank(Tensor A, boolean hermitian) { return MatrixFunctions.matrixRank(A, null, null, hermitian); }

    /**
     * {@code torch.linalg.matrix_rank(A, atol, rtol, hermitian)}: singular values above max(atol, rtol * the largest)
     * count (null: PyTorch's defaults).
     */
    public static Tensor matrixRank(Tensor A, Double atol, Double rtol, boolean hermitian) { return MatrixFunctions.matrixRank(A, atol, rtol, hermitian); }

    /** A^n for any integer n (the inverse's power for n &lt; 0, the identity for 0). */
    public static Tensor matrixPower(Tensor A, long n) { return MatrixFunctions.matrixPower(A, n); }

    /** The cross product along the last dim (size 3); inputs broadcast. */
    public static Tensor cross(Tensor input, Tensor other) { return cross(input, other, -1); }

    /**
     * {@code torch.linalg.cross(input, other, dim)}: the cross product along dim, which must have size 3; inputs
     * broadcast.
     */
    public static Tensor cross(Tensor input, Tensor other, int dim) { return MatrixFunctions.cross(input, other, dim); }

    /** The product of the chain in its cheapest order; the first and last may be vectors. */
    public static Tensor multiDot(List<Tensor> tensors) { return MatrixFunctions.multiDot(tensors); }

    /** {@code torch.linalg.lstsq}'s result; with the default gelsy driver residuals and singular values are empty. */
    public record Lstsq(Tensor solution, Tensor residuals, Tensor rank, Tensor singularValues) {
        @Override public String toString() {
            return "torch.return_types.linalg_lstsq(\nsolution=" + solution + ",\nresiduals=" + residuals + ",\nrank=" + rank
                    + ",\nsingular_values=" + singularValues + ")";
        }
    }

    /** The least-squares (minimum-norm when rank-deficient) solution of A X = B, through the pseudo-inverse. */
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

    /** Solves A X = B (left) or X A = B (right) for triangular A; unitriangular takes A's diagonal as ones. */
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
     */
    public static Tensor solveTriangular(Tensor A, Tensor B, boolean upper) { return solveTriangular(A, B, upper, true, false); }

    /** The diagonal of the last two dims ({@code torch.linalg.diagonal}). */
    public static Tensor diagonal(Tensor A) { return A.diagonal(0, -2, -1); }

    /** {@code torch.linalg.diagonal(A, offset, dim1, dim2)}. */
    public static Tensor diagonal(Tensor A, long offset, int dim1, int dim2) { return A.diagonal(offset, dim1, dim2); }

    /** {@code torch.linalg.matmul(a, b)}, an alias of {@code torch.matmul}. */
    public static Tensor matmul(Tensor a, Tensor b) { return a.matmul(b); }

    /** The dot product along dim (broadcast). */
    public static Tensor vecdot(Tensor x, Tensor y, int dim) { return x.mul(y).sum(dim); }

    /** {@code torch.linalg.vecdot(x, y)}: the dot product along the last dim. */
    public static Tensor vecdot(Tensor x, Tensor y) { return vecdot(x, y, -1); }

    /** The Vandermonde matrix with increasing powers x^0 .. x^(n-1) (n defaults to x's length). */
    public static Tensor vander(Tensor x, Integer n) {
        long cols = n == null ? x.size(-1) : n;
        if (cols <= 0) throw new IllegalArgumentException("N must be greater than 1.");
        if (cols == 1) return Torch.onesLike(x.unsqueeze(-1));
        Tensor powers = x.unsqueeze(-1).expand(concat(x.shape(), cols - 1)).cumprod(-1);
        return Torch.cat(List.of(Torch.onesLike(x.unsqueeze(-1)).to(powers.dtype()), powers), -1);
    }

    /** {@code torch.linalg.vander(x)}: the square Vandermonde matrix of x's last dim. */
    public static Tensor vander(Tensor x) { return vander(x, null); }

    private static long[] concat(long[] shape, long last) {
        long[] r = java.util.Arrays.copyOf(shape, shape.length + 1);
        r[shape.length] = last;
        return r;
    }

    /** The 2-norm condition number: largest over smallest singular value. */
    public static Tensor cond(Tensor A) {
        Tensor s = svdvals(A);
        return s.narrow(-1, 0, 1).div(s.narrow(-1, s.size(-1) - 1, 1)).squeeze(-1);
    }

    /** The condition number in a matrix norm: norm(A) * norm(inv(A)). */
    public static Tensor cond(Tensor A, String ord) { return matrixNorm(A, ord).mul(matrixNorm(inv(A), ord)); }

    /**
     * e^A by scaling and squaring: A / 2^s with its norm below 1/2, an 18-term Taylor series, then s squarings
     * (PyTorch chooses its polynomial degree by norm; the values agree to rounding).
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

    /** The tensor inverse: A reshaped to a matrix of its first ind dims by the rest, inverted, reshaped back. */
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

    /** {@code torch.linalg.tensorinv(A)}, with ind 2. */
    public static Tensor tensorinv(Tensor A) { return tensorinv(A, 2); }

    /** Solves tensordot(A, X, B.dim()) = B for X. */
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
