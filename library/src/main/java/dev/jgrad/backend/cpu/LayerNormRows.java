package dev.jgrad.backend.cpu;

import jdk.incubator.vector.DoubleVector;

import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.D;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.F;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.L;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.lanesInOrder;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.narrow;
import static dev.jgrad.backend.cpu.FloatAsDoubleLanes.widen;

/**
 * float32 layer_norm over contiguous rows, forward and the input gradient of its backward, without copying the
 * tensor to doubles: each row's sums run in double, one partial per lane added in lane order and then the row's
 * tail in order (never reduceLanes(ADD)), results formed in double and rounded once. A row's bits depend only
 * on the row, so threads splitting the rows change nothing. The arithmetic is {@link NnKernels#rowMoments} and
 * {@link NnKernels#normalizeRows}'s (forward) and the composite backward's
 * rstd (gh - mean(gh) - xhat mean(gh xhat)), gh = grad w. Only reached behind {@link KernelConfig#VECTOR}.
 */
final class LayerNormRows {

    private LayerNormRows() {}

    private static double mean(float[] x, int at, int n) {
        int bound = n - n % L;
        DoubleVector acc = DoubleVector.zero(D);
        for (int k = 0; k < bound; k += L) acc = acc.add(widen(x, at + k));
        double s = lanesInOrder(acc);
        for (int k = bound; k < n; k++) s += x[at + k];
        return s / n;
    }

    private static double rstd(float[] x, int at, int n, double mean, double eps) {
        int bound = n - n % L;
        DoubleVector acc = DoubleVector.zero(D);
        for (int k = 0; k < bound; k += L) {
            DoubleVector d = widen(x, at + k).sub(mean);
            acc = d.fma(d, acc);
        }
        double ss = lanesInOrder(acc);
        for (int k = bound; k < n; k++) {
            double d = x[at + k] - mean;
            ss = Math.fma(d, d, ss);
        }
        return 1 / Math.sqrt(ss / n + eps);
    }

    /** out = (x - mean) rstd w + b per row of length n (w and b may be null, else of length n). */
    static void forward(float[] x, int xo, float[] w, float[] b, float[] out, int oo, int rows, int n, double eps) {
        Parallel.forRange(rows, Math.max(1, Parallel.ELEMENTWISE_GRAIN / 4 / Math.max(1, n)), (from, to) -> {
            int bound = n - n % L;
            for (int r = from; r < to; r++) {
                int at = xo + r * n, ot = oo + r * n;
                double m = mean(x, at, n), s = rstd(x, at, n, m, eps);
                for (int k = 0; k < bound; k += L) {
                    DoubleVector y = widen(x, at + k).sub(m).mul(s);
                    if (w != null) y = y.mul(widen(w, k));
                    if (b != null) y = y.add(widen(b, k));
                    narrow(y, out, ot + k);
                }
                for (int k = bound; k < n; k++) {
                    double y = (x[at + k] - m) * s;
                    if (w != null) y *= w[k];
                    if (b != null) y += b[k];
                    out[ot + k] = (float) y;
                }
            }
        });
    }

    /** The input gradient per row: rstd (gh - mean(gh) - xhat mean(gh xhat)), gh = g w (g when w is null). */
    static void inputGrad(float[] g, int go, float[] x, int xo, float[] w, float[] out, int oo, int rows, int n, double eps) {
        Parallel.forRange(rows, Math.max(1, Parallel.ELEMENTWISE_GRAIN / 8 / Math.max(1, n)), (from, to) -> {
            int bound = n - n % L;
            for (int r = from; r < to; r++) {
                int at = xo + r * n, gt = go + r * n, ot = oo + r * n;
                double m = mean(x, at, n), s = rstd(x, at, n, m, eps);
                DoubleVector accG = DoubleVector.zero(D), accGx = DoubleVector.zero(D);
                for (int k = 0; k < bound; k += L) {
                    DoubleVector gh = widen(g, gt + k);
                    if (w != null) gh = gh.mul(widen(w, k));
                    accG = accG.add(gh);
                    accGx = gh.fma(widen(x, at + k).sub(m).mul(s), accGx);
                }
                double sumG = lanesInOrder(accG), sumGx = lanesInOrder(accGx);
                for (int k = bound; k < n; k++) {
                    double gh = w != null ? (double) g[gt + k] * w[k] : g[gt + k];
                    sumG += gh;
                    sumGx = Math.fma(gh, (x[at + k] - m) * s, sumGx);
                }
                double meanG = sumG / n, meanGx = sumGx / n;
                for (int k = 0; k < bound; k += L) {
                    DoubleVector gh = widen(g, gt + k);
                    if (w != null) gh = gh.mul(widen(w, k));
                    DoubleVector xhat = widen(x, at + k).sub(m).mul(s);
                    narrow(gh.sub(meanG).sub(xhat.mul(meanGx)).mul(s), out, ot + k);
                }
                for (int k = bound; k < n; k++) {
                    double gh = w != null ? (double) g[gt + k] * w[k] : g[gt + k];
                    double xhat = (x[at + k] - m) * s;
                    out[ot + k] = (float) ((gh - meanG - xhat * meanGx) * s);
                }
            }
        });
    }
}
