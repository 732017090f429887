package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.DType;
import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.nn.functional.F;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The convolution and max-pooling kernels (forward, and the backward kernels autograd uses when no graph of
 * the backward is built) against plain loops over the definition in float64, for strides, padding,
 * dilation and groups; and the same bits for any number of threads.
 */
class ConvKernelsTest {

    /** A geometry: input (n, cin, h, w), weight (cout, cin/groups, kh, kw), stride, padding, dilation, groups. */
    record Case(int n, int cin, int h, int w, int cout, int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int groups) {
        int oh() { return (h + 2 * ph - dh * (kh - 1) - 1) / sh + 1; }

        int ow() { return (w + 2 * pw - dw * (kw - 1) - 1) / sw + 1; }
    }

    static final List<Case> CASES = List.of(
            new Case(2, 1, 9, 9, 4, 3, 3, 1, 1, 0, 0, 1, 1, 1),      // mnist conv1's kind: one input channel
            new Case(3, 5, 8, 7, 6, 3, 3, 1, 1, 0, 0, 1, 1, 1),      // conv2's kind, non-square
            new Case(2, 4, 9, 10, 6, 3, 2, 2, 3, 1, 2, 1, 1, 2),     // strides, padding beyond the kernel, groups
            new Case(2, 3, 11, 9, 2, 3, 3, 1, 2, 2, 1, 2, 2, 1),     // dilation with padding
            new Case(1, 2, 4, 4, 3, 1, 1, 1, 1, 0, 0, 1, 1, 1),      // 1x1
            new Case(2, 2, 3, 5, 2, 3, 3, 2, 2, 4, 4, 1, 1, 1));     // padding wider than the image

