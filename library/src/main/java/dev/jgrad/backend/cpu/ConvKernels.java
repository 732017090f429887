package dev.jgrad.backend.cpu;

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

    /*
     * Within one column row (channel, kernel row i, kernel column j) and one output row y, the inputs read are
     * x = xFrom..xTo-1 at ix = x * sw - pw + j * dw; outside that range they fall in the padding. With stride
     * 1 the span is one contiguous run of the input row, copied (or added back) as a block.
     */

    /** The first output column whose input column x * sw - pw + off is at least 0. */
    private static int firstInside(int off, int sw) { return off >= 0 ? 0 : (-off + sw - 1) / sw; }

    /** One past the last output column (below ow) whose input column x * sw - pw + off is below w. */
    private static int lastInside(int off, int sw, int w, int ow) {
        return off >= w ? 0 : Math.min(ow, (w - 1 - off) / sw + 1);
    }

    /** One image (c, h, w) at src[so..] into its columns (c*kh*kw, oh*ow) at dst[doff..]. */
    static void im2col(float[] src, int so, int c, int h, int w, Window k, int oh, int ow, float[] dst, int doff) {
        int l = oh * ow;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < k.kh; i++) {
                for (int j = 0; j < k.kw; j++) {
                    int row = doff + ((ch * k.kh + i) * k.kw + j) * l;
                    int off = j * k.dw - k.pw, xFrom = Math.min(ow, firstInside(off, k.sw)), xTo = Math.max(xFrom, lastInside(off, k.sw, w, ow));
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        int out = row + y * ow;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(dst, out, out + ow, 0f);
                            continue;
                        }
                        if (xFrom > 0) java.util.Arrays.fill(dst, out, out + xFrom, 0f);
                        if (xTo < ow) java.util.Arrays.fill(dst, out + xTo, out + ow, 0f);
                        int in = so + (ch * h + iy) * w + off;
                        if (k.sw == 1) {
                            System.arraycopy(src, in + xFrom, dst, out + xFrom, xTo - xFrom);
                        } else {
                            for (int x = xFrom; x < xTo; x++) dst[out + x] = src[in + x * k.sw];
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
                    int off = j * k.dw - k.pw, xFrom = Math.min(ow, firstInside(off, k.sw)), xTo = Math.max(xFrom, lastInside(off, k.sw, w, ow));
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        int out = row + y * ow;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(dst, out, out + ow, 0.0);
                            continue;
                        }
                        if (xFrom > 0) java.util.Arrays.fill(dst, out, out + xFrom, 0.0);
                        if (xTo < ow) java.util.Arrays.fill(dst, out + xTo, out + ow, 0.0);
                        int in = so + (ch * h + iy) * w + off;
                        if (k.sw == 1) {
                            System.arraycopy(src, in + xFrom, dst, out + xFrom, xTo - xFrom);
                        } else {
                            for (int x = xFrom; x < xTo; x++) dst[out + x] = src[in + x * k.sw];
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
                    int off = j * k.dw - k.pw, xFrom = Math.min(ow, firstInside(off, k.sw)), xTo = lastInside(off, k.sw, w, ow);
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        if (iy < 0 || iy >= h) continue;
                        int in = io + (ch * h + iy) * w + off, from = row + y * ow;
                        if (k.sw == 1 && KernelConfig.VECTOR) {
                            ConvDirect.addInto(cols, from + xFrom, img, in + xFrom, xTo - xFrom);
                        } else if (k.sw == 1) {
                            for (int x = xFrom; x < xTo; x++) img[in + x] += cols[from + x];
                        } else {
                            for (int x = xFrom; x < xTo; x++) img[in + x * k.sw] += cols[from + x];
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
                    int off = j * k.dw - k.pw, xFrom = Math.min(ow, firstInside(off, k.sw)), xTo = lastInside(off, k.sw, w, ow);
                    for (int y = 0; y < oh; y++) {
                        int iy = y * k.sh - k.ph + i * k.dh;
                        if (iy < 0 || iy >= h) continue;
                        int in = io + (ch * h + iy) * w + off, from = row + y * ow;
                        if (k.sw == 1) {
                            for (int x = xFrom; x < xTo; x++) img[in + x] += cols[from + x];
                        } else {
                            for (int x = xFrom; x < xTo; x++) img[in + x * k.sw] += cols[from + x];
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

    /*
     * The three products of a convolution run as one GEMM per image (and group) on the Java kernels, over
     * columns built per image in a per-thread buffer that stays in cache. Images are split over threads
     * (each image's products are the same whichever thread runs them), and the weight gradient sums images
     * in fixed chunks whose partial sums are added in a fixed order, so results are the same bits for any
     * thread count. OpenBLAS is not used here: its bits differ from the Java kernels', and which of the two
     * ran would then depend on the calling thread.
     */

    /**
     * Per-thread column buffers, grown on demand (one image's columns, a few hundred KB for typical layers).
     * A buffer is taken out while in use, so a thread that runs other work while it waits (a fork/join
     * helping out) gets a fresh one rather than the one it is filling.
     */
    private static final ThreadLocal<Object[]> COLS = ThreadLocal.withInitial(() -> new Object[2]);

    private static Object takeCols(boolean single, int size) {
        Object[] holder = COLS.get();
        int slot = single ? 0 : 1;
        Object buf = holder[slot];
        holder[slot] = null;
        int have = buf == null ? -1 : single ? ((float[]) buf).length : ((double[]) buf).length;
        return have >= size ? buf : single ? new float[size] : new double[size];
    }

    private static void giveCols(Object buf) {
        COLS.get()[buf instanceof float[] ? 0 : 1] = buf;
    }

    /** The Java GEMM (never OpenBLAS, see above); strides as for {@link Gemm#sgemm}. */
    private static void gemm(int m, int n, int k, Object a, int aOff, int ars, int acs, Object b, int bOff, int brs, int bcs,
                             Object c, int cOff, int ldc, boolean accumulate) {
        if (m == 0 || n == 0) return;
        if (a instanceof float[] af) {
            if (KernelConfig.VECTOR) Gemm.sgemmJava(m, n, k, af, aOff, ars, acs, (float[]) b, bOff, brs, bcs, (float[]) c, cOff, ldc, accumulate);
            else Gemm.sgemmScalar(m, n, k, af, aOff, ars, acs, (float[]) b, bOff, brs, bcs, (float[]) c, cOff, ldc, accumulate);
        } else {
            double[] ad = (double[]) a;
            if (KernelConfig.VECTOR) Gemm.dgemmJava(m, n, k, ad, aOff, ars, acs, (double[]) b, bOff, brs, bcs, (double[]) c, cOff, ldc, accumulate);
            else Gemm.dgemmScalar(m, n, k, ad, aOff, ars, acs, (double[]) b, bOff, brs, bcs, (double[]) c, cOff, ldc, accumulate);
        }
    }

    /** One image's columns into cols. */
    private static void columns(Object src, int so, int c, int h, int w, Window k, int oh, int ow, Object cols) {
        if (src instanceof float[] f) im2col(f, so, c, h, w, k, oh, ow, (float[]) cols, 0);
        else im2col((double[]) src, so, c, h, w, k, oh, ow, (double[]) cols, 0);
    }

    /** Images per parallel chunk: enough work per chunk (about 1M multiply-adds) to repay a hand-off. */
    private static int imageGrain(long macsPerImage) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (1L << 20) / Math.max(1, macsPerImage)));
    }

    /**
     * Dense x (n, cin, h, w), weight (cout, cin/groups, kh, kw), bias (cout) or null: per image and
     * group, out = W_g (cout/g x kg) @ cols_g (kg x l), starting from the bias.
     */
    static void conv2d(View x, View weight, View bias, Window k, int groups, View out) {
        int n = x.shape()[0], cin = x.shape()[1], h = x.shape()[2], w = x.shape()[3], cout = weight.shape()[0];
        int oh = k.outH(h), ow = k.outW(w), l = oh * ow;
        int kg = cin / groups * k.kh * k.kw, coutG = cout / groups;
        Object xs = ArrayStorage.data(x), ws = ArrayStorage.data(weight), os = ArrayStorage.data(out);
        Object bs = bias == null ? null : ArrayStorage.data(bias);
        if (xs instanceof float[] xf && KernelConfig.VECTOR) {
            if (n == 0 || l == 0 || cout == 0) return;
            ConvAlgorithm.Shape shape = new ConvAlgorithm.Shape(n, cin, h, w, cout, groups, k);
            if (ConvChoice.winograd(ConvChoice.Product.FORWARD, shape)) {
                ConvWinograd.forward(xf, n, cin, h, w, k.ph(), k.pw(), (float[]) ws, (float[]) bs, cout, (float[]) os);
                return;
            }
            ConvAlgorithm.Race race = ConvAlgorithm.race(shape);
            ConvAlgorithm alg = ConvAlgorithm.pick(shape, race);
            long start = System.nanoTime();
            conv2dFloat(alg, xf, (float[]) ws, (float[]) bs, (float[]) os, n, cin, h, w, cout, groups, k, oh, ow);
            if (race != null) race.took(alg, System.nanoTime() - start);
            return;
        }
        Parallel.forRange(n, imageGrain((long) cout * kg * l), (from, to) -> {
            Object cols = takeCols(xs instanceof float[], kg * groups * l);
            for (int i = from; i < to; i++) {
                int outOff = i * cout * l;
                columns(xs, i * cin * h * w, cin, h, w, k, oh, ow, cols);
                if (bs != null) {
                    for (int o = 0; o < cout; o++) {
                        if (bs instanceof float[] bf) java.util.Arrays.fill((float[]) os, outOff + o * l, outOff + (o + 1) * l, bf[o]);
                        else java.util.Arrays.fill((double[]) os, outOff + o * l, outOff + (o + 1) * l, ((double[]) bs)[o]);
                    }
                }
                for (int g = 0; g < groups; g++) {
                    gemm(coutG, l, kg, ws, g * coutG * kg, kg, 1, cols, g * kg * l, l, 1, os, outOff + g * coutG * l, l, bs != null);
                }
            }
            giveCols(cols);
        });
    }

    /**
     * Whether a forward's per-image product (cout/groups x l, depth kg) is one that {@link Gemm#sgemmJava} hands to
     * its unpacked loops rather than to {@link SgemmKernel#block}: too small, one row, or no wider than a vector.
     * Those run through {@link Gemm#sgemmJava} as before and are not raced ({@link ConvAlgorithm}).
     */
    static boolean smallProduct(int coutG, int l, int kg) {
        return (long) coutG * l * kg <= Gemm.DIRECT_MACS || coutG == 1 || l <= SgemmKernel.VL;
    }

    /**
     * The float32 forward by either algorithm, images split over threads. Both compute each output as bias (or 0)
     * plus, per depth block of {@link SgemmKernel}'s kc, a fused multiply-add chain over the block's taps (the
     * arithmetic of {@link Gemm#sgemmJava} on these products, so results are what the GEMM alone gave before);
     * a {@link #smallProduct} always takes {@link Gemm#sgemmJava}.
     */
    static void conv2dFloat(ConvAlgorithm alg, float[] xs, float[] ws, float[] bs, float[] os, int n, int cin, int h, int w,
                            int cout, int groups, Window k, int oh, int ow) {
        int l = oh * ow, kg = cin / groups * k.kh * k.kw, coutG = cout / groups;
        GemmBlocking blocking = SgemmKernel.BLOCKING;
        boolean small = smallProduct(coutG, l, kg);
        Parallel.forRange(n, imageGrain((long) cout * kg * l), (from, to) -> {
            if (alg == ConvAlgorithm.DIRECT && !small) {
                for (int i = from; i < to; i++) {
                    ConvDirect.image(xs, i * cin * h * w, cin, h, w, ws, bs, cout, groups, k, oh, ow, blocking.kc(), os, i * cout * l);
                }
                return;
            }
            float[] cols = (float[]) takeCols(true, kg * groups * l);
            for (int i = from; i < to; i++) {
                int outOff = i * cout * l;
                im2col(xs, i * cin * h * w, cin, h, w, k, oh, ow, cols, 0);
                if (bs != null) for (int o = 0; o < cout; o++) java.util.Arrays.fill(os, outOff + o * l, outOff + (o + 1) * l, bs[o]);
                for (int g = 0; g < groups; g++) {
                    if (small) gemm(coutG, l, kg, ws, g * coutG * kg, kg, 1, cols, g * kg * l, l, 1, os, outOff + g * coutG * l, l, bs != null);
                    else SgemmKernel.block(blocking, 0, coutG, 0, l, kg, ws, g * coutG * kg, kg, 1, cols, g * kg * l, l, 1,
                            os, outOff + g * coutG * l, l, bs != null);
                }
            }
            giveCols(cols);
        });
    }

    /**
     * conv2d's input gradient: per image and group, the columns W_g^T (kg x cout/g) @ grad_g (cout/g x l),
     * summed back onto the image (col2im), or by Winograd where {@link ConvChoice} says so. grad (n, cout, oh, ow)
     * dense; gradInput (n, cin, h, w) is overwritten.
     */
    static void conv2dInputGrad(View grad, View weight, Window k, int groups, View gradInput) {
        int n = gradInput.shape()[0], cin = gradInput.shape()[1], h = gradInput.shape()[2], w = gradInput.shape()[3];
        int cout = weight.shape()[0];
        Object gs = ArrayStorage.data(grad), ws = ArrayStorage.data(weight), out = ArrayStorage.data(gradInput);
        if (gs instanceof float[] gf && ConvChoice.winograd(ConvChoice.Product.INPUT_GRAD, new ConvAlgorithm.Shape(n, cin, h, w, cout, groups, k))) {
            ConvWinograd.inputGrad(gf, (float[]) ws, n, cin, h, w, k.ph(), k.pw(), cout, (float[]) out);
            return;
        }
        inputGradColumns(gs, ws, out, n, cin, h, w, cout, k, groups);
    }

    /** {@link #conv2dInputGrad} by GEMM and col2im, on dense arrays. */
    static void inputGradColumns(Object gs, Object ws, Object out, int n, int cin, int h, int w, int cout, Window k, int groups) {
        int oh = k.outH(h), ow = k.outW(w), l = oh * ow;
        int kg = cin / groups * k.kh * k.kw, coutG = cout / groups, image = cin * h * w;
        Parallel.forRange(n, imageGrain((long) cout * kg * l), (from, to) -> {
            Object cols = takeCols(gs instanceof float[], kg * groups * l);
            for (int i = from; i < to; i++) {
                for (int g = 0; g < groups; g++) {
                    gemm(kg, l, coutG, ws, g * coutG * kg, 1, kg, gs, (i * cout + g * coutG) * l, l, 1, cols, g * kg * l, l, false);
                }
                if (out instanceof float[] o) {
                    java.util.Arrays.fill(o, i * image, (i + 1) * image, 0f);
                    col2im((float[]) cols, 0, cin, h, w, k, oh, ow, o, i * image);
                } else {
                    java.util.Arrays.fill((double[]) out, i * image, (i + 1) * image, 0.0);
                    col2im((double[]) cols, 0, cin, h, w, k, oh, ow, (double[]) out, i * image);
                }
            }
            giveCols(cols);
        });
    }

    /** At most this many partial sums of the weight gradient: the parallelism its images can be split into. */
    private static final int WEIGHT_GRAD_PARTIALS = 16;

    /**
     * conv2d's weight gradient, the sum over images of grad_g (cout/g x l) @ cols_g^T (l x kg), computed
     * transposed as cols_g (kg x l) @ grad_g^T, which reads the columns' rows in order (measured 1.3-1.5x
     * faster than packing them transposed). The images are cut into at most {@link #WEIGHT_GRAD_PARTIALS}
     * chunks by their count alone; each chunk sums its images in order into its own (transposed) partial, and
     * the partials are added in chunk order, whatever the thread count.
     * Or by Winograd where {@link ConvChoice} says so, or for filters of few taps by {@link ConvFewTapsWeightGrad}.
     * grad (n, cout, oh, ow) and x (n, cin, h, w) dense; gradWeight (cout, cin/groups, kh, kw) is overwritten.
     */
    static void conv2dWeightGrad(View grad, View x, Window k, int groups, View gradWeight) {
        int n = x.shape()[0], cin = x.shape()[1], h = x.shape()[2], w = x.shape()[3], cout = gradWeight.shape()[0];
        Object gs = ArrayStorage.data(grad), xs = ArrayStorage.data(x), out = ArrayStorage.data(gradWeight);
        if (out instanceof float[] gw && ConvChoice.winograd(ConvChoice.Product.WEIGHT_GRAD, new ConvAlgorithm.Shape(n, cin, h, w, cout, groups, k))) {
            ConvWinograd.weightGrad((float[]) gs, (float[]) xs, n, cin, h, w, k.ph(), k.pw(), cout, gw);
            return;
        }
        if (out instanceof float[] gw && ConvFewTapsWeightGrad.handles(k, cin / groups, groups)) {
            ConvFewTapsWeightGrad.compute((float[]) gs, (float[]) xs, n, cin, h, w, cout, k, gw);
            return;
        }
        weightGradColumns(gs, xs, out, n, cin, h, w, cout, k, groups);
    }

    /** {@link #conv2dWeightGrad} by im2col and GEMM, on dense arrays. */
    static void weightGradColumns(Object gs, Object xs, Object out, int n, int cin, int h, int w, int cout, Window k, int groups) {
        int oh = k.outH(h), ow = k.outW(w), l = oh * ow;
        int kg = cin / groups * k.kh * k.kw, coutG = cout / groups, size = cout * kg;
        boolean single = out instanceof float[];
        if (n == 0) {
            if (single) java.util.Arrays.fill((float[]) out, 0f);
            else java.util.Arrays.fill((double[]) out, 0.0);
            return;
        }
        int chunks = Math.min(n, WEIGHT_GRAD_PARTIALS);
        Object partials = single ? new float[chunks * size] : new double[chunks * size];
        Parallel.forRange(chunks, Math.max(1, imageGrain((long) cout * kg * l) / Math.max(1, n / chunks)), (from, to) -> {
            Object cols = takeCols(single, kg * groups * l);
            for (int c = from; c < to; c++) {
                int first = (int) ((long) n * c / chunks), last = (int) ((long) n * (c + 1) / chunks);
                for (int i = first; i < last; i++) {
                    columns(xs, i * cin * h * w, cin, h, w, k, oh, ow, cols);
                    for (int g = 0; g < groups; g++) {
                        gemm(kg, coutG, l, cols, g * kg * l, l, 1, gs, (i * cout + g * coutG) * l, 1, l,
                                partials, c * size + g * kg * coutG, coutG, i > first);
                    }
                }
            }
            giveCols(cols);
        });
        // out[o][r] of group g = sum over chunks of partial[c][g][r][o - g * coutG], the chunks in order
        for (int g = 0; g < groups; g++) {
            for (int r = 0; r < kg; r++) {
                for (int o = 0; o < coutG; o++) {
                    int from = g * kg * coutG + r * coutG + o, to = (g * coutG + o) * kg + r;
                    if (single) {
                        float[] p = (float[]) partials;
                        float sum = p[from];
                        for (int c = 1; c < chunks; c++) sum += p[c * size + from];
                        ((float[]) out)[to] = sum;
                    } else {
                        double[] p = (double[]) partials;
                        double sum = p[from];
                        for (int c = 1; c < chunks; c++) sum += p[c * size + from];
                        ((double[]) out)[to] = sum;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- max pooling

    /** Max over each window of a dense (planes, h, w) input; indices are h*w positions within a plane. */
    static void maxPool2d(View x, int planes, int h, int w, Window k, int oh, int ow, View out, View idx) {
        long[] ind = (long[]) ArrayStorage.data(idx);
        Object src = ArrayStorage.data(x), dst = ArrayStorage.data(out);
        boolean lanes = src instanceof float[] && KernelConfig.VECTOR && isPlain2x2(k, h, w, oh, ow);
        Parallel.forRange(planes, Math.max(1, 4096 / Math.max(1, oh * ow * k.kh * k.kw)), (from, to) -> {
            if (lanes) {
                MaxPool2x2.pool((float[]) src, h, w, oh, ow, from, to, (float[]) dst, ind);
                return;
            }
            for (int p = from; p < to; p++) {
                if (src instanceof float[] f) maxPoolPlane(f, p * h * w, h, w, k, oh, ow, (float[]) dst, ind, p * oh * ow);
                else maxPoolPlane((double[]) src, p * h * w, h, w, k, oh, ow, (double[]) dst, ind, p * oh * ow);
            }
        });
    }

    /** The common 2x2 window at stride 2, without padding or dilation, inside the image. */
    private static boolean isPlain2x2(Window k, int h, int w, int oh, int ow) {
        return k.kh == 2 && k.kw == 2 && k.sh == 2 && k.sw == 2 && k.ph == 0 && k.pw == 0 && k.dh == 1 && k.dw == 1
                && 2 * oh <= h && 2 * ow <= w;
    }

    /** One plane; within a window the first maximum wins, and a NaN beats everything (the last NaN, as in PyTorch). */
    private static void maxPoolPlane(float[] src, int in, int h, int w, Window k, int oh, int ow, float[] dst, long[] ind, int o) {
        if (isPlain2x2(k, h, w, oh, ow)) {
            maxPool2x2(src, in, w, oh, ow, dst, ind, o);
            return;
        }
        for (int y = 0; y < oh; y++) {
            int y0 = y * k.sh - k.ph;
            int iFrom = y0 >= 0 ? 0 : (-y0 + k.dh - 1) / k.dh, iTo = Math.min(k.kh, (h - 1 - y0) / k.dh + 1);
            for (int xo = 0; xo < ow; xo++, o++) {
                int x0 = xo * k.sw - k.pw;
                int jFrom = x0 >= 0 ? 0 : (-x0 + k.dw - 1) / k.dw, jTo = Math.min(k.kw, (w - 1 - x0) / k.dw + 1);
                float best = Float.NEGATIVE_INFINITY;
                int bestAt = -1;
                for (int i = iFrom; i < iTo; i++) {
                    int row = (y0 + i * k.dh) * w;
                    for (int j = jFrom; j < jTo; j++) {
                        int at = row + x0 + j * k.dw;
                        float v = src[in + at];
                        if (bestAt < 0 || v > best || v != v) {
                            best = v;
                            bestAt = at;
                        }
                    }
                }
                ind[o] = bestAt;
                dst[o] = best;
            }
        }
    }

    /**
     * The common 2x2 window at stride 2, unrolled: the same comparisons in the same order as the general loop,
     * written as selects (on random data a branch per comparison mispredicts half the time).
     */
    private static void maxPool2x2(float[] src, int in, int w, int oh, int ow, float[] dst, long[] ind, int o) {
        for (int y = 0; y < oh; y++) {
            for (int xo = 0; xo < ow; xo++, o++) max2x2(src, in, 2 * y * w + 2 * xo, w, dst, ind, o);
        }
    }

    /** The 2x2 window whose top-left input is at (within the plane at in) into output o, as selects. */
    static void max2x2(float[] src, int in, int at, int w, float[] dst, long[] ind, int o) {
        int a = in + at;
        float v0 = src[a], v1 = src[a + 1], v2 = src[a + w], v3 = src[a + w + 1];
        boolean t1 = v1 > v0 || v1 != v1;
        float best = t1 ? v1 : v0;
        int bestAt = t1 ? at + 1 : at;
        boolean t2 = v2 > best || v2 != v2;
        best = t2 ? v2 : best;
        bestAt = t2 ? at + w : bestAt;
        boolean t3 = v3 > best || v3 != v3;
        dst[o] = t3 ? v3 : best;
        ind[o] = t3 ? at + w + 1 : bestAt;
    }

    private static void maxPoolPlane(double[] src, int in, int h, int w, Window k, int oh, int ow, double[] dst, long[] ind, int o) {
        for (int y = 0; y < oh; y++) {
            int y0 = y * k.sh - k.ph;
            int iFrom = y0 >= 0 ? 0 : (-y0 + k.dh - 1) / k.dh, iTo = Math.min(k.kh, (h - 1 - y0) / k.dh + 1);
            for (int xo = 0; xo < ow; xo++, o++) {
                int x0 = xo * k.sw - k.pw;
                int jFrom = x0 >= 0 ? 0 : (-x0 + k.dw - 1) / k.dw, jTo = Math.min(k.kw, (w - 1 - x0) / k.dw + 1);
                double best = Double.NEGATIVE_INFINITY;
                int bestAt = -1;
                for (int i = iFrom; i < iTo; i++) {
                    int row = (y0 + i * k.dh) * w;
                    for (int j = jFrom; j < jTo; j++) {
                        int at = row + x0 + j * k.dw;
                        double v = src[in + at];
                        if (bestAt < 0 || v > best || v != v) {
                            best = v;
                            bestAt = at;
                        }
                    }
                }
                ind[o] = bestAt;
                dst[o] = best;
            }
        }
    }

    /**
     * Max pooling's backward: each output's gradient added onto the input position its index names, the
     * outputs of a plane in order (overlapping windows sum the same way every time). grad and indices dense
     * (planes, outPerPlane); gradInput dense (planes, inPerPlane), overwritten.
     */
    static void maxPoolBackward(View grad, View indices, int planes, int outPerPlane, int inPerPlane, View gradInput) {
        long[] ind = (long[]) ArrayStorage.data(indices);
        Object g = ArrayStorage.data(grad), gi = ArrayStorage.data(gradInput);
        Parallel.forRange(planes, Math.max(1, Parallel.ELEMENTWISE_GRAIN / Math.max(1, inPerPlane)), (from, to) -> {
            if (gi instanceof float[] o) {
                float[] gf = (float[]) g;
                java.util.Arrays.fill(o, from * inPerPlane, to * inPerPlane, 0f);
                for (int p = from; p < to; p++) {
                    int base = p * inPerPlane;
                    for (int j = p * outPerPlane, end = j + outPerPlane; j < end; j++) o[base + (int) ind[j]] += gf[j];
                }
            } else {
                double[] o = (double[]) gi, gd = (double[]) g;
                java.util.Arrays.fill(o, from * inPerPlane, to * inPerPlane, 0.0);
                for (int p = from; p < to; p++) {
                    int base = p * inPerPlane;
                    for (int j = p * outPerPlane, end = j + outPerPlane; j < end; j++) o[base + (int) ind[j]] += gd[j];
                }
            }
        });
    }
}
