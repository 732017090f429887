package dev.jgrad.backend.cpu;

import dev.jgrad.internal.math.SpecialFunctions;
import dev.jgrad.DType;

/**
 * Array kernels behind the nn ops (softmax family, losses, normalisation, activations). They work on
 * row-major double arrays: every float32 value converts to double exactly, the math runs with double
 * accumulators (at least as accurate as PyTorch's float ones), and one rounding happens at the end.
 * Arrays are viewed as (outer, size, inner) around the dim an op works along.
 */
final class NnKernels {
    private NnKernels() {}

    // ---------------------------------------------------------------- softmax family

    /** softmax or log_softmax along the middle axis of (outer, size, inner), in place. */
    static void softmax(double[] v, int outer, int size, int inner, boolean log) {
        for (int o = 0; o < outer; o++) {
            int base = o * size * inner;
            for (int in = 0; in < inner; in++) {
                int start = base + in;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < size; k++) max = Math.max(max, v[start + k * inner]);
                // shifted by the max even when it is infinite, as PyTorch's kernel does: a row holding +inf
                // (or only -inf) gets inf - inf = nan everywhere, so softmax([inf, 0]) is [nan, nan] as in PyTorch
                double shift = max;
                double sum = 0;
                for (int k = 0; k < size; k++) sum += Math.exp(v[start + k * inner] - shift);
                if (log) {
                    double logSum = Math.log(sum);
                    for (int k = 0; k < size; k++) v[start + k * inner] = v[start + k * inner] - shift - logSum;
                } else {
                    for (int k = 0; k < size; k++) v[start + k * inner] = Math.exp(v[start + k * inner] - shift) / sum;
                }
            }
        }
    }

    /** logsumexp along the middle axis of (outer, size, inner): result has outer * inner values. */
    static double[] logsumexp(double[] v, int outer, int size, int inner) {
        double[] r = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int start = o * size * inner + in;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < size; k++) max = Math.max(max, v[start + k * inner]);
                double shift = Double.isInfinite(max) ? 0 : max;  // PyTorch masks infinite maxima to 0
                double sum = 0;
                for (int k = 0; k < size; k++) sum += Math.exp(v[start + k * inner] - shift);
                r[o * inner + in] = Math.log(sum) + shift;
            }
        }
        return r;
    }

    // ---------------------------------------------------------------- nll_loss

    /** Per-position losses and weights of nll_loss: input (n, c, inner), target (n, inner). */
    record NllResult(double[] losses, double[] weights) {}

    static NllResult nll(double[] input, long[] target, double[] classWeight, int n, int c, int inner, long ignoreIndex) {
        double[] losses = new double[n * inner], weights = new double[n * inner];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inner; j++) {
                int pos = i * inner + j;
                long t = target[pos];
                if (t == ignoreIndex) continue;
                if (t < 0 || t >= c) throw new IllegalArgumentException("Target " + t + " is out of bounds.");
                double w = classWeight == null ? 1 : classWeight[(int) t];
                weights[pos] = w;
                losses[pos] = -w * input[(i * c + (int) t) * inner + j];
            }
        }
        return new NllResult(losses, weights);
    }

    // ---------------------------------------------------------------- normalisation

    /** Mean and 1/sqrt(biased var + eps) of each of {@code rows} contiguous rows of length n. */
    static double[][] rowMoments(double[] x, int rows, int n, double eps) {
        double[] mean = new double[rows], rstd = new double[rows];
        for (int r = 0; r < rows; r++) {
            int off = r * n;
            double s = 0;
            for (int k = 0; k < n; k++) s += x[off + k];
            double m = s / n, ss = 0;
            for (int k = 0; k < n; k++) {
                double d = x[off + k] - m;
                ss += d * d;
            }
            mean[r] = m;
            rstd[r] = 1 / Math.sqrt(ss / n + eps);
        }
        return new double[][] {mean, rstd};
    }

    /** y = (x - mean_r) * rstd_r * w + b over rows of length n; w and b may be null. */
    static void normalizeRows(double[] x, int rows, int n, double[] mean, double[] rstd, double[] w, double[] b) {
        for (int r = 0; r < rows; r++) {
            int off = r * n;
            for (int k = 0; k < n; k++) {
                double y = (x[off + k] - mean[r]) * rstd[r];
                if (w != null) y *= w[k];
                if (b != null) y += b[k];
                x[off + k] = y;
            }
        }
    }

    /** Per-channel mean and biased variance of x viewed as (n, c, inner). */
    static double[][] channelMoments(double[] x, int n, int c, int inner) {
        double[] mean = new double[c], var = new double[c];
        double count = (double) n * inner;
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                int off = (i * c + ch) * inner;
                for (int k = 0; k < inner; k++) s += x[off + k];
            }
            double m = s / count, ss = 0;
            for (int i = 0; i < n; i++) {
                int off = (i * c + ch) * inner;
                for (int k = 0; k < inner; k++) {
                    double d = x[off + k] - m;
                    ss += d * d;
                }
            }
            mean[ch] = m;
            var[ch] = ss / count;
        }
        return new double[][] {mean, var};
    }

    /** y = (x - mean_c) * invstd_c * w_c + b_c over (n, c, inner), in place; w and b may be null. */
    static void normalizeChannels(double[] x, int n, int c, int inner, double[] mean, double[] invstd, double[] w, double[] b) {
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                int off = (i * c + ch) * inner;
                double scale = invstd[ch] * (w == null ? 1 : w[ch]);
                double shift = b == null ? 0 : b[ch];
                for (int k = 0; k < inner; k++) x[off + k] = (x[off + k] - mean[ch]) * scale + shift;
            }
        }
    }

    // ---------------------------------------------------------------- activations

    static final double SQRT_HALF = Math.sqrt(0.5);
    /** PyTorch's kBeta for the tanh approximation: sqrt(2) * (2 / sqrt(pi)) * 0.5 = sqrt(2 / pi). */
    static final double GELU_BETA = Math.sqrt(2) * (2 / Math.sqrt(Math.PI)) * 0.5;
    static final double GELU_KAPPA = 0.044715;

    static void gelu(double[] v, boolean tanh) {
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            if (tanh) {
                double inner = GELU_BETA * (x + GELU_KAPPA * x * x * x);
                v[i] = 0.5 * x * (1 + Math.tanh(inner));
            } else {
                v[i] = x * 0.5 * (1 + SpecialFunctions.erf(x * SQRT_HALF));
            }
        }
    }

    /** out[oo + i] = gelu(x[xo + i]) (the exact, erf form) for i below n: vector lanes, then ErfMath's same arithmetic. */
    static void geluFloat(float[] x, int xo, float[] out, int oo, int n) {
        int i = KernelConfig.VECTOR ? FloatVectorMath.gelu(x, xo, out, oo, n - n % FloatVectorMath.L) : 0;
        for (; i < n; i++) out[oo + i] = ErfMath.gelu(x[xo + i]);
    }

    /** out[oo + i] = g (Phi(x) + x phi(x)), gelu's backward in one pass, for i below n; bits as {@link #geluFloat}'s. */
    static void geluBackwardFloat(float[] g, int go, float[] x, int xo, float[] out, int oo, int n) {
        int i = KernelConfig.VECTOR ? FloatVectorMath.geluBackward(g, go, x, xo, out, oo, n - n % FloatVectorMath.L) : 0;
        for (; i < n; i++) out[oo + i] = ErfMath.geluBackward(g[go + i], x[xo + i]);
    }

    /** gelu's backward in float64: g (Phi(x) + x phi(x)), with Phi from erf. */
    static void geluBackward(double[] g, double[] x) {
        for (int i = 0; i < g.length; i++) {
            double v = x[i];
            double cdf = 0.5 * (1 + SpecialFunctions.erf(v * SQRT_HALF));
            g[i] = g[i] * (cdf + v * ErfMath.INV_SQRT_2PI * Math.exp(-0.5 * v * v));
        }
    }

    static void silu(double[] v) {
        for (int i = 0; i < v.length; i++) v[i] = v[i] / (1 + Math.exp(-v[i]));
    }

    static void leakyRelu(double[] v, double slope) {
        for (int i = 0; i < v.length; i++) if (v[i] <= 0) v[i] = v[i] * slope;
    }

    // ---------------------------------------------------------------- gathering rows

    /**
     * out[o][j][i] = src[o][index[j]][i] over (outer, size, inner); checks every index first. Negative
     * indices are out of range, as in PyTorch 1.13's index_select; dim1 says the check is on dim 1 of a
     * tensor of two or more dims, where PyTorch's kernel words the error differently.
     */
    static void indexSelect(Object src, Object dst, DType t, long[] index, int outer, int size, int inner, int offset, boolean dim1) {
        for (long k : index) {
            if (k < 0 || k >= size) {
                throw new IllegalArgumentException(dim1 ? "INDICES element is out of DATA bounds, id=" + k + " axis_dim=" + size
                        : "index out of range in self");
            }
        }
        int k = index.length;
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < k; j++) {
                int row = (int) index[j];
                System.arraycopy(src, offset + (o * size + row) * inner, dst, (o * k + j) * inner, inner);
            }
        }
    }

    // ---------------------------------------------------------------- optimizer arithmetic

    /**
     * self += value * t1 * t2 (mul true) or self += value * t1 / t2, rounded as PyTorch's CPU kernels
     * round them (checked against PyTorch 1.13): addcmul is {@code fma(value * t1, t2, self)}, addcdiv
     * is {@code self + (value * t1) / t2}, both in the element type. The vector lanes ({@link NnVector})
     * do the same IEEE operations, so the vector and scalar parts agree bit for bit.
     */
    /** One contiguous run of relu's backward: o = x &lt;= t ? 0 : g. */
    static void thresholdBackwardFloat(float t, float[] g, int go, float[] x, int xo, float[] o, int oo, int n) {
        int i = KernelConfig.VECTOR ? NnVector.thresholdBackwardFloat(t, g, go, x, xo, o, oo, n) : 0;
        for (; i < n; i++) o[oo + i] = x[xo + i] <= t ? 0f : g[go + i];
    }

    static void addcFloat(float[] self, int so, float[] a, int ao, float[] b, int bo, int n, float value, boolean mul) {
        int i = KernelConfig.VECTOR ? NnVector.addcFloat(self, so, a, ao, b, bo, n, value, mul) : 0;
        if (mul) {
            for (; i < n; i++) self[so + i] = Math.fma(value * a[ao + i], b[bo + i], self[so + i]);
        } else {
            for (; i < n; i++) self[so + i] = self[so + i] + value * a[ao + i] / b[bo + i];
        }
    }

    static void addcDouble(double[] self, int so, double[] a, int ao, double[] b, int bo, int n, double value, boolean mul) {
        if (mul) {
            for (int i = 0; i < n; i++) self[so + i] = Math.fma(value * a[ao + i], b[bo + i], self[so + i]);
        } else {
            for (int i = 0; i < n; i++) self[so + i] = self[so + i] + value * a[ao + i] / b[bo + i];
        }
    }
}