    /** out[n][o][y][x] = b[o] + sum over the group's inputs of w * x, straight from the definition. */
    static double[] convReference(Case c, double[] x, double[] w, double[] b) {
        int oh = c.oh(), ow = c.ow(), cinG = c.cin / c.groups, coutG = c.cout / c.groups;
        double[] out = new double[c.n * c.cout * oh * ow];
        for (int n = 0; n < c.n; n++) {
            for (int o = 0; o < c.cout; o++) {
                int g = o / coutG;
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        double s = b[o];
                        for (int ci = 0; ci < cinG; ci++) {
                            for (int i = 0; i < c.kh; i++) {
                                for (int j = 0; j < c.kw; j++) {
                                    int iy = y * c.sh - c.ph + i * c.dh, ix = xo * c.sw - c.pw + j * c.dw;
                                    if (iy < 0 || iy >= c.h || ix < 0 || ix >= c.w) continue;
                                    s += w[((o * cinG + ci) * c.kh + i) * c.kw + j] * x[((n * c.cin + g * cinG + ci) * c.h + iy) * c.w + ix];
                                }
                            }
                        }
                        out[((n * c.cout + o) * oh + y) * ow + xo] = s;
                    }
                }
            }
        }
        return out;
    }

    /** d(sum of gy * out)/dx and /dw: every product w * x contributes gy * w to x's gradient and gy * x to w's. */
    static double[][] convGradReference(Case c, double[] x, double[] w, double[] gy) {
        int oh = c.oh(), ow = c.ow(), cinG = c.cin / c.groups, coutG = c.cout / c.groups;
        double[] gx = new double[x.length], gw = new double[w.length];
        for (int n = 0; n < c.n; n++) {
            for (int o = 0; o < c.cout; o++) {
                int g = o / coutG;
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        double d = gy[((n * c.cout + o) * oh + y) * ow + xo];
                        for (int ci = 0; ci < cinG; ci++) {
                            for (int i = 0; i < c.kh; i++) {
                                for (int j = 0; j < c.kw; j++) {
                                    int iy = y * c.sh - c.ph + i * c.dh, ix = xo * c.sw - c.pw + j * c.dw;
                                    if (iy < 0 || iy >= c.h || ix < 0 || ix >= c.w) continue;
                                    int xi = ((n * c.cin + g * cinG + ci) * c.h + iy) * c.w + ix, wi = ((o * cinG + ci) * c.kh + i) * c.kw + j;
                                    gx[xi] += d * w[wi];
                                    gw[wi] += d * x[xi];
                                }
                            }
                        }
                    }
                }
            }
        }
        return new double[][] {gx, gw};
    }

    static void assertClose(double[] expected, Tensor actual, double tol, String what) {
        double[] got = actual.contiguous().toDoubleArray();
        assertEquals(expected.length, got.length, what + ": size");
        for (int i = 0; i < got.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertTrue(Math.abs(got[i] - expected[i]) <= tol * scale, what + " [" + i + "]: " + got[i] + " vs " + expected[i]);
        }
    }

    @Test
    void convolutionAndItsGradientsMatchTheDefinition() {
        for (DType dt : List.of(DType.FLOAT64, DType.FLOAT32)) {
            double tol = dt == DType.FLOAT64 ? 1e-12 : 2e-5;
            for (Case c : CASES) {
                Torch.manualSeed(7);
                Tensor x = Torch.randn(dt, c.n, c.cin, c.h, c.w).requiresGrad_();
                Tensor w = Torch.randn(dt, c.cout, c.cin / c.groups, c.kh, c.kw).requiresGrad_();
                Tensor b = Torch.randn(dt, c.cout).requiresGrad_();
                Tensor gy = Torch.randn(dt, c.n, c.cout, c.oh(), c.ow());
                Tensor y = F.conv2d(x, w, b, new int[] {c.sh, c.sw}, new int[] {c.ph, c.pw}, new int[] {c.dh, c.dw}, c.groups);
                double[] xd = x.detach().toDoubleArray(), wd = w.detach().toDoubleArray(), gyd = gy.toDoubleArray();
                assertClose(convReference(c, xd, wd, b.detach().toDoubleArray()), y.detach(), tol, dt + " " + c + " forward");
                y.backward(gy);
                double[][] ref = convGradReference(c, xd, wd, gyd);
                assertClose(ref[0], x.grad(), tol, dt + " " + c + " grad input");
                assertClose(ref[1], w.grad(), tol, dt + " " + c + " grad weight");
            }
        }
    }

    @Test
    void maxPoolingAndItsGradientMatchTheDefinition() {
        // kernel 2 stride 1 overlaps windows (a gradient lands on one input several times); ties go to the first maximum
        Tensor x = Torch.tensor(new double[] {1, 5, 5, 2, 3, 5, 1, 4, 2, 2, 7, 1}).reshape(1, 1, 3, 4).toFloat().requiresGrad_();
        Tensor y = F.maxPool2d(x, 2, 1);
        assertArrayEquals(new double[] {5, 5, 5, 5, 7, 7}, y.detach().toDoubleArray());
        y.backward(Torch.tensor(new double[] {1, 2, 4, 8, 16, 32}).reshape(1, 1, 2, 3).toFloat());
        // the 5 at (0,1) is the first maximum of the first two windows (1 + 2), (0,2) of the third, (1,1) of the
        // fourth (the 5 above it is outside that window), the 7 of the last two
        assertArrayEquals(new double[] {0, 3, 4, 0, 0, 8, 0, 0, 0, 0, 48, 0}, x.grad().toDoubleArray());

        Torch.manualSeed(3);
        for (DType dt : List.of(DType.FLOAT32, DType.FLOAT64)) {
            Tensor a = Torch.randn(dt, 3, 4, 9, 8).requiresGrad_();
            int[] k = {3, 2}, s = {2, 3}, p = {1, 1}, d = {1, 2};
            Tensor out = F.maxPool2d(a, k, s, p, d, true);
            int oh = (int) out.size(2), ow = (int) out.size(3);
            Tensor g = Torch.randn(dt, 3, 4, oh, ow);
            out.backward(g);
            double[] ad = a.detach().toDoubleArray(), gd = g.toDoubleArray(), expect = new double[3 * 4 * oh * ow], expectGrad = new double[ad.length];
            for (int plane = 0; plane < 12; plane++) {
                for (int y0 = 0; y0 < oh; y0++) {
                    for (int x0 = 0; x0 < ow; x0++) {
                        double best = Double.NEGATIVE_INFINITY;
                        int at = -1;
                        for (int i = 0; i < k[0]; i++) {
                            for (int j = 0; j < k[1]; j++) {
                                int iy = y0 * s[0] - p[0] + i * d[0], ix = x0 * s[1] - p[1] + j * d[1];
                                if (iy < 0 || iy >= 9 || ix < 0 || ix >= 8) continue;
                                double v = ad[plane * 72 + iy * 8 + ix];
                                if (at < 0 || v > best) {
                                    best = v;
                                    at = plane * 72 + iy * 8 + ix;
                                }
                            }
                        }
                        int o = (plane * oh + y0) * ow + x0;
                        expect[o] = best;
                        expectGrad[at] += gd[o];
                    }
                }
            }
            assertClose(expect, out.detach(), 0, dt + " max_pool2d");
            assertClose(expectGrad, a.grad(), dt == DType.FLOAT32 ? 1e-6 : 1e-15, dt + " max_pool2d backward");
        }
    }

    @Test
    void plainTwoByTwoPoolMatchesTheScalarDefinitionBitForBit() {
        // the lane form (MaxPool2x2) against the definition: windows compared in order, a later candidate wins when
        // greater or NaN; values from a small set so that ties, NaNs and both zeros are common; widths below, at and
        // past a vector, odd sizes (an unused last row and column), and the array's last row (read element by element)
        java.util.Random r = new java.util.Random(5);
        double[] pool = {-1, 0, -0.0, 1, 2, Double.NaN};
        int[][] shapes = {{3, 4, 4}, {5, 7, 9}, {2, 24, 24}, {4, 10, 70}, {3, 6, 33}, {1, 2, 2}, {2, 5, 34}, {6, 3, 64}};
        for (int[] sh : shapes) {
            int planes = sh[0], h = sh[1], w = sh[2], oh = h / 2, ow = w / 2;
            double[] x = new double[planes * h * w];
            for (int i = 0; i < x.length; i++) x[i] = pool[r.nextInt(pool.length)];
            dev.jgrad.ValuesIndices got = F.maxPool2dWithIndices(Torch.tensor(x).reshape(1, planes, h, w).toFloat(),
                    new int[] {2, 2}, new int[] {2, 2}, new int[] {0, 0}, new int[] {1, 1}, false);
            double[] expect = new double[planes * oh * ow], expectAt = new double[expect.length];
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        int o = (p * oh + y) * ow + xo, at = 2 * y * w + 2 * xo;
                        float best = (float) x[p * h * w + at];
                        int bestAt = at;
                        for (int c : new int[] {at + 1, at + w, at + w + 1}) {
                            float v = (float) x[p * h * w + c];
                            if (v > best || Float.isNaN(v)) {
                                best = v;
                                bestAt = c;
                            }
                        }
                        expect[o] = best;
                        expectAt[o] = bestAt;
                    }
                }
            }
            String what = java.util.Arrays.toString(sh);
            assertArrayEquals(expect, got.values().toDoubleArray(), what + " values");
            assertArrayEquals(expectAt, got.indices().toDoubleArray(), what + " indices");
        }
    }

    /** mnist's second convolution at a smaller batch, its pooling, and their gradients, as exact bits. */
    private static double[][] mnistLayerBits() {
        Torch.manualSeed(11);
        Tensor x = Torch.randn(18, 8, 14, 14).requiresGrad_(), w = Torch.randn(16, 8, 3, 3).requiresGrad_(), b = Torch.randn(16).requiresGrad_();
        Tensor y = F.maxPool2d(F.conv2d(x, w, b).relu(), 2);
        y.backward(Torch.randn(y.shape()));
        return new double[][] {y.detach().toDoubleArray(), x.grad().toDoubleArray(), w.grad().toDoubleArray(), b.grad().toDoubleArray()};
    }

    @Test
    void sameBitsForAnyThreadCount() {
        int before = Parallel.numThreads();
        try {
            Parallel.setNumThreads(1);
            double[][] one = mnistLayerBits();
            for (int t : new int[] {2, 3, 7}) {
                Parallel.setNumThreads(t);
                double[][] got = mnistLayerBits();
                for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], got[i], 0.0, t + " threads, result " + i);
            }
        } finally {
            Parallel.setNumThreads(before);
        }
    }
}
