package dev.jgrad.backend.cpu;

import dev.jgrad.backend.View;

/**
 * Symmetric eigendecomposition by cyclic Jacobi rotations and SVD by one-sided (Hestenes) Jacobi: both are
 * accurate to a few ulp of the matrix norm and need no tridiagonal or bidiagonal stage. Batched over the
 * leading dims, in float64, rounded once. Eigen- and singular vectors are unique only up to sign; each vector
 * is turned so that its largest-magnitude entry (the first of equal ones) is positive.
 */
final class CpuEigen {
    private CpuEigen() {}

    private static final int MAX_SWEEPS = 100;
    private static final double EPS = 0x1p-53;

    /** Ascending eigenvalues of each symmetric matrix (read from its lower, or upper, triangle) and, unless null, eigenvectors as columns. */
    static void eigh(View a, boolean upper, View values, View vectors) {
        int n = a.shape()[a.dim() - 1], nn = n * n;
        double[] x = CpuBackend.doubles(a);
        int batches = nn == 0 ? 0 : x.length / nn;
        double[] w = new double[batches * n], v = new double[x.length];
        double[] m = new double[nn], q = new double[nn];
        for (int b = 0; b < batches; b++) {
            int o = b * nn;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = CpuLu.at(x, o, n, i, j, upper);
            }
            jacobi(m, q, n);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            java.util.Arrays.sort(order, (p, r) -> Double.compare(m[p * n + p], m[r * n + r]));
            for (int c = 0; c < n; c++) {
                int src = order[c];
                w[b * n + c] = m[src * n + src];
                for (int i = 0; i < n; i++) v[o + i * n + c] = q[i * n + src];
            }
            fixSigns(v, o, n, n, n);
        }
        CpuBackend.write(w, values);
        if (vectors != null) CpuBackend.write(v, vectors);
    }

    /** Diagonalises the symmetric m in place; q gets the rotations' product (columns are eigenvectors). */
    private static void jacobi(double[] m, double[] q, int n) {
        java.util.Arrays.fill(q, 0);
        for (int i = 0; i < n; i++) q[i * n + i] = 1;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < n - 1; p++) {
                for (int r = p + 1; r < n; r++) {
                    double apq = m[p * n + r], app = m[p * n + p], aqq = m[r * n + r];
                    if (apq == 0 || Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app * aqq))) {
                        m[p * n + r] = m[r * n + p] = 0;
                        continue;
                    }
                    rotated = true;
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.abs(theta) > 1e150 ? 0.5 / theta : Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) {  // columns p and r
                        double mkp = m[k * n + p], mkr = m[k * n + r];
                        m[k * n + p] = c * mkp - s * mkr;
                        m[k * n + r] = s * mkp + c * mkr;
                    }
                    for (int k = 0; k < n; k++) {  // rows p and r
                        double mpk = m[p * n + k], mrk = m[r * n + k];
                        m[p * n + k] = c * mpk - s * mrk;
                        m[r * n + k] = s * mpk + c * mrk;
                    }
                    m[p * n + r] = m[r * n + p] = 0;
                    for (int k = 0; k < n; k++) {
                        double qkp = q[k * n + p], qkr = q[k * n + r];
                        q[k * n + p] = c * qkp - s * qkr;
                        q[k * n + r] = s * qkp + c * qkr;
                    }
                }
            }
            if (!rotated) return;
        }
    }

    /**
     * Singular values (descending) of each m x n matrix of a into s (..., k), k = min(m, n); unless null, u
     * (..., m, m or k) and vh (..., n or k, n), completed to orthonormal bases when wider than k.
     */
    static void svd(View a, View u, View s, View vh) {
        int m = a.shape()[a.dim() - 2], n = a.shape()[a.dim() - 1], k = Math.min(m, n), mn = m * n;
        double[] x = CpuBackend.doubles(a);
        int batches = mn == 0 ? (s.numel() == 0 ? 0 : s.numel() / Math.max(1, k)) : x.length / mn;
        int uc = u == null ? k : u.shape()[u.dim() - 1], vr = vh == null ? k : vh.shape()[vh.dim() - 2];
        double[] ss = new double[batches * k], uu = new double[batches * m * uc], vv = new double[batches * vr * n];
        boolean wide = m < n;
        int rows = wide ? n : m, cols = wide ? m : n;  // the tall problem: B = A or A^T, rows >= cols
        double[] bm = new double[rows * cols], vm = new double[cols * cols], sv = new double[cols];
        for (int b = 0; b < batches; b++) {
            int o = b * mn;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    if (wide) bm[j * cols + i] = x[o + i * n + j];
                    else bm[i * cols + j] = x[o + i * n + j];
                }
            }
            oneSided(bm, vm, sv, rows, cols);
            System.arraycopy(sv, 0, ss, b * k, k);
            // B = W S V^T with W = normalised columns of bm (rows x cols), V = vm (cols x cols)
            int left = wide ? vr : uc;  // columns wanted of B's left factor W
            double[] wfull = complete(bm, rows, cols, left);
            // A = U S Vh: tall: U = W, Vh = V^T; wide: A = B^T = V S W^T, so U = V, Vh = W^T
            if (!wide) {
                for (int i = 0; i < m; i++) for (int j = 0; j < uc; j++) uu[b * m * uc + i * uc + j] = wfull[i * left + j];
                for (int i = 0; i < vr; i++) for (int j = 0; j < n; j++) vv[b * vr * n + i * n + j] = vm[j * cols + i];
            } else {
                for (int i = 0; i < m; i++) for (int j = 0; j < uc; j++) uu[b * m * uc + i * uc + j] = vm[i * cols + j];
                for (int i = 0; i < vr; i++) for (int j = 0; j < n; j++) vv[b * vr * n + i * n + j] = wfull[j * left + i];
            }
        }
        CpuBackend.write(ss, s);
        if (u != null) CpuBackend.write(uu, u);
        if (vh != null) CpuBackend.write(vv, vh);
    }

    /**
     * One-sided Jacobi on the rows x cols matrix b (rows >= cols): rotates column pairs until all are orthogonal,
     * then sorts them by norm (descending). Leaves the normalised columns in b, their norms in s, and the
     * accumulated rotations in v (columns are right singular vectors), signs fixed by v's columns.
     */
    private static void oneSided(double[] b, double[] v, double[] s, int rows, int cols) {
        java.util.Arrays.fill(v, 0);
        for (int i = 0; i < cols; i++) v[i * cols + i] = 1;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < cols - 1; p++) {
                for (int q = p + 1; q < cols; q++) {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < rows; i++) {
                        double bp = b[i * cols + p], bq = b[i * cols + q];
                        alpha += bp * bp;
                        beta += bq * bq;
                        gamma += bp * bq;
                    }
                    if (gamma == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.abs(zeta) > 1e150 ? 0.5 / zeta : Math.signum(zeta == 0 ? 1 : zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t), sn = c * t;
                    for (int i = 0; i < rows; i++) {
                        double bp = b[i * cols + p], bq = b[i * cols + q];
                        b[i * cols + p] = c * bp - sn * bq;
                        b[i * cols + q] = sn * bp + c * bq;
                    }
                    for (int i = 0; i < cols; i++) {
                        double vp = v[i * cols + p], vq = v[i * cols + q];
                        v[i * cols + p] = c * vp - sn * vq;
                        v[i * cols + q] = sn * vp + c * vq;
                    }
                }
            }
            if (!rotated) break;
        }
        double[] norms = new double[cols];
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) sum += b[i * cols + j] * b[i * cols + j];
            norms[j] = Math.sqrt(sum);
        }
        Integer[] order = new Integer[cols];
        for (int i = 0; i < cols; i++) order[i] = i;
        java.util.Arrays.sort(order, (p, q) -> Double.compare(norms[q], norms[p]));
        double[] bs = b.clone(), vs = v.clone();
        for (int c = 0; c < cols; c++) {
            int src = order[c];
            s[c] = norms[src];
            double inv = norms[src] == 0 ? 0 : 1 / norms[src];
            for (int i = 0; i < rows; i++) b[i * cols + c] = bs[i * cols + src] * inv;
            for (int i = 0; i < cols; i++) v[i * cols + c] = vs[i * cols + src];
        }
        for (int c = 0; c < cols; c++) {  // one sign per pair of singular vectors, chosen by v's column
            int big = 0;
            for (int i = 1; i < cols; i++) if (Math.abs(v[i * cols + c]) > Math.abs(v[big * cols + c])) big = i;
            if (v[big * cols + c] < 0) {
                for (int i = 0; i < cols; i++) v[i * cols + c] = -v[i * cols + c];
                for (int i = 0; i < rows; i++) b[i * cols + c] = -b[i * cols + c];
            }
        }
    }

    /**
     * The first `want` columns of an orthonormal basis that starts with w's cols columns (rows x cols, unit or
     * zero): zero columns (zero singular values) and the extra columns are filled by Gram-Schmidt (twice) on
     * the unit vectors, taking the first that is not already in the span.
     */
    private static double[] complete(double[] w, int rows, int cols, int want) {
        double[] out = new double[rows * want];
        int filled = 0;
        boolean[] have = new boolean[want];
        for (int j = 0; j < Math.min(cols, want); j++) {
            double norm = 0;
            for (int i = 0; i < rows; i++) norm += w[i * cols + j] * w[i * cols + j];
            if (norm == 0) continue;
            for (int i = 0; i < rows; i++) out[i * want + j] = w[i * cols + j];
            have[j] = true;
            filled++;
        }
        if (filled == want) return out;
        double[] cand = new double[rows];
        int e = 0;
        for (int j = 0; j < want; j++) {
            if (have[j]) continue;
            while (e < rows) {
                java.util.Arrays.fill(cand, 0);
                cand[e++] = 1;
                for (int pass = 0; pass < 2; pass++) {
                    for (int c = 0; c < want; c++) {
                        if (!have[c]) continue;
                        double d = 0;
                        for (int i = 0; i < rows; i++) d += out[i * want + c] * cand[i];
                        for (int i = 0; i < rows; i++) cand[i] -= d * out[i * want + c];
                    }
                }
                double norm = 0;
                for (double c : cand) norm += c * c;
                norm = Math.sqrt(norm);
                if (norm > 1e-8) {
                    for (int i = 0; i < rows; i++) out[i * want + j] = cand[i] / norm;
                    have[j] = true;
                    break;
                }
            }
        }
        return out;
    }

    /** Turns each of the cols columns of the rows x cols block at x[o..] (row stride ld) so its largest-magnitude entry is positive. */
    private static void fixSigns(double[] x, int o, int rows, int cols, int ld) {
        for (int c = 0; c < cols; c++) {
            int big = 0;
            for (int i = 1; i < rows; i++) if (Math.abs(x[o + i * ld + c]) > Math.abs(x[o + big * ld + c])) big = i;
            if (x[o + big * ld + c] < 0) for (int i = 0; i < rows; i++) x[o + i * ld + c] = -x[o + i * ld + c];
        }
    }
}
