package dev.jgrad.backend.cpu;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.backend.View;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The float32 convolution's two forward algorithms ({@link ConvAlgorithm}) give the same bits on every shape both
 * handle, and both agree with a plain float64 loop over the definition (the independent oracle) within float32
 * rounding; the measured choice settles on one algorithm per shape and keeps it. Also the vector 2x2 max pool
 * against the window's order.
 */
class ConvAlgorithmTest {
    private static View dense(float[] a, int... shape) {
        int[] strides = new int[shape.length];
        for (int i = shape.length - 1, s = 1; i >= 0; s *= shape[i], i--) strides[i] = s;
        return new View(ArrayStorage.wrap(a), shape, strides, 0);
    }

    private static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }

    /** out[b][o][y][x] = bias[o] + sum over c, i, j of x[b][g*cinG+c][y*sh-ph+i*dh][x*sw-pw+j*dw] * w[o][c][i][j], in double. */
    private static double[] reference(float[] x, float[] w, float[] bias, int n, int cin, int h, int wd, int cout, int groups,
                                      ConvKernels.Window k) {
        int oh = k.outH(h), ow = k.outW(wd), cinG = cin / groups, coutG = cout / groups;
        double[] out = new double[n * cout * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < cout; o++) {
                int g = o / coutG;
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        double s = bias == null ? 0 : bias[o];
                        for (int c = 0; c < cinG; c++) {
                            for (int i = 0; i < k.kh(); i++) {
                                int iy = y * k.sh() - k.ph() + i * k.dh();
                                if (iy < 0 || iy >= h) continue;
                                for (int j = 0; j < k.kw(); j++) {
                                    int ix = xo * k.sw() - k.pw() + j * k.dw();
                                    if (ix < 0 || ix >= wd) continue;
                                    s += (double) x[((b * cin + g * cinG + c) * h + iy) * wd + ix]
                                            * w[((o * cinG + c) * k.kh() + i) * k.kw() + j];
                                }
                            }
                        }
                        out[((b * cout + o) * oh + y) * ow + xo] = s;
                    }
                }
            }
        }
        return out;
    }

    private static float[] run(ConvAlgorithm alg, float[] x, float[] w, float[] bias, int n, int cin, int h, int wd, int cout,
                               int groups, ConvKernels.Window k) {
        int oh = k.outH(h), ow = k.outW(wd);
        float[] out = new float[n * cout * oh * ow];
        ConvAlgorithm saved = ConvAlgorithm.forced;
        ConvPlan savedPlan = ConvChoice.override;
        try {
            ConvAlgorithm.forced = alg;
            ConvChoice.override = ConvPlan.PROVISIONAL;  // these two, never Winograd, whatever the machine measured
            ConvKernels.conv2d(dense(x, n, cin, h, wd), dense(w, cout, cin / groups, k.kh(), k.kw()),
                    bias == null ? null : dense(bias, cout), k, groups, dense(out, n, cout, oh, ow));
        } finally {
            ConvAlgorithm.forced = saved;
            ConvChoice.override = savedPlan;
        }
        return out;
    }

    @Test
    void bothAlgorithmsGiveTheSameBitsAndTheDefinitionsValues() {
        assumeTrue(KernelConfig.VECTOR, "the algorithms are the Vector API paths");
        Random rnd = new Random(2024);
        // n, cin, h, w, cout, groups, kh, kw, ph, pw, dh, dw, bias: mnist's two layers, padding, dilation, groups,
        // odd sizes (ragged tiles), a deep layer (several depth blocks of the GEMM), 1x1 and 1-pixel outputs
        int[][] cases = {
            {4, 1, 28, 28, 32, 1, 3, 3, 0, 0, 1, 1, 1},
            {2, 32, 26, 26, 64, 1, 3, 3, 0, 0, 1, 1, 1},
            {3, 3, 11, 13, 7, 1, 3, 3, 1, 1, 1, 1, 0},
            {2, 4, 9, 10, 6, 2, 3, 2, 2, 1, 2, 1, 1},
            {1, 6, 7, 7, 9, 3, 5, 5, 2, 2, 1, 1, 1},
            {2, 80, 6, 5, 5, 1, 3, 3, 1, 1, 1, 1, 1},
            {3, 5, 8, 8, 3, 1, 1, 1, 0, 0, 1, 1, 0},
            {2, 2, 3, 3, 5, 1, 3, 3, 0, 0, 1, 1, 1},
        };
        for (int[] c : cases) {
            int n = c[0], cin = c[1], h = c[2], wd = c[3], cout = c[4], groups = c[5];
            ConvKernels.Window k = new ConvKernels.Window(c[6], c[7], 1, 1, c[8], c[9], c[10], c[11]);
            float[] x = random(rnd, n * cin * h * wd), w = random(rnd, cout * cin / groups * c[6] * c[7]);
            float[] bias = c[12] == 1 ? random(rnd, cout) : null;
            float[] gemm = run(ConvAlgorithm.GEMM, x, w, bias, n, cin, h, wd, cout, groups, k);
            float[] direct = run(ConvAlgorithm.DIRECT, x, w, bias, n, cin, h, wd, cout, groups, k);
            double[] ref = reference(x, w, bias, n, cin, h, wd, cout, groups, k);
            double tol = 1e-5 * Math.sqrt(cin / groups * c[6] * c[7]);
            for (int i = 0; i < ref.length; i++) {
                String what = java.util.Arrays.toString(c) + " element " + i;
                assertEquals(Float.floatToRawIntBits(gemm[i]), Float.floatToRawIntBits(direct[i]),
                        what + ": gemm " + gemm[i] + ", direct " + direct[i]);
                assertEquals(ref[i], gemm[i], tol * Math.max(1, Math.abs(ref[i])), what);
            }
        }
    }

    @Test
    void stridedWindowsRunTheGemmAlgorithmEvenWhenDirectIsForced() {
        assumeTrue(KernelConfig.VECTOR, "the algorithms are the Vector API paths");
        Random rnd = new Random(5);
        ConvKernels.Window k = new ConvKernels.Window(3, 3, 2, 2, 1, 1, 1, 1);
        float[] x = random(rnd, 2 * 3 * 9 * 9), w = random(rnd, 4 * 3 * 9);
        float[] direct = run(ConvAlgorithm.DIRECT, x, w, null, 2, 3, 9, 9, 4, 1, k);
        double[] ref = reference(x, w, null, 2, 3, 9, 9, 4, 1, k);
        for (int i = 0; i < ref.length; i++) assertEquals(ref[i], direct[i], 1e-4 * Math.max(1, Math.abs(ref[i])), "element " + i);
    }

    @Test
    void theMeasuredChoiceSettlesOnOneAlgorithmAndKeepsIt() {
        ConvKernels.Window k = new ConvKernels.Window(3, 3, 1, 1, 0, 0, 1, 1);
        ConvAlgorithm.Shape shape = new ConvAlgorithm.Shape(1, 2, 5, 5, 3, 1, k);
        ConvAlgorithm.Race race = new ConvAlgorithm.Race();
        int[] seen = new int[2];
        for (int call = 0; call < ConvAlgorithm.WARM_CALLS + 2 * ConvAlgorithm.TIMED_ROUNDS; call++) {
            ConvAlgorithm alg = race.next();
            seen[alg.ordinal()]++;
            race.took(alg, alg == ConvAlgorithm.DIRECT ? 1_000 : 5_000);  // direct measured faster
        }
        assertEquals(seen[0], seen[1], "the race alternates");
        assertEquals(ConvAlgorithm.DIRECT, race.winner());
        for (int call = 0; call < 10; call++) {
            assertEquals(ConvAlgorithm.DIRECT, race.next());
            race.took(ConvAlgorithm.DIRECT, 1_000_000);  // later slow calls do not reopen it
        }
        assertEquals(ConvAlgorithm.DIRECT, race.winner());
        assertNotNull(shape);
        assertThrows(IllegalArgumentException.class, () -> ConvAlgorithm.parse("winograd"));
    }

    @Test
    void theVectorTwoByTwoPoolPicksWhatTheWindowOrderPicks() {
        // ties (values drawn from a few levels), NaNs, infinities and signed zeros; plane sizes with and without a
        // tail past the last whole vector; odd image sizes (the last row and column left out)
        Random rnd = new Random(77);
        float[] levels = {0f, -0f, 1f, 2f, Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -3f};
        int[][] sizes = {{24, 24}, {10, 10}, {9, 7}, {2, 2}, {33, 66}};
        for (int[] hw : sizes) {
            int planes = 5, h = hw[0], w = hw[1], oh = h / 2, ow = w / 2;
            float[] x = new float[planes * h * w];
            for (int i = 0; i < x.length; i++) x[i] = levels[rnd.nextInt(levels.length)];
            float[] out = new float[planes * oh * ow];
            long[] idx = new long[planes * oh * ow];
            ConvKernels.Window k = new ConvKernels.Window(2, 2, 2, 2, 0, 0, 1, 1);
            ConvKernels.maxPool2d(dense(x, planes, h, w), planes, h, w, k, oh, ow, dense(out, planes, oh, ow),
                    new View(ArrayStorage.wrap(idx), new int[] {planes, oh, ow}, new int[] {oh * ow, ow, 1}, 0));
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < oh; y++) {
                    for (int xo = 0; xo < ow; xo++) {
                        // the window in order; a later value wins when greater or NaN
                        int bestAt = -1;
                        float best = 0;
                        for (int i = 0; i < 2; i++) {
                            for (int j = 0; j < 2; j++) {
                                int at = (2 * y + i) * w + 2 * xo + j;
                                float v = x[p * h * w + at];
                                if (bestAt < 0 || v > best || Float.isNaN(v)) {
                                    best = v;
                                    bestAt = at;
                                }
                            }
                        }
                        int o = (p * oh + y) * ow + xo;
                        String what = h + "x" + w + " plane " + p + " output (" + y + ", " + xo + ")";
                        assertEquals(bestAt, idx[o], what);
                        assertEquals(Float.floatToRawIntBits(best), Float.floatToRawIntBits(out[o]), what);
                    }
                }
            }
        }
    }
}
