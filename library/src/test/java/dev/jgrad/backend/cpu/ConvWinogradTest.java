package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.*;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Winograd's 3x3 convolution products ({@link ConvWinograd}) against float64 loops over the definitions (the
 * independent oracle): forward, input gradient (the flipped forward) and weight gradient, over shapes whose
 * outputs end mid-tile, with and without padding, one image and several chunks. Also: the same bits whatever the
 * thread count.
 */
class ConvWinogradTest {
    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }

    /** out[b][o][y][x] = bias[o] + sum x[b][c][y - p + i][x - p + j] w[o][c][i][j]. */
    private static double[] forwardRef(float[] x, float[] w, float[] bias, int n, int cin, int h, int wd, int cout, int p) {
        int oh = h + 2 * p - 2, ow = wd + 2 * p - 2;
        double[] out = new double[n * cout * oh * ow];
        for (int b = 0; b < n; b++)
            for (int o = 0; o < cout; o++)
                for (int y = 0; y < oh; y++)
                    for (int xo = 0; xo < ow; xo++) {
                        double s = bias == null ? 0 : bias[o];
                        for (int c = 0; c < cin; c++)
                            for (int i = 0; i < 3; i++)
                                for (int j = 0; j < 3; j++) {
                                    int iy = y - p + i, ix = xo - p + j;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < wd)
                                        s += (double) x[((b * cin + c) * h + iy) * wd + ix] * w[((o * cin + c) * 3 + i) * 3 + j];
                                }
                        out[((b * cout + o) * oh + y) * ow + xo] = s;
                    }
        return out;
    }

    /** Largest |got - want| over the largest |want|: the error relative to the output's scale. */
    private static double relError(float[] got, double[] want) {
        double err = 0, scale = 0;
        for (int i = 0; i < want.length; i++) {
            err = Math.max(err, Math.abs(got[i] - want[i]));
            scale = Math.max(scale, Math.abs(want[i]));
        }
        return err / scale;
    }

    /** The indices (grad, weight, input) of every term of a 3x3 correlation with padding p. */
    private interface Term {
        void add(int gradIndex, int weightIndex, int inputIndex);
    }

    private static void eachTerm(int n, int cin, int h, int w, int cout, int p, Term term) {
        int oh = h + 2 * p - 2, ow = w + 2 * p - 2;
        for (int b = 0; b < n; b++)
            for (int o = 0; o < cout; o++)
                for (int y = 0; y < oh; y++)
                    for (int xo = 0; xo < ow; xo++)
                        for (int c = 0; c < cin; c++)
                            for (int i = 0; i < 3; i++)
                                for (int j = 0; j < 3; j++) {
                                    int iy = y - p + i, ix = xo - p + j;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        term.add(((b * cout + o) * oh + y) * ow + xo, ((o * cin + c) * 3 + i) * 3 + j, ((b * cin + c) * h + iy) * w + ix);
                                    }
                                }
    }

    private static final int[][] SHAPES = {  // n, cin, h, w, cout, padding
            {1, 1, 3, 3, 1, 0}, {2, 3, 7, 9, 5, 1}, {3, 4, 10, 6, 2, 0}, {9, 5, 11, 13, 7, 2}, {5, 16, 26, 26, 8, 0},
            {2, 17, 6, 30, 3, 1}, {2, 3, 5, 6, 4, 3}, {60, 2, 28, 28, 3, 0}};  // the last: 20 chunks, so the weight gradient's groups add chunks

    @Test void forwardMatchesTheDefinition() {
        Random rnd = new Random(1);
        for (int[] s : SHAPES) {
            int n = s[0], cin = s[1], h = s[2], w = s[3], cout = s[4], p = s[5];
            float[] x = random(rnd, n * cin * h * w), wt = random(rnd, cout * cin * 9), bias = random(rnd, cout);
            float[] out = new float[n * cout * (h + 2 * p - 2) * (w + 2 * p - 2)];
            ConvWinograd.forward(x, n, cin, h, w, p, p, wt, bias, cout, out);
            double e = relError(out, forwardRef(x, wt, bias, n, cin, h, w, cout, p));
            assertTrue(e < 1e-5, Arrays.toString(s) + " " + e);
        }
    }

    @Test void inputGradientMatchesTheDefinition() {
        Random rnd = new Random(2);
        for (int[] s : SHAPES) {
            int n = s[0], cin = s[1], h = s[2], w = s[3], cout = s[4], p = s[5], oh = h + 2 * p - 2, ow = w + 2 * p - 2;
            float[] wt = random(rnd, cout * cin * 9), grad = random(rnd, n * cout * oh * ow);
            double[] want = new double[n * cin * h * w];  // gradInput[b][c][iy][ix] += grad[b][o][y][x] w[o][c][i][j]
            eachTerm(n, cin, h, w, cout, p, (gi, wi, xi) -> want[xi] += (double) grad[gi] * wt[wi]);
            float[] got = new float[n * cin * h * w];
            ConvWinograd.inputGrad(grad, wt, n, cin, h, w, p, p, cout, got);
            assertTrue(relError(got, want) < 1e-5, Arrays.toString(s) + " " + relError(got, want));
        }
    }

    @Test void weightGradientMatchesTheDefinition() {
        Random rnd = new Random(3);
        for (int[] s : SHAPES) {
            int n = s[0], cin = s[1], h = s[2], w = s[3], cout = s[4], p = s[5], oh = h + 2 * p - 2, ow = w + 2 * p - 2;
            float[] x = random(rnd, n * cin * h * w), grad = random(rnd, n * cout * oh * ow);
            double[] want = new double[cout * cin * 9];
            eachTerm(n, cin, h, w, cout, p, (gi, wi, xi) -> want[wi] += (double) grad[gi] * x[xi]);
            float[] got = new float[cout * cin * 9];
            ConvWinograd.weightGrad(grad, x, n, cin, h, w, p, p, cout, got);
            assertTrue(relError(got, want) < 1e-5, Arrays.toString(s) + " " + relError(got, want));
        }
    }

    @Test void sameBitsWhateverTheThreadCount() {
        Random rnd = new Random(4);
        int n = 60, cin = 3, h = 28, w = 28, cout = 4;  // 20 chunks: the weight gradient's 16 groups add some up
        float[] x = random(rnd, n * cin * h * w), wt = random(rnd, cout * cin * 9), grad = random(rnd, n * cout * 26 * 26);
        int before = Parallel.numThreads();
        float[][] fwd = new float[2][n * cout * 26 * 26], gw = new float[2][cout * cin * 9], gi = new float[2][n * cin * h * w];
        try {
            for (int t = 0; t < 2; t++) {
                Parallel.setNumThreads(t == 0 ? 1 : 3);
                ConvWinograd.forward(x, n, cin, h, w, 0, 0, wt, null, cout, fwd[t]);
                ConvWinograd.inputGrad(grad, wt, n, cin, h, w, 0, 0, cout, gi[t]);
                ConvWinograd.weightGrad(grad, x, n, cin, h, w, 0, 0, cout, gw[t]);
            }
        } finally {
            Parallel.setNumThreads(before);
        }
        assertArrayEquals(fwd[0], fwd[1]);
        assertArrayEquals(gw[0], gw[1]);
        assertArrayEquals(gi[0], gi[1]);
    }

    /** Through the public API with Winograd switched on: conv2d's value and both gradients agree with im2col's. */
    @Test void switchedOnThroughTheApi() {
        assumeTrue(KernelConfig.VECTOR, "Winograd runs on the Vector API only");
        dev.jgrad.Torch.manualSeed(5);
        dev.jgrad.Tensor x = dev.jgrad.Torch.randn(3, 16, 12, 10).requiresGrad_(true);
        dev.jgrad.Tensor w = dev.jgrad.Torch.randn(17, 16, 3, 3).requiresGrad_(true);
        dev.jgrad.Tensor b = dev.jgrad.Torch.randn(17);
        dev.jgrad.Tensor[][] got = new dev.jgrad.Tensor[2][];
        ConvPlan before = ConvChoice.override;
        try {
            for (int on = 0; on < 2; on++) {
                ConvChoice.override = new ConvPlan(on == 1, on == 1, on == 1, "test");
                dev.jgrad.Tensor y = dev.jgrad.nn.functional.F.conv2d(x, w, b, 1, 1);
                y.mul(y).sum().backward();
                got[on] = new dev.jgrad.Tensor[] {y.detach(), x.grad(), w.grad()};
                x.setGrad(null);
                w.setGrad(null);
            }
        } finally {
            ConvChoice.override = before;
        }
        for (int i = 0; i < 3; i++) {
            float[] im = got[0][i].contiguous().toFloatArray(), wi = got[1][i].contiguous().toFloatArray();
            double scale = 0, err = 0;
            for (int j = 0; j < im.length; j++) {
                scale = Math.max(scale, Math.abs(im[j]));
                err = Math.max(err, Math.abs(im[j] - wi[j]));
            }
            assertTrue(err / scale < 1e-5, "output " + i + ": " + err / scale);
            assertFalse(java.util.Arrays.equals(im, wi), "output " + i + " did not run by Winograd");
        }
    }

    @Test void planProperties() {
        assertEquals(new ConvPlan(true, true, true, "forced"), ConvPlan.choose("always", "true", "k", null, f -> fail()));
        assertEquals(new ConvPlan(false, false, false, "forced"), ConvPlan.choose("never", "true", "k", null, f -> fail()));
        assertEquals(ConvPlan.PROVISIONAL, ConvPlan.choose("auto", "false", "k", null, f -> fail()));
        assertThrows(IllegalArgumentException.class, () -> ConvPlan.choose("fast", "true", "k", null, f -> fail()));
    }

    @Test void planCacheRoundTrip(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("conv-plan-test.properties");
        java.util.List<java.nio.file.Path> started = new java.util.ArrayList<>();
        assertEquals(ConvPlan.PROVISIONAL, ConvPlan.choose("auto", "true", "k1", file, started::add));
        assertEquals(java.util.List.of(file), started);  // no cache: provisional, and a calibration is started
        assertTrue(new ConvPlan(true, false, true, "measured").write(file, "k1", "test"));
        assertEquals(new ConvPlan(true, false, true, "cached"), ConvPlan.choose("auto", "true", "k1", file, f -> fail()));
        assertNull(ConvPlan.read(file, "k2"));  // another machine's key
        java.nio.file.Files.writeString(file, "key=k1\nforward=fast\n");
        assertNull(ConvPlan.read(file, "k1"));  // corrupt
    }

    /** The background calibration's measurement decides every product and says what it measured. */
    @Test void calibrationMeasures() {
        assumeTrue(KernelConfig.VECTOR);
        ConvCalibration.Result r = ConvCalibration.measure(60_000_000_000L, 300_000_000L);
        assertNotNull(r);
        assertEquals("measured", r.plan().source());
        assertTrue(r.note().contains("WEIGHT_GRAD"), r.note());
    }

    /** Layers whose scratch or weight-gradient partials would be large are left to im2col. */
    @Test void bigLayersDoNotFit() {
        assertTrue(ConvWinograd.fits(64, 32, 64, 24, 24));      // mnist's second layer
        assertFalse(ConvWinograd.fits(256, 256, 256, 56, 56));  // 16 partials of 36 x 256 x 256
        assertFalse(ConvWinograd.fits(8, 64, 64, 1024, 1024));  // one image's tiles alone
        ConvAlgorithm.Shape big = new ConvAlgorithm.Shape(256, 256, 58, 58, 256, 1, new ConvKernels.Window(3, 3, 1, 1, 0, 0, 1, 1));
        ConvPlan before = ConvChoice.override;
        try {
            ConvChoice.override = new ConvPlan(true, true, true, "test");
            assertFalse(ConvChoice.winograd(ConvChoice.Product.WEIGHT_GRAD, big));
        } finally {
            ConvChoice.override = before;
        }
    }
}
