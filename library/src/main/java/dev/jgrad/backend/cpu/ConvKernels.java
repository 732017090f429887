package dev.jgrad.backend.cpu;

import dev.jgrad.DType;
import dev.jgrad.backend.View;

/**
 * 2-d convolution as im2col + GEMM, its inverse col2im, and max pooling. Images are dense (n, c, h, w)
 * arrays; a column matrix holds, for each output position (its columns), the kernel window's inputs
 * (its rows, ordered channel, kernel row, kernel column), which is also the order of a flattened weight.
 */
final class ConvKernels {
    private ConvKernels() {}

    /** Geometry of one sliding window over an (h, w) image. */
    record Window(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw) {
        int outH(int h) { return (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1; }

        int outW(int w) { return (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1; }

        static Window of(int[] g) { return new Window(g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]); }
    }

    // ---------------------------------------------------------------- im2col / col2im

    /** One image (c, h, w) at src[so..] into its columns (c*kh*kw, oh*ow) at dst[doff..]. */
    static void im2col(float[] src, int so, int c, int h, int w, Window k, int oh, int ow, float[] dst, int doff) {
        int l = oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < k.kh; i++) {
                for (int j = 0; j < k.kw; j++) {
                    int row = doff + ((ch * k.kh + i) * k.kw + j) * l;
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        int out = row + y * ow;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(dst, out, out + ow, 0f);
                            continue;
                        }
                        int in = so + (ch * h + iy) * w;
                        for (int x = 0; x < ow; x++) {
                            int ix = x * k.sw - k.pw + j * k.dw;
                            dst[out + x] = ix >= 0 && ix < w ? src[in + ix] : 0f;
                        }
                    }
                }
            }
        }
    }

    static void im2col(double[] src, int so, int c, int h, int w, Window k, int oh, int ow, double[] dst, int doff) {
        int l = oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < k.kh; i++) {
                for (int j = 0; j < k.kw; j++) {
                    int row = doff + ((ch * k.kh + i) * k.kw + j) * l;
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        int out = row + y * ow;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(dst, out, out + ow, 0.0);
                            continue;
                        }
                        int in = so + (ch * h + iy) * w;
                        for (int x = 0; x < ow; x++) {
                            int ix = x * k.sw - k.pw + j * k.dw;
                            dst[out + x] = ix >= 0 && ix < w ? src[in + ix] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /** The adjoint of im2col: every column entry is added back onto the pixel it was read from. */
    static void col2im(float[] cols, int co, int c, int h, int w, Window k, int oh, int ow, float[] img, int io) {
        int l = oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < k.kh; i++) {
                for (int j = 0; j < k.kw; j++) {
                    int row = co + ((ch * k.kh + i) * k.kw + j) * l;
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        if (iy < 0 || iy >= h) continue;
                        int in = io + (ch * h + iy) * w;
                        for (int x = 0; x < ow; x++) {
                            int ix = x * k.sw - k.pw + j * k.dw;
                            if (ix >= 0 && ix < w) img[in + ix] += cols[row + y * ow + x];
                        }
                    }
                }
            }
        }
    }

    static void col2im(double[] cols, int co, int c, int h, int w, Window k, int oh, int ow, double[] img, int io) {
        int l = oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < k.kh; i++) {
                for (int j = 0; j < k.kw; j++) {
                    int row = co + ((ch * k.kh + i) * k.kw + j) * l;
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        if (iy < 0 || iy >= h) continue;
                        int in = io + (ch * h + iy) * w;
                        for (int x = 0; x < ow; x++) {
                            int ix = x * k.sw - k.pw + j * k.dw;
                            if (ix >= 0 && ix < w) img[in + ix] += cols[row + y * ow + x];
                        }
                    }
                }
            }
        }
    }

    /** Batched im2col of a dense (n, c, h, w) tensor: (n, c*kh*kw, oh*ow). */
    static void im2col(View x, Window k, View out) {
        int n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
        int oh = k.outH(h), ow = k.outW(w), rows = c * k.kh * k.kw, l = oh * ow;
        Object src = ArrayStorage.data(x), dst = ArrayStorage.data(out);
        Parallel.forRange(n, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (src instanceof float[] f) im2col(f, i * c * h * w, c, h, w, k, oh, ow, (float[]) dst, i * rows * l);
                else im2col((double[]) src, i * c * h * w, c, h, w, k, oh, ow, (double[]) dst, i * rows * l);
            }
        });
    }

    /** Batched col2im of dense columns (n, c*kh*kw, oh*ow) into (n, c, h, w). */
    static void col2im(View cols, Window k, View out) {
        int n = out.shape()[0], c = out.shape()[1], h = out.shape()[2], w = out.shape()[3];
        int oh = k.outH(h), ow = k.outW(w), rows = c * k.kh * k.kw, l = oh * ow;
        Object src = ArrayStorage.data(cols), dst = ArrayStorage.data(out);
        Parallel.forRange(n, 1, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (src instanceof float[] f) col2im(f, i * rows * l, c, h, w, k, oh, ow, (float[]) dst, i * c * h * w);
                else col2im((double[]) src, i * rows * l, c, h, w, k, oh, ow, (double[]) dst, i * c * h * w);
            }
        });
    }

    // ---------------------------------------------------------------- convolution

    /**
     * Dense x (n, cin, h, w), weight (cout, cin/groups, kh, kw), bias (cout) or null: per image and
     * group, out = W_g (cout/g x kg) @ cols_g (kg x l), starting from the bias.
     */
    static void conv2d(View x, View weight, View bias, Window k, int groups, View out) {
        int n = x.shape()[0], cin = x.shape()[1], h = x.shape()[2], w = x.shape()[3], cout = weight.shape()[0];
        int oh = k.outH(h), ow = k.outW(w), l = oh * ow;
        int kg = cin / groups * k.kh * k.kw, coutG = cout / groups;
        boolean single = x.dtype() == DType.FLOAT32;
        Object xs = ArrayStorage.data(x), ws = ArrayStorage.data(weight), os = ArrayStorage.data(out);
        Object bs = bias == null ? null : ArrayStorage.data(bias);
        Parallel.forRange(n, 1, (from, to) -> {
            Object cols = single ? new float[kg * groups * l] : new double[kg * groups * l];
            for (int i = from; i < to; i++) {
                int outOff = i * cout * l;
                if (single) im2col((float[]) xs, i * cin * h * w, cin, h, w, k, oh, ow, (float[]) cols, 0);
                else im2col((double[]) xs, i * cin * h * w, cin, h, w, k, oh, ow, (double[]) cols, 0);
                if (bs != null) {
                    for (int o = 0; o < cout; o++) {
                        if (single) java.util.Arrays.fill((float[]) os, outOff + o * l, outOff + (o + 1) * l, ((float[]) bs)[o]);
                        else java.util.Arrays.fill((double[]) os, outOff + o * l, outOff + (o + 1) * l, ((double[]) bs)[o]);
                    }
                }
                for (int g = 0; g < groups; g++) {
                    int wOff = g * coutG * kg, cOff = g * kg * l, oOff = outOff + g * coutG * l;
                    if (single) {
                        Gemm.sgemm(coutG, l, kg, (float[]) ws, wOff, kg, 1, (float[]) cols, cOff, l, 1, (float[]) os, oOff, l, bs != null);
                    } else {
                        Gemm.dgemm(coutG, l, kg, (double[]) ws, wOff, kg, 1, (double[]) cols, cOff, l, 1, (double[]) os, oOff, l, bs != null);
                    }
                }
            }
        });
    }

    // ---------------------------------------------------------------- max pooling

    /** Max over each window of a dense (planes, h, w) input; indices are h*w positions within a plane. */
    static void maxPool2d(View x, int planes, int h, int w, Window k, int oh, int ow, View out, View idx) {
        long[] ind = (long[]) ArrayStorage.data(idx);
        double[] src = x.dtype() == DType.FLOAT64 ? (double[]) ArrayStorage.data(x) : null;
        float[] srcF = x.dtype() == DType.FLOAT32 ? (float[]) ArrayStorage.data(x) : null;
        Object outData = ArrayStorage.data(out);
        Parallel.forRange(planes, Math.max(1, 4096 / Math.max(1, oh * ow)), (from, to) -> {
            for (int p = from; p < to; p++) {
                int in = p * h * w;
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        int y0 = y * k.sh - k.ph, x0 = xo * k.sw - k.pw;
                        double best = Double.NEGATIVE_INFINITY;
                        int bestAt = -1;
                        for (int i = 0; i < k.kh; i++) {
                            int iy = y0 + i * k.dh;
                            if (iy < 0 || iy >= h) continue;
                            for (int j = 0; j < k.kw; j++) {
                                int ix = x0 + j * k.dw;
                                if (ix < 0 || ix >= w) continue;
                                double v = srcF != null ? srcF[in + iy * w + ix] : src[in + iy * w + ix];
                                if (bestAt < 0 || v > best || Double.isNaN(v)) {  // the last NaN wins, as in PyTorch
                                    best = v;
                                    bestAt = iy * w + ix;
                                }
                            }
                        }
                        int o = (p * oh + y) * ow + xo;
                        ind[o] = bestAt;
                        if (srcF != null) ((float[]) outData)[o] = (float) best;
                        else ((double[]) outData)[o] = best;
                    }
                }
            }
        });
    }
}
