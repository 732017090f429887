package dev.jgrad.backend.cpu;

import dev.jgrad.backend.View;

/**
 * LU with partial pivoting (LAPACK's getrf: the first largest |a[i][j]| is the pivot, a zero pivot column is
 * left as it is and reported in info), its solves (getrs), and Cholesky (potrf). Batched over the leading
 * dims; each matrix is factored in float64 and rounded once to the output dtype.
 */
final class CpuLu {
    private CpuLu() {}

    /** Factors each square matrix of a into lu (L below the unit diagonal, U on and above), pivots (1-based) and info. */
    static void lu(View a, View lu, View pivots, View info) {
        int n = a.shape()[a.dim() - 1], nn = n * n;
        double[] x = CpuBackend.doubles(a);
        int batches = nn == 0 ? 0 : x.length / nn;
        double[] piv = new double[batches * n], inf = new double[batches];
        for (int b = 0; b < batches; b++) inf[b] = factor(x, b * nn, n, piv, b * n);
        CpuBackend.write(x, lu);
        CpuBackend.write(piv, pivots);
        CpuBackend.write(inf, info);
    }

    /** getf2 on the n x n matrix at x[o..]: returns info (0, or the 1-based column of the first zero pivot). */
    private static int factor(double[] x, int o, int n, double[] piv, int po) {
        int info = 0;
        for (int j = 0; j < n; j++) {
            int p = j;
            double best = Math.abs(x[o + j * n + j]);
            for (int i = j + 1; i < n; i++) {
                double v = Math.abs(x[o + i * n + j]);
                if (v > best || Double.isNaN(v) && !Double.isNaN(best)) {
                    best = v;
                    p = i;
                }
            }
            piv[po + j] = p + 1;
            double pivot = x[o + p * n + j];
            if (pivot != 0) {
                if (p != j) {
                    for (int c = 0; c < n; c++) {
                        double t = x[o + j * n + c];
                        x[o + j * n + c] = x[o + p * n + c];
                        x[o + p * n + c] = t;
                    }
                }
                for (int i = j + 1; i < n; i++) x[o + i * n + j] /= pivot;
            } else if (info == 0) {
                info = j + 1;
            }
            for (int i = j + 1; i < n; i++) {
                double l = x[o + i * n + j];
                if (l == 0) continue;
                for (int c = j + 1; c < n; c++) x[o + i * n + c] -= l * x[o + j * n + c];
            }
        }
        return info;
    }

    /** x = A^-1 b for each batch, A given by its lu and pivots; b is (..., n, k), broadcast to x's batch. */
    static void luSolve(View lu, View pivots, View b, View x) {
        int n = lu.shape()[lu.dim() - 1], k = b.shape()[b.dim() - 1], nn = n * n, nk = n * k;
        double[] f = CpuBackend.doubles(lu), p = CpuBackend.doubles(pivots), r = CpuBackend.doubles(b);
        int batches = nk == 0 ? 0 : r.length / nk;
        for (int bt = 0; bt < batches; bt++) {
            int fo = bt * nn, ro = bt * nk, po = bt * n;
            for (int i = 0; i < n; i++) {  // the row swaps, in order
                int q = (int) p[po + i] - 1;
                if (q == i) continue;
                for (int c = 0; c < k; c++) {
                    double t = r[ro + i * k + c];
                    r[ro + i * k + c] = r[ro + q * k + c];
                    r[ro + q * k + c] = t;
                }
            }
            for (int i = 1; i < n; i++) {  // L y = P b, L unit lower
                for (int j = 0; j < i; j++) {
                    double l = f[fo + i * n + j];
                    if (l == 0) continue;
                    for (int c = 0; c < k; c++) r[ro + i * k + c] -= l * r[ro + j * k + c];
                }
            }
            for (int i = n - 1; i >= 0; i--) {  // U x = y
                for (int j = i + 1; j < n; j++) {
                    double u = f[fo + i * n + j];
                    if (u == 0) continue;
                    for (int c = 0; c < k; c++) r[ro + i * k + c] -= u * r[ro + j * k + c];
                }
                double d = f[fo + i * n + i];
                for (int c = 0; c < k; c++) r[ro + i * k + c] /= d;
            }
        }
        CpuBackend.write(r, x);
    }

    /**
     * The Cholesky factor of each matrix of a from its lower triangle (upper: from its upper triangle, giving
     * U = L^T); the other triangle of out is zero. info: 0, or the order of the first leading minor that is not
     * positive-definite.
     */
    static void cholesky(View a, boolean upper, View out, View info) {
        int n = a.shape()[a.dim() - 1], nn = n * n;
        double[] x = CpuBackend.doubles(a);
        int batches = nn == 0 ? 0 : x.length / nn;
        double[] l = new double[x.length], inf = new double[batches];
        for (int b = 0; b < batches; b++) {
            int o = b * nn;
            outer:
            for (int j = 0; j < n; j++) {
                double d = at(x, o, n, j, j, upper);
                for (int k = 0; k < j; k++) d -= l[o + j * n + k] * l[o + j * n + k];
                if (!(d > 0)) {
                    inf[b] = j + 1;
                    break outer;
                }
                double s = Math.sqrt(d);
                l[o + j * n + j] = s;
                for (int i = j + 1; i < n; i++) {
                    double v = at(x, o, n, i, j, upper);
                    for (int k = 0; k < j; k++) v -= l[o + i * n + k] * l[o + j * n + k];
                    l[o + i * n + j] = v / s;
                }
            }
            if (upper) transposeInPlace(l, o, n);
        }
        CpuBackend.write(l, out);
        CpuBackend.write(inf, info);
    }

    /** a[i][j] (i >= j) of the symmetric matrix whose stored triangle is the lower one, or the upper one. */
    static double at(double[] x, int o, int n, int i, int j, boolean upper) {
        return upper ? x[o + j * n + i] : x[o + i * n + j];
    }

    static void transposeInPlace(double[] x, int o, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double t = x[o + i * n + j];
                x[o + i * n + j] = x[o + j * n + i];
                x[o + j * n + i] = t;
            }
        }
    }
}
