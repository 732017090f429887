package dev.jgrad.backend.cpu;

import dev.jgrad.backend.View;

/**
 * Matrix factorisations over a float64 copy. QR by Householder reflections (as LAPACK's geqrf), Q formed by
 * applying them to the first k columns of the identity (as orgqr); the result is rounded once to the output
 * dtype. Batched over the leading dims.
 */
final class CpuLinalg {
    private CpuLinalg() {}

    static void qr(View a, View q, View r) {
        int m = a.shape()[a.dim() - 2], n = a.shape()[a.dim() - 1], k = Math.min(m, n);
        double[] all = CpuBackend.doubles(a);  // row-major (..., m, n), a fresh copy
        int batches = m * n == 0 ? 0 : all.length / (m * n);
        double[] qs = new double[batches * m * k], rs = new double[batches * k * n];
        for (int b = 0; b < batches; b++) {
            double[] x = java.util.Arrays.copyOfRange(all, b * m * n, (b + 1) * m * n);
            double[][] qr = qr(x, m, n, k);
            System.arraycopy(qr[0], 0, qs, b * m * k, m * k);
            System.arraycopy(qr[1], 0, rs, b * k * n, k * n);
        }
        CpuBackend.write(qs, q);
        CpuBackend.write(rs, r);
    }

    /** Q (m x k) and R (k x n) of the row-major m x n matrix x (overwritten). */
    private static double[][] qr(double[] x, int m, int n, int k) {
        double[][] v = new double[k][];
        double[] beta = new double[k];
        for (int j = 0; j < k; j++) {
            double below = 0;
            for (int i = j + 1; i < m; i++) below += x[i * n + j] * x[i * n + j];
            double[] vj = new double[m - j];
            if (below == 0) {  // nothing below the diagonal: no reflection, as LAPACK's larfg (tau = 0)
                v[j] = vj;
                continue;
            }
            double norm = Math.sqrt(x[j * n + j] * x[j * n + j] + below);
            double alpha = x[j * n + j] >= 0 ? -norm : norm;
            for (int i = j; i < m; i++) vj[i - j] = x[i * n + j];
            vj[0] -= alpha;
            double vv = 0;
            for (double e : vj) vv += e * e;
            beta[j] = vv == 0 ? 0 : 2 / vv;
            v[j] = vj;
            for (int c = j; c < n; c++) {  // x = (I - beta v v^T) x on rows j.., columns j..
                double s = 0;
                for (int i = j; i < m; i++) s += vj[i - j] * x[i * n + c];
                s *= beta[j];
                for (int i = j; i < m; i++) x[i * n + c] -= s * vj[i - j];
            }
        }
        double[] rr = new double[k * n];
        for (int i = 0; i < k; i++) for (int c = i; c < n; c++) rr[i * n + c] = x[i * n + c];
        double[] qq = new double[m * k];  // Q = H_0 H_1 ... H_{k-1} applied to the identity's first k columns
        for (int i = 0; i < k; i++) qq[i * k + i] = 1;
        for (int j = k - 1; j >= 0; j--) {
            double[] vj = v[j];
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int i = j; i < m; i++) s += vj[i - j] * qq[i * k + c];
                s *= beta[j];
                for (int i = j; i < m; i++) qq[i * k + c] -= s * vj[i - j];
            }
        }
        return new double[][] {qq, rr};
    }
}
