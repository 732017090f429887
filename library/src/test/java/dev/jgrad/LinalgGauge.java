package dev.jgrad;

import java.util.List;

/**
 * Sign-invariant views of eigh and svd for the fixture cases (gen_breadth_linalg.py computes the same in
 * PyTorch): eigen- and singular vectors are unique only up to sign, and LAPACK and jgrad may choose differently,
 * so the cases compare squared entries and reconstructions rather than the vectors.
 */
public final class LinalgGauge {
    private LinalgGauge() {}

    /** [eigenvalues, eigenvectors squared]. */
    public static List<Tensor> eigh(Tensor a, String uplo) {
        Linalg.Eigh e = Linalg.eigh(a, uplo);
        return List.of(e.eigenvalues(), e.eigenvectors().square());
    }

    public static Tensor eighVectorSquares(Tensor a) { return Linalg.eigh(a).eigenvectors().square(); }

    /** [U[:, :k] diag(S) Vh[:k], S, U[:, :k] squared, Vh[:k] squared]. */
    public static List<Tensor> svd(Tensor a, boolean full) {
        Linalg.Svd r = Linalg.svd(a, full);
        long k = r.S().size(-1);
        Tensor u = r.U().narrow(-1, 0, k), vh = r.Vh().narrow(-2, 0, k);
        return List.of(u.mul(r.S().unsqueeze(-2)).matmul(vh), r.S(), u.square(), vh.square());
    }

    public static Tensor svdVectorSquares(Tensor a) { return Linalg.svd(a, false).U().square(); }

    public static Tensor svdReconstruction(Tensor a) { return svd(a, false).get(0); }

    /** torch.svd: [U diag(S) V^T, S, V squared]. */
    public static List<Tensor> torchSvd(Tensor a) {
        Torch.Svd r = Torch.svd(a);
        return List.of(r.U().mul(r.S().unsqueeze(-2)).matmul(r.V().mT()), r.S(), r.V().square());
    }
}
