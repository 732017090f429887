package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The few-taps weight gradient ({@link ConvFewTapsWeightGrad}) against a float64 loop over the definition (the
 * independent oracle), with padding, rows narrower and wider than a vector, one image and many; and its bits
 * whatever the thread count.
 */
class ConvFewTapsWeightGradTest {
    /** gradWeight[o][c][i][j] = sum grad[b][o][y][x] * x[b][c][y - ph + i][x - pw + j], in double. */
    private static double[] reference(float[] g, float[] x, int n, int cin, int h, int w, int cout, ConvKernels.Window k) {
        int oh = k.outH(h), ow = k.outW(w);
        double[] out = new double[cout * cin * k.kh() * k.kw()];
        for (int b = 0; b < n; b++)
            for (int o = 0; o < cout; o++)
                for (int y = 0; y < oh; y++)
                    for (int xo = 0; xo < ow; xo++)
                        for (int c = 0; c < cin; c++)
                            for (int i = 0; i < k.kh(); i++)
                                for (int j = 0; j < k.kw(); j++) {
                                    int iy = y - k.ph() + i, ix = xo - k.pw() + j;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                                        out[((o * cin + c) * k.kh() + i) * k.kw() + j] += (double) g[((b * cout + o) * oh + y) * ow + xo]
                                                * x[((b * cin + c) * h + iy) * w + ix];
                                }
        return out;
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }

    @Test void matchesTheDefinition() {
        assumeTrue(KernelConfig.VECTOR);
        Random rnd = new Random(11);
        int[][] cases = {  // n, cin, h, w, cout, kh, kw, ph, pw
                {64, 1, 28, 28, 32, 3, 3, 0, 0}, {3, 3, 9, 40, 5, 3, 3, 1, 1}, {1, 1, 5, 5, 2, 5, 5, 2, 2}, {2, 2, 7, 4, 3, 2, 3, 0, 1},
                {5, 3, 6, 17, 4, 3, 3, 0, 0}};
        for (int[] c : cases) {
            ConvKernels.Window k = new ConvKernels.Window(c[5], c[6], 1, 1, c[7], c[8], 1, 1);
            assertTrue(ConvFewTapsWeightGrad.handles(k, c[1], 1));
            int n = c[0], cin = c[1], h = c[2], w = c[3], cout = c[4];
            float[] x = random(rnd, n * cin * h * w), g = random(rnd, n * cout * k.outH(h) * k.outW(w));
            float[] got = new float[cout * cin * k.kh() * k.kw()];
            ConvFewTapsWeightGrad.compute(g, x, n, cin, h, w, cout, k, got);
            double[] want = reference(g, x, n, cin, h, w, cout, k);
            double err = 0, scale = 0;
            for (int i = 0; i < want.length; i++) {
                err = Math.max(err, Math.abs(got[i] - want[i]));
                scale = Math.max(scale, Math.abs(want[i]));
            }
            assertTrue(err / scale < 1e-5, Arrays.toString(c) + " " + err / scale);
        }
    }

    @Test void sameBitsWhateverTheThreadCount() {
        assumeTrue(KernelConfig.VECTOR);
        Random rnd = new Random(12);
        ConvKernels.Window k = new ConvKernels.Window(3, 3, 1, 1, 1, 1, 1, 1);
        float[] x = random(rnd, 6 * 2 * 20 * 20), g = random(rnd, 6 * 7 * 20 * 20);
        float[][] got = new float[2][7 * 2 * 9];
        int before = Parallel.numThreads();
        try {
            for (int t = 0; t < 2; t++) {
                Parallel.setNumThreads(t == 0 ? 1 : 3);
                ConvFewTapsWeightGrad.compute(g, x, 6, 2, 20, 20, 7, k, got[t]);
            }
        } finally {
            Parallel.setNumThreads(before);
        }
        assertArrayEquals(got[0], got[1]);
    }

    @Test void onlyFewTapsAtStrideOne() {
        assertFalse(ConvFewTapsWeightGrad.handles(new ConvKernels.Window(3, 3, 2, 2, 0, 0, 1, 1), 1, 1));
        assertFalse(ConvFewTapsWeightGrad.handles(new ConvKernels.Window(3, 3, 1, 1, 0, 0, 1, 1), 4, 1));
        assertFalse(ConvFewTapsWeightGrad.handles(new ConvKernels.Window(3, 3, 1, 1, 0, 0, 2, 2), 1, 1));
    }
}
